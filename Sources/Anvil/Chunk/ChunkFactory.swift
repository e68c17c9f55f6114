import NBT

/// Complete, empty (all-air, `full`-status) chunks for creating missing chunks in a world.
///
/// The tag set mirrors `full` chunks the game saved (fixtures: prismarine 1.13.2, 1.16, 1.21.1):
/// positions, `Status`, `LastUpdate`/`InhabitedTime` 0, empty block entity and tick lists,
/// `PostProcessing` with one empty list per section, empty `structures` (`References`, `starts`),
/// empty `Heightmaps` and `isLightOn` 0 (1.14+) so that the game computes heightmaps and light
/// on load instead of regenerating the chunk. 1.18+ chunks store every section of the height
/// (air palette, plains biome); older layouts store none (air needs no section).
///
/// ```swift
/// let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 3, z: -2), dataVersion: .v1_21)
/// let filled = try ChunkEditor.apply(edits, to: root)
/// ```
public enum ChunkFactory {
    /// An empty chunk's root compound for `dataVersion`'s layout.
    /// - Parameter sectionYRange: 1.18+ only: sections to create (default −4…19, the overworld).
    /// - Throws: `ChunkError.legacyChunkNotWritable` for ≤ 1.12 DataVersions.
    public static func emptyChunk(at position: ChunkPosition, dataVersion: DataVersion,
                                  sectionYRange: ClosedRange<Int> = -4...19) throws(ChunkError) -> Compound {
        let layout = ChunkLayout(for: dataVersion)
        switch layout {
        case .numericIDs: throw .legacyChunkNotWritable(dataVersion: dataVersion, chunk: position)
        case .sections: return topLevelChunk(position, dataVersion, sectionYRange)
        case .palettedStraddling, .paletted, .levelBlockStates:
            var root = Compound()
            root["Level"] = .compound(levelChunk(position, dataVersion, layout))
            root["DataVersion"] = .int(Int32(truncatingIfNeeded: dataVersion.rawValue))
            return root
        }
    }

    /// `biomes` of a new 1.18+ section: a one-entry plains palette (no data).
    static var plainsBiomes: Tag {
        .compound(Compound([("palette", .list(.string, [.string("minecraft:plains")]))]))
    }

    /// The `Status` string the game writes for a finished chunk in `dataVersion`.
    static func fullStatus(_ dataVersion: DataVersion) -> String {
        if dataVersion >= .v1_20_status { return "minecraft:full" }
        return dataVersion >= .v1_14_status ? "full" : "postprocessed"
    }

    private static func emptyLists(_ n: Int) -> Tag { .list(.list, Array(repeating: .list(.end, []), count: n)) }
    private static var emptyList: Tag { .list(.end, []) }
    private static func int(_ v: Int) -> Tag { .int(Int32(truncatingIfNeeded: v)) }

    private static func topLevelChunk(_ p: ChunkPosition, _ dv: DataVersion, _ range: ClosedRange<Int>) -> Compound {
        let sections: [Tag] = range.map { y in
            .compound(Compound([
                ("Y", .byte(Int8(truncatingIfNeeded: y))),
                ("block_states", .compound(Compound([("palette", PaletteNBT.encode([.air]))]))),
                ("biomes", plainsBiomes),
            ]))
        }
        return Compound([
            ("DataVersion", int(dv.rawValue)),
            ("xPos", int(p.x)), ("yPos", int(range.lowerBound)), ("zPos", int(p.z)),
            ("Status", .string(fullStatus(dv))),
            ("LastUpdate", .long(0)), ("InhabitedTime", .long(0)),
            ("isLightOn", .byte(0)),
            ("sections", .list(.compound, sections)),
            ("block_entities", emptyList),
            ("Heightmaps", .compound(Compound())),
            ("block_ticks", emptyList), ("fluid_ticks", emptyList),
            ("PostProcessing", emptyLists(range.count)),
            ("structures", .compound(Compound([("References", .compound(Compound())), ("starts", .compound(Compound()))]))),
        ])
    }

    private static func levelChunk(_ p: ChunkPosition, _ dv: DataVersion, _ layout: ChunkLayout) -> Compound {
        var level = Compound([
            ("xPos", int(p.x)), ("zPos", int(p.z)),
            ("LastUpdate", .long(0)), ("InhabitedTime", .long(0)),
            ("Status", .string(fullStatus(dv))),
            ("Sections", .list(.compound, [])),
            ("TileEntities", emptyList),
            ("Heightmaps", .compound(Compound())),
            ("TileTicks", emptyList), ("LiquidTicks", emptyList),
            ("PostProcessing", emptyLists(16)),
            ("Structures", .compound(Compound([("References", .compound(Compound())), ("Starts", .compound(Compound()))]))),
        ])
        if dv < .v1_17_entities { level["Entities"] = emptyList }
        if dv >= .v1_14 { level["isLightOn"] = .byte(0) }
        // Plains (numeric biome id 1): 16×16 columns before 19w36a, then 4×4×4 cells over 256 blocks.
        // From the 2836 snapshots biomes live in sections (added by the editor with each section).
        if layout != .levelBlockStates {
            level["Biomes"] = .intArray([Int32](repeating: 1, count: dv >= .v1_15_biomes ? 1024 : 256))
        }
        return level
    }
}
