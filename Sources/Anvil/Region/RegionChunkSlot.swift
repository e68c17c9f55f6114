/// One of the 32 × 32 chunk places of a region file; header entry `localX + 32·localZ`.
public struct RegionChunkSlot: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// 0…31
    public let localX: Int
    /// 0…31
    public let localZ: Int

    /// - Precondition: both coordinates in 0…31 (a programmer error otherwise).
    public init(localX: Int, localZ: Int) {
        precondition((0..<32).contains(localX) && (0..<32).contains(localZ),
                     "RegionChunkSlot: local coordinates (\(localX), \(localZ)) are outside 0…31")
        self.localX = localX
        self.localZ = localZ
    }

    /// The slot of header entry `index` (0…1023).
    public init(index: Int) { self.init(localX: index & 31, localZ: index >> 5) }

    /// The slot of absolute chunk (x, z), whatever region it is in (`x & 31`, `z & 31`).
    public init(chunkX: Int, chunkZ: Int) { self.init(localX: chunkX & 31, localZ: chunkZ & 31) }

    /// The header entry index, `localX + 32·localZ`.
    public var index: Int { localX + 32 * localZ }

    /// All 1024 slots in header order.
    public static var all: [RegionChunkSlot] { (0..<1024).map(RegionChunkSlot.init(index:)) }

    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }

    public var description: String { "local (\(localX), \(localZ))" }
}
