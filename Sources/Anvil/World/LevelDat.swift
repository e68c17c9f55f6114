import NBT

/// The facts worldgan needs from a world's `level.dat`, and a builder for new worlds' `level.dat`.
///
/// ```swift
/// let info = try LevelDat(document)      // parsed from the gzip NBT file
/// info.dataVersion                        // 4671
/// let doc = try LevelDat.newWorld(name: "worldgan samples", dataVersion: 4671, spawn: (24, -60, 24))
/// ```
public struct LevelDat: Equatable, Sendable {
    /// `Data.LevelName`.
    public var levelName: String
    /// `Data.DataVersion`; `nil` in worlds older than 1.9.
    public var dataVersion: Int?
    /// `Data.Version.Name` (e.g. "1.21.11"), when present.
    public var versionName: String?
    /// The world spawn, from `Data.spawn.pos` (1.21.9+) or `Data.SpawnX/Y/Z`.
    public var spawn: (x: Int, y: Int, z: Int)?

    /// Reads the fields from a parsed `level.dat`. - Throws: `WorldError.badLevelDat` when `Data` is absent.
    public init(_ document: NBTReader.Document) throws(WorldError) {
        guard let data = document.root["Data"]?.compound else {
            throw .badLevelDat(reason: "it has no Data compound")
        }
        levelName = data["LevelName"]?.string ?? ""
        dataVersion = data["DataVersion"]?.integer
        versionName = data["Version"]?.compound?["Name"]?.string
        if let pos = data["spawn"]?.compound?["pos"]?.intArray, pos.count == 3 {
            spawn = (Int(pos[0]), Int(pos[1]), Int(pos[2]))
        } else if let x = data["SpawnX"]?.integer, let y = data["SpawnY"]?.integer, let z = data["SpawnZ"]?.integer {
            spawn = (x, y, z)
        }
    }

    public static func == (a: LevelDat, b: LevelDat) -> Bool {
        a.levelName == b.levelName && a.dataVersion == b.dataVersion && a.versionName == b.versionName
            && a.spawn?.x == b.spawn?.x && a.spawn?.y == b.spawn?.y && a.spawn?.z == b.spawn?.z
    }
}
