import NBT

extension LevelDat {
    /// One layer of a superflat world, bottom up (the first layer starts at y −64).
    public struct FlatLayer: Sendable, Hashable {
        /// A block id such as `minecraft:grass_block`.
        public var block: String
        /// The layer's thickness in blocks.
        public var height: Int
        public init(_ block: String, height: Int) { self.block = block; self.height = height }
    }

    /// The layers of the sample and generated worlds: bedrock, two dirt, grass (surface at y −61).
    public static let meadowLayers = [FlatLayer("minecraft:bedrock", height: 1), FlatLayer("minecraft:dirt", height: 2),
                                      FlatLayer("minecraft:grass_block", height: 1)]

    /// Time of day 6000: noon, so the structures are lit (time itself is frozen by the game rules).
    static let noon: Int64 = 6000

    /// The `level.dat` of a new superflat world in the 1.21.11 layout (DataVersion 4671); see
    /// `newWorld(name:dataVersion:spawn:seed:layers:lastPlayed:)` for other versions and
    /// `WorldCreator` for the complete folder.
    public static func newWorld(name: String, spawn: (x: Int, y: Int, z: Int), seed: Int64 = 0,
                                layers: [FlatLayer] = meadowLayers, lastPlayed: Int64 = 0) -> NBTReader.Document {
        let settings = NewWorldSettings(name: name, dataVersion: 4671, spawn: VoxelPosition(spawn.x, spawn.y, spawn.z),
                                        seed: seed, layers: layers, lastPlayed: lastPlayed)
        return newWorldDocument(settings, format: LevelFormat(knownDataVersion: 4671))
    }

    /// The `level.dat` of a new superflat world for `dataVersion` (≥ 2860, 1.18). From 26.1 on the
    /// world also needs its `data/minecraft/*.dat` files: use `NewWorldFiles` or `WorldCreator`.
    ///
    /// ```swift
    /// let doc = try LevelDat.newWorld(name: "samples", dataVersion: 2865, spawn: (24, -60, 24))  // 1.18.1
    /// try NBTFile.write(doc, to: folder.appendingPathComponent("level.dat"))
    /// ```
    /// - Throws: `NewWorldError.dataVersionTooOld` before 1.18, `.spawnOutsideWorld` outside y −64…319.
    public static func newWorld(name: String, dataVersion: Int, spawn: (x: Int, y: Int, z: Int), seed: Int64 = 0,
                                layers: [FlatLayer] = meadowLayers, lastPlayed: Int64 = 0) throws(NewWorldError) -> NBTReader.Document {
        try NewWorldFiles(NewWorldSettings(name: name, dataVersion: dataVersion, spawn: VoxelPosition(spawn.x, spawn.y, spawn.z),
                                           seed: seed, layers: layers, lastPlayed: lastPlayed)).levelDat
    }

    /// `{Data: {…}}` for `settings` in `format`. Field sets follow level.dat files written by the
    /// game (FORMATS.md, "level.dat"), minus the player and per-save state the game creates itself.
    static func newWorldDocument(_ settings: NewWorldSettings, format: LevelFormat) -> NBTReader.Document {
        var data = identity(settings, format: format)
        if format.hasSpawnCompound {
            data["spawn"] = .compound(Compound([
                ("pos", .intArray([Int32(clamping: settings.spawn.x), Int32(clamping: settings.spawn.y), Int32(clamping: settings.spawn.z)])),
                ("dimension", .string("minecraft:overworld")), ("yaw", .float(0)), ("pitch", .float(0)),
            ]))
        } else {
            data["SpawnX"] = .int(Int32(clamping: settings.spawn.x))
            data["SpawnY"] = .int(Int32(clamping: settings.spawn.y))
            data["SpawnZ"] = .int(Int32(clamping: settings.spawn.z))
            data["SpawnAngle"] = .float(0)
        }
        if format.splitsLevelDat {
            data["difficulty_settings"] = .compound(Compound([
                ("difficulty", .string("peaceful")), ("hardcore", .byte(0)), ("locked", .byte(0)),
            ]))
        } else {
            for (key, value) in worldState(settings, format: format) { data[key] = value }
        }
        return NBTReader.Document(name: "", root: Compound([("Data", .compound(data))]))
    }

    /// The fields every layout shares.
    static func identity(_ settings: NewWorldSettings, format: LevelFormat) -> Compound {
        let versionName = settings.resolvedVersionName
        return Compound([
            ("DataVersion", .int(Int32(clamping: format.dataVersion))),
            ("Version", .compound(Compound([
                ("Snapshot", .byte(MinecraftVersionName.isSnapshot(versionName) ? 1 : 0)), ("Series", .string("main")),
                ("Id", .int(Int32(clamping: format.dataVersion))), ("Name", .string(versionName)),
            ]))),
            ("version", .int(19133)),   // the Anvil storage version, unchanged since 1.2
            ("LevelName", .string(settings.name)),
            ("initialized", .byte(1)),  // keep our spawn: an uninitialised world searches for its own
            ("WasModded", .byte(0)),
            ("ServerBrands", .list(.end, [])),   // the game adds its brand when it opens the world
            ("allowCommands", .byte(1)),
            ("GameType", .int(1)),      // creative: fly around the generated structures
            ("Time", .long(0)),
            ("LastPlayed", .long(settings.lastPlayed)),
            ("DataPacks", .compound(Compound([("Enabled", .list(.string, [.string("vanilla")])), ("Disabled", .list(.end, []))]))),
        ])
    }

    /// Before 26.1: difficulty, time of day, weather, traders, boss bars, the dragon fight, the
    /// world border (before 1.21.9), game rules and world-gen settings, all inside level.dat.
    static func worldState(_ settings: NewWorldSettings, format: LevelFormat) -> [(String, Tag)] {
        var fields: [(String, Tag)] = [
            ("hardcore", .byte(0)), ("Difficulty", .byte(0)), ("DifficultyLocked", .byte(0)),   // peaceful
            ("DayTime", .long(noon)),
            ("raining", .byte(0)), ("rainTime", .int(0)), ("thundering", .byte(0)), ("thunderTime", .int(0)),
            ("clearWeatherTime", .int(0)),
            ("WanderingTraderSpawnChance", .int(25)), ("WanderingTraderSpawnDelay", .int(24000)),
            ("CustomBossEvents", .compound(Compound())), ("ScheduledEvents", .list(.end, [])),
            ("DragonFight", .compound(Compound([("NeedsStateScanning", .byte(1)), ("DragonKilled", .byte(0)),
                                                ("PreviouslyKilled", .byte(0))]))),
            (format.hasNamespacedGameRules ? "game_rules" : "GameRules", .compound(NewWorldGameRules.compound(for: format))),
            ("WorldGenSettings", .compound(NewWorldGenerator.worldGenSettings(seed: settings.seed, layers: settings.layers, format: format))),
        ]
        if format.hasBorderFields {
            // The game's defaults: centred on 0,0 and 59,999,968 blocks wide.
            fields += [
                ("BorderCenterX", .double(0)), ("BorderCenterZ", .double(0)), ("BorderSize", .double(59_999_968)),
                ("BorderSizeLerpTarget", .double(59_999_968)), ("BorderSizeLerpTime", .long(0)),
                ("BorderSafeZone", .double(5)), ("BorderDamagePerBlock", .double(0.2)),
                ("BorderWarningBlocks", .double(5)), ("BorderWarningTime", .double(15)),
            ]
        }
        return fields
    }
}
