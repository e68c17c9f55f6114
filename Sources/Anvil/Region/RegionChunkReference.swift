import Foundation

/// Which chunk of which region file an error or warning is about.
public struct RegionChunkReference: Hashable, Sendable, CustomStringConvertible {
    /// The region file.
    public let file: URL
    /// The chunk's place in the region.
    public let slot: RegionChunkSlot
    /// The region's coordinates, when known (from the `r.X.Z.mca` name).
    public let region: RegionPosition?

    public init(file: URL, slot: RegionChunkSlot, region: RegionPosition?) {
        self.file = file
        self.slot = slot
        self.region = region
    }

    /// Absolute chunk coordinates, when the region's coordinates are known.
    public var chunk: (x: Int, z: Int)? { region?.chunk(slot) }

    /// E.g. `chunk (131, -128) [local (3, 0)] of /w/region/r.4.-4.mca`.
    public var description: String {
        if let c = chunk { return "chunk (\(c.x), \(c.z)) [\(slot)] of \(file.path)" }
        return "chunk [\(slot)] of \(file.path)"
    }
}
