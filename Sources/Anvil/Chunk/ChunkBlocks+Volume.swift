import NBT

/// Copying a chunk's blocks into a `BlockVolume` that covers a world-space box.
extension ChunkBlocks {
    /// Copies the blocks of this chunk that lie inside `volume`'s box — world corner `origin`,
    /// extent `volume.size` — into `volume`. Positions in the box inside this chunk's column whose
    /// section is not stored become air; positions outside the column are left alone, so one
    /// volume can be filled chunk by chunk. Block entities inside the box are copied with their
    /// position keys (`x`, `y`, `z`) removed and keyed by box-relative position.
    ///
    /// ```swift
    /// var v = BlockVolume(size: (32, 16, 32))
    /// for chunk in chunks { chunk.write(into: &v, origin: VoxelPosition(-16, 60, -16)) }
    /// ```
    /// - Complexity: O(intersection volume + palettes); no allocation per block.
    public func write(into volume: inout BlockVolume, origin: VoxelPosition) {
        let x0 = max(position.x * 16, origin.x), x1 = min(position.x * 16 + 15, origin.x + volume.sizeX - 1)
        let z0 = max(position.z * 16, origin.z), z1 = min(position.z * 16 + 15, origin.z + volume.sizeZ - 1)
        let y0 = origin.y, y1 = origin.y + volume.sizeY - 1
        guard x0 <= x1, z0 <= z1, y0 <= y1 else { return }
        // Palette → volume index, resolved once per section that the box reaches.
        var sectionAt: [Int: (section: ChunkSection, remap: [UInt32])] = [:]
        for s in sections where s.y * 16 + 15 >= y0 && s.y * 16 <= y1 {
            sectionAt[s.y] = (s, s.palette.map { volume.index(of: $0) })
        }
        let air = volume.index(of: .air)
        let sizeY = volume.sizeY, sizeZ = volume.sizeZ
        volume.indices.withUnsafeMutableBufferPointer { out in
            for y in y0...y1 {
                let vy = y - origin.y
                guard let (section, remap) = sectionAt[y >> 4] else {
                    for x in x0...x1 { for z in z0...z1 { out[((x - origin.x) * sizeY + vy) * sizeZ + (z - origin.z)] = air } }
                    continue
                }
                section.indices.withUnsafeBufferPointer { src in
                    let rowBase = (y & 15) << 8
                    for x in x0...x1 {
                        let lx = x & 15, outBase = ((x - origin.x) * sizeY + vy) * sizeZ - origin.z
                        for z in z0...z1 { out[outBase + z] = remap[Int(src[rowBase | (z & 15) << 4 | lx])] }
                    }
                }
            }
        }
        for entity in blockEntities {
            guard let p = entity.voxelPosition, (x0...x1).contains(p.x), (y0...y1).contains(p.y), (z0...z1).contains(p.z) else { continue }
            var stripped = entity
            for key in ["x", "y", "z"] { stripped[key] = nil }
            volume.blockEntities[VoxelPosition(p.x - origin.x, p.y - origin.y, p.z - origin.z)] = stripped
        }
    }
}
