/// An NBT compound: named tags in the order they were read or inserted.
///
/// Order is kept so that a file read and written again is identical byte for byte.
/// Lookup is by a dictionary of positions, so it is O(1); removal is O(n).
public struct Compound: Equatable, Sendable, Sequence {
    /// Names in order.
    public private(set) var keys: [String] = []
    private var values: [Tag] = []
    private var position: [String: Int] = [:]

    public init() {}

    /// A compound from pairs, in order. A repeated name keeps the last value at the first position.
    public init(_ pairs: [(String, Tag)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// Number of entries.
    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// The tag called `name`; setting `nil` removes it, setting a new name appends it.
    public subscript(name: String) -> Tag? {
        get { position[name].map { values[$0] } }
        set {
            if let i = position[name] {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                position[name] = keys.count
                keys.append(name)
                values.append(newValue)
            }
        }
    }

    /// Removes the tag called `name` and returns it, or `nil` if there was none.
    @discardableResult
    public mutating func removeValue(forKey name: String) -> Tag? {
        guard let i = position[name] else { return nil }
        let v = values[i]
        remove(at: i)
        return v
    }

    private mutating func remove(at i: Int) {
        position[keys[i]] = nil
        keys.remove(at: i)
        values.remove(at: i)
        for j in i..<keys.count { position[keys[j]] = j }
    }

    public func makeIterator() -> Zip2Sequence<[String], [Tag]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (a: Compound, b: Compound) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
