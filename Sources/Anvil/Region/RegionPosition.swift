import Foundation

/// A region's coordinates: region (x, z) holds chunks 32·x … 32·x + 31 (and the same in z).
public struct RegionPosition: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var z: Int

    public init(x: Int, z: Int) {
        self.x = x
        self.z = z
    }

    /// Parses a region file name `r.<x>.<z>.mca` (also `.mcr`); `nil` for any other name.
    ///
    /// ```swift
    /// RegionPosition(fileName: "r.-1.2.mca")   // (x: -1, z: 2)
    /// RegionPosition(fileName: "zlib.mca")     // nil
    /// ```
    public init?(fileName: String) {
        let parts = fileName.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "r", parts[3] == "mca" || parts[3] == "mcr",
              let x = Int(parts[1]), let z = Int(parts[2]),
              abs(x) < 1 << 26, abs(z) < 1 << 26 else { return nil }
        self.init(x: x, z: z)
    }

    /// The standard file name, `r.<x>.<z>.mca`.
    public var fileName: String { "r.\(x).\(z).mca" }

    /// The absolute chunk coordinates of `slot` in this region.
    public func chunk(_ slot: RegionChunkSlot) -> (x: Int, z: Int) { (x * 32 + slot.localX, z * 32 + slot.localZ) }

    public var description: String { "region (\(x), \(z))" }
}

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
