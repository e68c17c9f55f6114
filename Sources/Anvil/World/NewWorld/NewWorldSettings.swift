/// What a new world should be: its name, target version, spawn and superflat layers.
///
/// The world is always a creative superflat (plains, no structures, features or lakes) with
/// commands allowed, time frozen at noon, weather frozen clear and no mob, patrol, phantom or
/// trader spawning — a quiet stage for generated samples.
///
/// ```swift
/// var settings = NewWorldSettings(name: "worldgan samples", dataVersion: 4671,
///                                 spawn: VoxelPosition(24, -60, 24))
/// settings.layers = []          // void: no ground at all
/// ```
public struct NewWorldSettings: Sendable, Equatable {
    /// `LevelName`, shown in the world list.
    public var name: String
    /// The target DataVersion (≥ 2860); selects the layout (see `LevelFormat`).
    public var dataVersion: Int
    /// `Version.Name`; `nil` uses `MinecraftVersionName.name(forDataVersion:)`.
    public var versionName: String?
    /// Where players appear: a block position near the samples, y in −64…319.
    public var spawn: VoxelPosition
    /// The world seed (irrelevant for a flat overworld; it seeds the nether and end).
    public var seed: Int64
    /// Superflat layers from y −64 upwards; empty means a void world.
    public var layers: [LevelDat.FlatLayer]
    /// `LastPlayed`, milliseconds since 1970 (0 sorts the world last until it is opened).
    public var lastPlayed: Int64

    public init(name: String, dataVersion: Int, versionName: String? = nil, spawn: VoxelPosition,
                seed: Int64 = 0, layers: [LevelDat.FlatLayer] = LevelDat.meadowLayers, lastPlayed: Int64 = 0) {
        self.name = name
        self.dataVersion = dataVersion
        self.versionName = versionName
        self.spawn = spawn
        self.seed = seed
        self.layers = layers
        self.lastPlayed = lastPlayed
    }

    /// `versionName`, or the known name of `dataVersion`.
    public var resolvedVersionName: String {
        versionName ?? MinecraftVersionName.name(forDataVersion: dataVersion)
    }
}
