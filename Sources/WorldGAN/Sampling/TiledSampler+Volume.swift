import Anvil
import Tensor

extension TiledSampler {
    /// The blocks of `box` (a window of the finest scale), sampled tile by tile: each tile of at
    /// most `tileSize` voxels along X and Z is sampled, decoded by `decode` and copied in, so only
    /// one tile's values are in memory at a time. `progress(voxelsDone)` follows every tile.
    ///
    /// Decoders that treat every voxel on its own (``TokenDecoder`` with a fixed variance, nearest
    /// neighbour) give the same blocks for any tile size.
    /// - Throws: what `decode` throws.
    public func volume(of box: [Range<Int>], tileSize: Int, decode: (TrainedPyramid.Sample) throws -> BlockVolume,
                       progress: (Int) -> Void = { _ in }) rethrows -> BlockVolume {
        var volume = BlockVolume(size: (box[0].count, box[1].count, box[2].count))
        var done = 0
        for tile in tiles(of: box, tileSize: tileSize) {
            let values = window(tile)
            let part = try decode(TrainedPyramid.Sample(values))
            let remap = part.palette.map { volume.index(of: $0) }
            for x in 0..<part.sizeX {
                for y in 0..<part.sizeY {
                    let target = volume.offset(tile[0].lowerBound - box[0].lowerBound + x, tile[1].lowerBound - box[1].lowerBound + y,
                                               tile[2].lowerBound - box[2].lowerBound)
                    let source = part.offset(x, y, 0)
                    for z in 0..<part.sizeZ { volume.indices[target + z] = remap[Int(part.indices[source + z])] }
                }
            }
            for (position, entity) in part.blockEntities.sorted(by: { ($0.key.x, $0.key.y, $0.key.z) < ($1.key.x, $1.key.y, $1.key.z) }) {
                let p = VoxelPosition(position.x + tile[0].lowerBound - box[0].lowerBound, position.y + tile[1].lowerBound - box[1].lowerBound,
                                      position.z + tile[2].lowerBound - box[2].lowerBound)
                volume.blockEntities[p] = entity
            }
            done += part.count
            progress(done)
        }
        return volume.compacted()
    }
}
