import NBT

extension LevelDat {
    /// One layer of a superflat world, bottom up.
    public struct FlatLayer: Sendable {
        public var block: String
        public var height: Int
        public init(_ block: String, height: Int) { self.block = block; self.height = height }
    }

    /// The layers of the sample and generated worlds: bedrock, two dirt, grass (surface at y −61).
    public static let meadowLayers = [FlatLayer("minecraft:bedrock", height: 1), FlatLayer("minecraft:dirt", height: 2),
                                      FlatLayer("minecraft:grass_block", height: 1)]

    /// The `level.dat` of a new superflat world in the 1.21.11 layout (DataVersion 4671), which a
    /// current client opens and upgrades: `spawn` compound, namespaced `game_rules`, and
    /// `WorldGenSettings` with a flat overworld (no structures, features or lakes; the given layers,
    /// an empty list meaning void) and the vanilla nether and end.
    ///
    /// Field set taken from a level.dat written by Minecraft 1.21.11 (HelloNBT's test world), minus
    /// the player and the map-specific state; the game fills in what it needs on first load.
    public static func newWorld(name: String, spawn: (x: Int, y: Int, z: Int), seed: Int64 = 0,
                                layers: [FlatLayer] = meadowLayers, lastPlayed: Int64 = 0) -> NBTReader.Document {
        var data = Compound()
        data["DataVersion"] = .int(4671)
        data["Version"] = .compound(Compound([("Snapshot", .byte(0)), ("Series", .string("main")),
                                              ("Id", .int(4671)), ("Name", .string("1.21.11"))]))
        data["version"] = .int(19133)   // the NBT "anvil" storage version every world since 1.2 carries
        data["LevelName"] = .string(name)
        data["initialized"] = .byte(1)
        data["WasModded"] = .byte(0)
        data["ServerBrands"] = .list(.string, [.string("worldgan")])
        data["allowCommands"] = .byte(1)
        data["GameType"] = .int(1)            // creative: walk around the generated structures
        data["hardcore"] = .byte(0)
        data["Difficulty"] = .byte(1)
        data["DifficultyLocked"] = .byte(0)
        data["Time"] = .long(0)
        data["DayTime"] = .long(6000)         // noon: the structures are lit
        data["LastPlayed"] = .long(lastPlayed)
        data["raining"] = .byte(0)
        data["rainTime"] = .int(0)
        data["thundering"] = .byte(0)
        data["thunderTime"] = .int(0)
        data["clearWeatherTime"] = .int(0)
        data["WanderingTraderSpawnChance"] = .int(25)
        data["WanderingTraderSpawnDelay"] = .int(24000)
        data["spawn"] = .compound(Compound([
            ("pos", .intArray([Int32(spawn.x), Int32(spawn.y), Int32(spawn.z)])),
            ("dimension", .string("minecraft:overworld")), ("yaw", .float(0)), ("pitch", .float(0)),
        ]))
        data["game_rules"] = .compound(Compound([
            ("minecraft:advance_time", .byte(0)), ("minecraft:advance_weather", .byte(0)),
            ("minecraft:spawn_monsters", .byte(0)), ("minecraft:spawn_phantoms", .byte(0)),
        ]))
        data["DataPacks"] = .compound(Compound([
            ("Enabled", .list(.string, [.string("vanilla")])),
            ("Disabled", .list(.string, ["minecart_improvements", "redstone_experiments", "trade_rebalance"].map { .string($0) })),
        ]))
        data["CustomBossEvents"] = .compound(Compound())
        data["ScheduledEvents"] = .list(.end, [])
        data["DragonFight"] = .compound(Compound([("NeedsStateScanning", .byte(1)), ("DragonKilled", .byte(0)),
                                                  ("PreviouslyKilled", .byte(0))]))
        data["WorldGenSettings"] = .compound(worldGenSettings(seed: seed, layers: layers))
        return NBTReader.Document(name: "", root: Compound([("Data", .compound(data))]))
    }

    private static func worldGenSettings(seed: Int64, layers: [FlatLayer]) -> Compound {
        let flat = Compound([
            ("type", .string("minecraft:flat")),
            ("settings", .compound(Compound([
                ("biome", .string("minecraft:plains")), ("features", .byte(0)), ("lakes", .byte(0)),
                ("layers", .list(.compound, layers.map {
                    .compound(Compound([("block", .string($0.block)), ("height", .int(Int32($0.height)))]))
                })),
                ("structure_overrides", .list(.end, [])),
            ]))),
        ])
        func noise(_ dimension: String, biomeSource: Compound) -> Tag {
            .compound(Compound([
                ("type", .string("minecraft:\(dimension)")),
                ("generator", .compound(Compound([
                    ("type", .string("minecraft:noise")), ("settings", .string("minecraft:\(dimension == "the_nether" ? "nether" : "end")")),
                    ("biome_source", .compound(biomeSource)),
                ]))),
            ]))
        }
        return Compound([
            ("seed", .long(seed)), ("generate_features", .byte(0)), ("bonus_chest", .byte(0)),
            ("dimensions", .compound(Compound([
                ("minecraft:overworld", .compound(Compound([("type", .string("minecraft:overworld")), ("generator", .compound(flat))]))),
                ("minecraft:the_nether", noise("the_nether", biomeSource: Compound([("type", .string("minecraft:multi_noise")), ("preset", .string("minecraft:nether"))]))),
                ("minecraft:the_end", noise("the_end", biomeSource: Compound([("type", .string("minecraft:the_end"))]))),
            ]))),
        ])
    }
}
