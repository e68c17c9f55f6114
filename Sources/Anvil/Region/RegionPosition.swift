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

    /// The name of the external file of an oversized chunk in `slot`: `c.<chunkX>.<chunkZ>.mcc`.
    public func externalChunkFileName(_ slot: RegionChunkSlot) -> String {
        let c = chunk(slot)
        return "c.\(c.x).\(c.z).mcc"
    }

    public var description: String { "region (\(x), \(z))" }
}
