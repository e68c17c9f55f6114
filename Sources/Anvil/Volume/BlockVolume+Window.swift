import NBT

extension BlockVolume {
    /// The box of `size` voxels from `origin` (inside this volume), with its block entities.
    /// - Complexity: O(box voxels).
    public func cropped(origin: VoxelPosition, size: (Int, Int, Int)) -> BlockVolume {
        precondition(contains(origin.x, origin.y, origin.z) && contains(origin.x + size.0 - 1, origin.y + size.1 - 1, origin.z + size.2 - 1),
                     "BlockVolume.cropped: box \(origin) + \(size) outside \(self.size)")
        var indices = [UInt32](repeating: 0, count: size.0 * size.1 * size.2)
        for x in 0..<size.0 {
            for y in 0..<size.1 {
                let from = offset(origin.x + x, origin.y + y, origin.z), to = (x * size.1 + y) * size.2
                for z in 0..<size.2 { indices[to + z] = self.indices[from + z] }
            }
        }
        var entities: [VoxelPosition: Compound] = [:]
        for (p, entity) in blockEntities {
            let q = VoxelPosition(p.x - origin.x, p.y - origin.y, p.z - origin.z)
            if q.x >= 0, q.y >= 0, q.z >= 0, q.x < size.0, q.y < size.1, q.z < size.2 { entities[q] = entity }
        }
        return BlockVolume(size: size, palette: palette, indices: indices, blockEntities: entities).compacted()
    }
}
