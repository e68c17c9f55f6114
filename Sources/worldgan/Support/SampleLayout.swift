import Anvil

/// Where generated samples go in a world: a square grid from an origin, `spacing` blocks apart.
struct SampleLayout {
    var origin: VoxelPosition
    var spacing: Int

    /// World positions of each sample's (0, 0, 0) corner, row by row along +x then +z.
    func origins(for volumes: [BlockVolume]) -> [VoxelPosition] {
        let columns = max(1, Int(Double(volumes.count).squareRoot().rounded(.up)))
        let width = (volumes.map(\.sizeX).max() ?? 0) + spacing
        let depth = (volumes.map(\.sizeZ).max() ?? 0) + spacing
        return volumes.indices.map { i in
            VoxelPosition(origin.x + (i % columns) * width, origin.y, origin.z + (i / columns) * depth)
        }
    }

    /// The footprint of the whole grid (x, z extents), for choosing a spawn beside it.
    func extent(for volumes: [BlockVolume]) -> (x: Int, z: Int) {
        let o = origins(for: volumes)
        let maxX = zip(o, volumes).map { $0.x + $1.sizeX }.max() ?? origin.x
        let maxZ = zip(o, volumes).map { $0.z + $1.sizeZ }.max() ?? origin.z
        return (maxX - origin.x, maxZ - origin.z)
    }
}
