import NBT

/// The world-generation settings of a new world (`WorldGenSettings` in level.dat, or the `data` of
/// `data/minecraft/world_gen_settings.dat` from 26.1 on — the codec is the same): a superflat
/// overworld and the vanilla nether and end.
///
/// ```swift
/// let settings = NewWorldGenerator.worldGenSettings(seed: 0, layers: [], format: try LevelFormat(dataVersion: 4671))
/// settings["dimensions"]?.compound?["minecraft:overworld"]   // flat, no layers: a void world
/// ```
public enum NewWorldGenerator {
    /// `{seed, generate_features, bonus_chest, dimensions}`; structures and bonus chest off.
    public static func worldGenSettings(seed: Int64, layers: [LevelDat.FlatLayer], format: LevelFormat) -> Compound {
        Compound([
            ("seed", .long(seed)), ("generate_features", .byte(0)), ("bonus_chest", .byte(0)),
            ("dimensions", .compound(Compound([
                ("minecraft:overworld", dimension("minecraft:overworld", generator: flat(layers: layers, format: format))),
                ("minecraft:the_nether", dimension("minecraft:the_nether", generator: noise(
                    settings: "minecraft:nether", seed: seed, format: format,
                    biomeSource: [("type", .string("minecraft:multi_noise")), ("preset", .string("minecraft:nether"))]))),
                ("minecraft:the_end", dimension("minecraft:the_end", generator: noise(
                    settings: "minecraft:end", seed: seed, format: format,
                    biomeSource: [("type", .string("minecraft:the_end"))] + seedField(seed, format)))),
            ]))),
        ])
    }

    /// The flat generator: plains, no features or lakes, no structures (an empty override list, or
    /// before 1.18.2 an empty `structures` map without a stronghold entry).
    static func flat(layers: [LevelDat.FlatLayer], format: LevelFormat) -> Compound {
        let structures: (String, Tag) = format.usesStructureSettingsCompound
            ? ("structures", .compound(Compound([("structures", .compound(Compound()))])))
            : ("structure_overrides", .list(.end, []))
        return Compound([
            ("type", .string("minecraft:flat")),
            ("settings", .compound(Compound([
                ("biome", .string("minecraft:plains")), ("features", .byte(0)), ("lakes", .byte(0)),
                ("layers", layers.isEmpty ? .list(.end, []) : .list(.compound, layers.map(layerTag))),
                structures,
            ]))),
        ])
    }

    static func layerTag(_ layer: LevelDat.FlatLayer) -> Tag {
        .compound(Compound([("block", .string(layer.block)), ("height", .int(Int32(clamping: layer.height)))]))
    }

    static func noise(settings: String, seed: Int64, format: LevelFormat, biomeSource: [(String, Tag)]) -> Compound {
        Compound([("type", .string("minecraft:noise")), ("settings", .string(settings))] + seedField(seed, format)
                 + [("biome_source", .compound(Compound(biomeSource)))])
    }

    /// 1.18.x generators and the end biome source require their own copy of the seed.
    static func seedField(_ seed: Int64, _ format: LevelFormat) -> [(String, Tag)] {
        format.repeatsSeedInGenerators ? [("seed", .long(seed))] : []
    }

    static func dimension(_ type: String, generator: Compound) -> Tag {
        .compound(Compound([("type", .string(type)), ("generator", .compound(generator))]))
    }
}
