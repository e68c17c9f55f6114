import NBT

/// The chunk-level bookkeeping around an edit: vertical extent and block entities.
extension ChunkEditor {
    /// Section Ys an edit may touch.
    ///
    /// 1.18+ (`sections`): from `yPos` (default −4) to the highest stored section with blocks
    /// (the game stores every section of the world's height), else `yPos + 23`.
    /// Before 1.18: 0…15, widened to any stored section with blocks (1.17 custom heights).
    static func sectionYRange(level: Compound, levelPath: NBTPath, layout: ChunkLayout,
                              entries: [(y: Int, compound: Compound, path: NBTPath)]) throws(ChunkError) -> ClosedRange<Int> {
        let codec = layout.codec
        let withBlocks = entries.filter { codec.storesBlocks($0.compound) }.map(\.y)
        if layout == .sections {
            let low = try level.optionalInteger("yPos", at: levelPath) ?? withBlocks.min() ?? -4
            let high = max(withBlocks.max() ?? (low + 23), low)
            return low...high
        }
        return min(0, withBlocks.min() ?? 0)...max(15, withBlocks.max() ?? 15)
    }

    /// Removes block entities at edited positions and appends the edits' own (with world x/y/z).
    static func replaceBlockEntities(in level: inout Compound, levelPath: NBTPath, layout: ChunkLayout,
                                     position: ChunkPosition, edits: [BlockEdit]) throws(ChunkError) {
        let key = layout.blockEntitiesKey
        let baseX = position.x * 16, baseZ = position.z * 16
        var edited = Set<VoxelPosition>()
        var added: [VoxelPosition: Compound] = [:]
        for e in edits {
            let p = VoxelPosition(baseX + e.x, e.y, baseZ + e.z)
            edited.insert(p)
            added[p] = e.blockEntity   // a later edit without a block entity clears an earlier one
        }
        var kept: [Tag] = []
        for entity in try ChunkBlocks.compounds(in: level, key: key, at: levelPath) {
            let at = entity.voxelPosition
            if let at, edited.contains(at) { continue }
            kept.append(.compound(entity))
        }
        for (p, var entity) in added.sorted(by: { ($0.key.y, $0.key.z, $0.key.x) < ($1.key.y, $1.key.z, $1.key.x) }) {
            entity["x"] = .int(Int32(truncatingIfNeeded: p.x))
            entity["y"] = .int(Int32(truncatingIfNeeded: p.y))
            entity["z"] = .int(Int32(truncatingIfNeeded: p.z))
            kept.append(.compound(entity))
        }
        level[key] = .list(kept.isEmpty ? .end : .compound, kept)
    }
}

extension Compound {
    /// The `x`/`y`/`z` integer tags of a block entity, when all three are present.
    var voxelPosition: VoxelPosition? {
        guard let x = self["x"]?.integer, let y = self["y"]?.integer, let z = self["z"]?.integer else { return nil }
        return VoxelPosition(x, y, z)
    }
}
