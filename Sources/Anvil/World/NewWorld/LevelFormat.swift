/// Which `level.dat` layout (and which companion files) a world of a given DataVersion needs.
///
/// A new world is written for one target DataVersion; the layout changed in small steps between
/// 1.18 and the 26.1 snapshots, so each step is one predicate with the DataVersion it starts at
/// (sources: `Sources/Anvil/FORMATS.md`, section "level.dat"). DataVersions newer than the newest
/// one we know use the newest layout (`isNewerThanKnown` lets the caller warn).
///
/// ```swift
/// let format = try LevelFormat(dataVersion: 4671)   // 1.21.11
/// format.hasSpawnCompound                          // true
/// format.hasNamespacedGameRules                    // true
/// format.splitsLevelDat                            // false: WorldGenSettings stays in level.dat
/// ```
public struct LevelFormat: Sendable, Equatable, CustomStringConvertible {
    /// The target DataVersion.
    public let dataVersion: Int

    /// 1.18: the oldest layout we write (flat worlds with y −64…319, `WorldGenSettings` compound).
    public static let oldestWritable = 2860
    /// 1.18.2: flat settings name their structures with `structure_overrides` instead of `structures`.
    public static let structureOverrides = 2975
    /// 1.19: noise generators and the end biome source no longer carry a `seed` of their own.
    public static let generatorSeedsDropped = 3105
    /// A late 1.21.9 snapshot (`LegacyWorldBorderFix`, just before 1.21.9-pre1): the nine `Border*`
    /// fields leave level.dat (the border becomes saved data; a new world uses its default).
    public static let worldBorderMoved = 4544
    /// 1.21.9-pre1 (`WorldSpawnDataFix`): `SpawnX/Y/Z` + `SpawnAngle` become `spawn {pos, dimension, yaw, pitch}`.
    public static let spawnCompound = 4548
    /// 1.21.11 snapshots (`GameRuleRegistryFix`): `GameRules` (strings) becomes `game_rules`
    /// (namespaced ids, byte/int values).
    public static let namespacedGameRules = 4658
    /// 26.1 snapshots (`FileFixerUpper.FILE_FIXER_INTRODUCTION_VERSION`): world-gen settings, game
    /// rules, clocks, weather… move to `data/minecraft/*.dat`; difficulty becomes
    /// `difficulty_settings`; dimensions live under `dimensions/minecraft/<name>/`.
    public static let savedDataSplit = 4772
    /// The newest DataVersion whose layout was checked against a real file (26.1 Snapshot 6).
    public static let newestKnown = 4774

    /// The layout for `dataVersion`.
    /// - Throws: `NewWorldError.dataVersionTooOld` below 1.18 (DataVersion 2860).
    public init(dataVersion: Int) throws(NewWorldError) {
        guard dataVersion >= Self.oldestWritable else { throw .dataVersionTooOld(dataVersion) }
        self.dataVersion = dataVersion
    }

    /// For DataVersions checked in code (≥ 2860).
    init(knownDataVersion: Int) {
        precondition(knownDataVersion >= Self.oldestWritable, "LevelFormat(knownDataVersion:): \(knownDataVersion) < 2860")
        dataVersion = knownDataVersion
    }

    /// True past the newest DataVersion we know: written in the newest layout, which may be stale.
    public var isNewerThanKnown: Bool { dataVersion > Self.newestKnown }
    /// `structures {structures: {}}` (1.18–1.18.1) rather than `structure_overrides` in flat settings.
    public var usesStructureSettingsCompound: Bool { dataVersion < Self.structureOverrides }
    /// Noise generators and the end biome source repeat the world seed (1.18.x).
    public var repeatsSeedInGenerators: Bool { dataVersion < Self.generatorSeedsDropped }
    /// `BorderCenterX`, `BorderSize`… are level.dat fields.
    public var hasBorderFields: Bool { dataVersion < Self.worldBorderMoved }
    /// `spawn {pos, dimension, yaw, pitch}` rather than `SpawnX/Y/Z` + `SpawnAngle`.
    public var hasSpawnCompound: Bool { dataVersion >= Self.spawnCompound }
    /// `minecraft:`-namespaced typed game rules rather than `GameRules` strings.
    public var hasNamespacedGameRules: Bool { dataVersion >= Self.namespacedGameRules }
    /// World-gen settings, game rules and clocks live in `data/minecraft/*.dat`, not in level.dat.
    public var splitsLevelDat: Bool { dataVersion >= Self.savedDataSplit }

    /// The folder (relative to the world folder) holding `dimension`'s region files in this layout.
    public func regionFolder(_ dimension: WorldDimension) -> String {
        Self.regionFolder(dimension, dataVersion: dataVersion)
    }

    /// The region folder of `dimension` in a world of any DataVersion (reading old worlds too):
    /// `region`, `DIM-1/region`, `DIM1/region` before the 26.1 split (and when the DataVersion is
    /// unknown), then `dimensions/minecraft/<overworld|the_nether|the_end>/region`.
    ///
    /// ```swift
    /// LevelFormat.regionFolder(.nether, dataVersion: 4671)   // "DIM-1/region"
    /// LevelFormat.regionFolder(.nether, dataVersion: 4774)   // "dimensions/minecraft/the_nether/region"
    /// ```
    public static func regionFolder(_ dimension: WorldDimension, dataVersion: Int?) -> String {
        guard let dataVersion, dataVersion >= savedDataSplit else { return dimension.regionFolder }
        let name = switch dimension {
        case .overworld: "overworld"
        case .nether: "the_nether"
        case .end: "the_end"
        }
        return "dimensions/minecraft/\(name)/region"
    }

    public var description: String {
        "level.dat layout for DataVersion \(dataVersion) (\(MinecraftVersionName.name(forDataVersion: dataVersion)))"
    }
}
