/// An NBT compound: named tags in the order they were read or inserted.
///
/// Order is kept so that a file read and written again is identical byte for byte. Most compounds
/// in chunk data are small (a palette entry, a section), so names are searched linearly up to
/// `indexThreshold` entries; larger compounds also keep a dictionary of positions (O(1) lookup).
/// Removal is O(n).
public struct Compound: Equatable, Sendable, Sequence {
    /// Names in order.
    public private(set) var keys: [String] = []
    private var values: [Tag] = []
    /// Positions by name, only once the compound has more than `indexThreshold` entries.
    private var position: [String: Int]? = nil

    /// Above this many entries a dictionary index is kept (a linear scan is faster below it).
    static let indexThreshold = 12

    public init() {}

    /// A compound from pairs, in order. A repeated name keeps the last value at the first position.
    public init(_ pairs: [(String, Tag)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Number of entries.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    private func index(of name: String) -> Int? {
        if let position { return position[name] }
        return keys.firstIndex(of: name)
    }

    /// The tag called `name`; setting `nil` removes it, setting a new name appends it.
    public subscript(name: String) -> Tag? {
        get { index(of: name).map { values[$0] } }
        set {
            if let i = index(of: name) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                position?[name] = keys.count
                keys.append(name)
                values.append(newValue)
                if position == nil && keys.count > Self.indexThreshold { rebuildIndex() }
            }
        }
    }

    /// Removes the tag called `name` and returns it, or `nil` if there was none.
    @discardableResult
    public mutating func removeValue(forKey name: String) -> Tag? {
        guard let i = index(of: name) else { return nil }
        let v = values[i]
        remove(at: i)
        return v
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        if position != nil { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        guard keys.count > Self.indexThreshold else { position = nil; return }
        var p: [String: Int] = [:]
        p.reserveCapacity(keys.count)
        for (i, k) in keys.enumerated() { p[k] = i }
        position = p
    }

    public func makeIterator() -> Zip2Sequence<[String], [Tag]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (a: Compound, b: Compound) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
