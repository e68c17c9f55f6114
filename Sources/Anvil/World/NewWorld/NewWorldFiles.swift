import NBT

/// The NBT files of a new world, before they are written: level.dat and, from 26.1 on, the saved
/// data under `data/minecraft/`.
///
/// ```swift
/// let files = try NewWorldFiles(NewWorldSettings(name: "w", dataVersion: 4774, spawn: VoxelPosition(0, -60, 0)))
/// files.savedData.map(\.path)   // ["data/minecraft/world_gen_settings.dat", "data/minecraft/game_rules.dat", …]
/// ```
public struct NewWorldFiles: Sendable, Equatable {
    /// One saved-data file: its path relative to the world folder and its document
    /// (`{data: {…}, DataVersion}`, as the game's `SavedData` storage writes it).
    public struct SavedDataFile: Sendable, Equatable {
        public var path: String
        public var document: NBTReader.Document
    }

    /// The layout the files follow.
    public let format: LevelFormat
    /// `level.dat`: root compound `{Data: {…}}`.
    public let levelDat: NBTReader.Document
    /// The files under `data/minecraft/` (empty before 26.1).
    public let savedData: [SavedDataFile]

    /// Builds the files for `settings`.
    /// - Throws: `NewWorldError.dataVersionTooOld` before 1.18, `.spawnOutsideWorld` for a spawn
    ///   outside y −64…319.
    public init(_ settings: NewWorldSettings) throws(NewWorldError) {
        let format = try LevelFormat(dataVersion: settings.dataVersion)
        guard (-64...319).contains(settings.spawn.y) else { throw .spawnOutsideWorld(y: settings.spawn.y) }
        self.format = format
        levelDat = LevelDat.newWorldDocument(settings, format: format)
        savedData = format.splitsLevelDat ? Self.savedData(settings, format: format) : []
    }

    /// 26.1: world-gen settings, game rules and the overworld clock (at noon) as saved data; the
    /// rest (weather, wandering trader, dragon fight, boss bars…) starts from the game's defaults.
    static func savedData(_ settings: NewWorldSettings, format: LevelFormat) -> [SavedDataFile] {
        func file(_ name: String, _ data: Compound) -> SavedDataFile {
            SavedDataFile(path: "data/minecraft/\(name).dat", document: NBTReader.Document(name: "", root: Compound([
                ("data", .compound(data)), ("DataVersion", .int(Int32(clamping: format.dataVersion))),
            ])))
        }
        return [
            file("world_gen_settings", NewWorldGenerator.worldGenSettings(seed: settings.seed, layers: settings.layers, format: format)),
            file("game_rules", NewWorldGameRules.compound(for: format)),
            file("world_clocks", Compound([("minecraft:overworld", .compound(Compound([("total_ticks", .long(LevelDat.noon))])))])),
        ]
    }
}
