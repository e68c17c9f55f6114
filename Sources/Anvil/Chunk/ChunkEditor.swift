import NBT

/// Writes blocks into an existing chunk's NBT, in the chunk's own layout (1.13+).
///
/// Only the sections that edits touch are re-encoded (palette compacted to the states in use,
/// bit width as the game chooses; 1.18+ one-entry palettes without `data`); every other tag —
/// untouched sections included — is kept as it was. Around the edits the chunk is made
/// consistent for the game:
/// - every block entity at an edited position is removed, and the edits' own are added;
/// - `Heightmaps` is emptied and `isLightOn` set to 0 (1.14+), so the game recomputes heightmaps
///   and light on load; touched sections lose their `BlockLight`/`SkyLight` (1.13 has no relight
///   flag, so there the stale light is kept rather than leaving the sections dark);
/// - missing sections inside the chunk's height are created (1.18+: with the nearest section's
///   `biomes`, else plains).
///
/// ```swift
/// let root = try NBTReader.read(bytes).root
/// let edited = try ChunkEditor.apply([BlockEdit(x: 0, y: 64, z: 0, state: BlockState("minecraft:gold_block"))], to: root)
/// ```
public enum ChunkEditor {
    /// The chunk root with `edits` applied. Later edits of the same block win.
    /// - Throws: `ChunkError.legacyChunkNotWritable` for ≤ 1.12 chunks, `.yOutOfRange` /
    ///   `.localCoordinateOutOfRange` for edits outside the chunk, and decoding errors of the
    ///   sections it must re-encode — all with the chunk position.
    /// - Complexity: O(edits + touched sections × 4096).
    public static func apply(_ edits: [BlockEdit], to root: Compound) throws(ChunkError) -> Compound {
        let dataVersion = DataVersion(try root.optionalInteger("DataVersion", at: NBTPath()) ?? 0)
        let layout = ChunkLayout(for: dataVersion)
        var (level, levelPath) = try ChunkBlocks.levelCompound(of: root, layout: layout)
        let position = try ChunkBlocks.position(of: level, at: levelPath)
        guard layout != .numericIDs else { throw .legacyChunkNotWritable(dataVersion: dataVersion, chunk: position) }
        do throws(ChunkError) {
            let entries = try ChunkBlocks.sectionCompounds(level, levelPath, layout)
            let range = try sectionYRange(level: level, levelPath: levelPath, layout: layout, entries: entries)
            let groups = try groupBySection(edits, sectionRange: range)
            var sections = entries
            for (sectionY, group) in groups.sorted(by: { $0.key < $1.key }) {
                try rewrite(sectionY: sectionY, with: group, layout: layout,
                            dataVersion: dataVersion, sections: &sections)
            }
            level[layout.sectionsKey] = .list(.compound, sections.map { .compound($0.compound) })
            try replaceBlockEntities(in: &level, levelPath: levelPath, layout: layout, position: position, edits: edits)
            level["Heightmaps"] = .compound(Compound())
            if dataVersion >= .v1_14 { level["isLightOn"] = .byte(0) }
        } catch {
            throw error.at(position)
        }
        guard layout.hasLevelWrapper else { return level }
        var out = root
        out["Level"] = .compound(level)
        return out
    }

    /// Edits by section Y, each as (offset in the section, state); validates coordinates.
    static func groupBySection(_ edits: [BlockEdit], sectionRange: ClosedRange<Int>)
        throws(ChunkError) -> [Int: [(offset: Int, state: BlockState)]] {
        let yRange = (sectionRange.lowerBound * 16)...(sectionRange.upperBound * 16 + 15)
        var groups: [Int: [(offset: Int, state: BlockState)]] = [:]
        for e in edits {
            guard (0..<16).contains(e.x), (0..<16).contains(e.z) else { throw .localCoordinateOutOfRange(x: e.x, z: e.z, chunk: nil) }
            guard yRange.contains(e.y) else { throw .yOutOfRange(y: e.y, valid: yRange, chunk: nil) }
            let sectionY = e.y >> 4
            groups[sectionY, default: []].append((ChunkSection.offset(x: e.x, y: e.y & 15, z: e.z), e.state))
        }
        return groups
    }

    /// Decodes (or creates), edits, compacts and re-encodes one section in place in `sections`.
    private static func rewrite(sectionY: Int, with changes: [(offset: Int, state: BlockState)],
                                layout: ChunkLayout, dataVersion: DataVersion, sections: inout [(y: Int, compound: Compound, path: NBTPath)]) throws(ChunkError) {
        let codec = layout.codec
        let existing = sections.firstIndex { $0.y == sectionY }
        var compound = existing.map { sections[$0].compound } ?? newSectionCompound(y: sectionY, layout: layout, sections: sections)
        var noWarnings: [ChunkWarning] = []
        let path = existing.map { sections[$0].path } ?? NBTPath([.key(layout.sectionsKey), .index(sections.count)])
        var section = try codec.decode(section: compound, y: sectionY, path: path, warnings: &noWarnings)
            ?? .air(y: sectionY)
        section.set(changes)
        try codec.encode(section.compacted(), into: &compound)
        if dataVersion >= .v1_14 {   // only where the game relights (isLightOn)
            compound["BlockLight"] = nil
            compound["SkyLight"] = nil
        }
        if let existing {
            sections[existing].compound = compound
        } else {
            let at = sections.firstIndex { $0.y > sectionY } ?? sections.count
            sections.insert((sectionY, compound, path), at: at)
        }
    }

    /// A section compound with only `Y` (and, 1.18+, the nearest section's biomes or plains).
    static func newSectionCompound(y: Int, layout: ChunkLayout, sections: [(y: Int, compound: Compound, path: NBTPath)]) -> Compound {
        var c = Compound()
        c["Y"] = .byte(Int8(truncatingIfNeeded: y))
        if layout == .sections || layout == .levelBlockStates {
            let nearest = sections.filter { $0.compound["biomes"] != nil }.min { abs($0.y - y) < abs($1.y - y) }
            c["biomes"] = nearest?.compound["biomes"] ?? ChunkFactory.plainsBiomes
        }
        return c
    }
}
