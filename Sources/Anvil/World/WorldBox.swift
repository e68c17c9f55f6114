/// An inclusive box of world blocks, corners in any order (like `/fill`).
///
/// ```swift
/// let box = try WorldBox(VoxelPosition(10, 70, -3), VoxelPosition(0, 60, 5))
/// box.size      // (11, 11, 9)
/// box.chunks    // the chunk columns it touches
/// ```
public struct WorldBox: Sendable, Equatable, CustomStringConvertible {
    /// The smallest corner.
    public let min: VoxelPosition
    /// The largest corner (inclusive).
    public let max: VoxelPosition

    /// Minecraft's horizontal world border is ±30 million blocks; y is bounded far beyond any build height.
    public static let horizontalLimit = 30_000_000
    public static let verticalLimit = 4096

    /// - Throws: `WorldError.boxOutOfRange` for corners beyond the world border.
    public init(_ a: VoxelPosition, _ b: VoxelPosition) throws(WorldError) {
        min = VoxelPosition(Swift.min(a.x, b.x), Swift.min(a.y, b.y), Swift.min(a.z, b.z))
        max = VoxelPosition(Swift.max(a.x, b.x), Swift.max(a.y, b.y), Swift.max(a.z, b.z))
        for (v, limit, axis) in [(min.x, Self.horizontalLimit, "x"), (max.x, Self.horizontalLimit, "x"),
                                 (min.z, Self.horizontalLimit, "z"), (max.z, Self.horizontalLimit, "z"),
                                 (min.y, Self.verticalLimit, "y"), (max.y, Self.verticalLimit, "y")]
        where abs(v) > limit {
            throw .boxOutOfRange("\(axis) = \(v) lies beyond ±\(limit)")
        }
    }

    /// The box at `origin` with the size of a volume.
    public init(origin: VoxelPosition, size: (Int, Int, Int)) throws(WorldError) {
        guard size.0 > 0, size.1 > 0, size.2 > 0 else { throw .boxOutOfRange("the volume is empty") }
        try self.init(origin, VoxelPosition(origin.x + size.0 - 1, origin.y + size.1 - 1, origin.z + size.2 - 1))
    }

    public var size: (Int, Int, Int) { (max.x - min.x + 1, max.y - min.y + 1, max.z - min.z + 1) }

    /// The chunk columns the box touches, in x then z order.
    public var chunks: [ChunkPosition] {
        var out: [ChunkPosition] = []
        for cx in (min.x >> 4)...(max.x >> 4) { for cz in (min.z >> 4)...(max.z >> 4) {
            out.append(ChunkPosition(x: cx, z: cz))
        } }
        return out
    }

    public var description: String { "\(min.x) \(min.y) \(min.z) … \(max.x) \(max.y) \(max.z)" }
}

extension ChunkPosition {
    /// The region holding this chunk.
    public var region: RegionPosition { RegionPosition(x: x >> 5, z: z >> 5) }
    /// The chunk's slot in its region.
    public var slot: RegionChunkSlot { RegionChunkSlot(chunkX: x, chunkZ: z) }
}
