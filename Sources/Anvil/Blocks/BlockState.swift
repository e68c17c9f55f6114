/// A full block state: a namespaced name and its properties, kept sorted by key.
///
/// Its `token` is the text World-GAN and worldgan use for a vocabulary entry:
/// `minecraft:oak_stairs[facing=east,half=bottom,shape=straight,waterlogged=false]`
/// (no brackets when there are no properties).
///
/// ```swift
/// let s = BlockState("minecraft:oak_stairs", ["half": "bottom", "facing": "east"])
/// s.token  // "minecraft:oak_stairs[facing=east,half=bottom]"
/// BlockState(token: s.token) == s  // true
/// ```
public struct BlockState: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Namespaced id, e.g. `minecraft:stone`.
    public let name: String
    /// Property pairs sorted by key.
    public let properties: [(key: String, value: String)]

    /// A state from a name (a missing namespace becomes `minecraft:`) and properties in any order.
    public init(_ name: String, _ properties: [String: String] = [:]) {
        self.name = name.contains(":") ? name : "minecraft:" + name
        self.properties = properties.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
    }

    /// Parses a token as written by `token`; `nil` when the text is not of that form.
    public init?(token: String) {
        guard let open = token.firstIndex(of: "[") else {
            guard !token.isEmpty, !token.contains("]") else { return nil }
            self.init(token)
            return
        }
        guard token.last == "]" else { return nil }
        let name = String(token[..<open])
        let body = token[token.index(after: open)..<token.index(before: token.endIndex)]
        var props: [String: String] = [:]
        if !body.isEmpty {
            for part in body.split(separator: ",", omittingEmptySubsequences: false) {
                let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard kv.count == 2, !kv[0].isEmpty else { return nil }
                props[String(kv[0])] = String(kv[1])
            }
        }
        guard !name.isEmpty else { return nil }
        self.init(name, props)
    }

    /// The value of property `key`, or `nil` if this state has none.
    public subscript(key: String) -> String? {
        properties.first { $0.key == key }?.value
    }

    /// The properties as a dictionary.
    public var propertyDictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: properties.map { ($0.key, $0.value) })
    }

    /// The name without its namespace (`stone` for `minecraft:stone`).
    public var baseName: String {
        name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
    }

    /// The same block without properties.
    public var withoutProperties: BlockState { BlockState(name) }

    /// `name[k=v,...]`, properties sorted by key.
    public var token: String {
        properties.isEmpty ? name : name + "[" + properties.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "]"
    }

    public var description: String { token }

    /// True for `air`, `cave_air` and `void_air`.
    public var isAir: Bool {
        name == "minecraft:air" || name == "minecraft:cave_air" || name == "minecraft:void_air"
    }

    public static let air = BlockState("minecraft:air")

    public static func == (a: BlockState, b: BlockState) -> Bool {
        a.name == b.name && a.properties.elementsEqual(b.properties) { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into h: inout Hasher) {
        h.combine(name)
        for p in properties { h.combine(p.key); h.combine(p.value) }
    }

    public static func < (a: BlockState, b: BlockState) -> Bool { a.token < b.token }
}
