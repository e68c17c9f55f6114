import Foundation
import NBT

/// A Minecraft Java world folder: its `level.dat` and the region folders of its dimensions.
///
/// ```swift
/// let world = try World(at: URL(fileURLWithPath: "saves/My World"))
/// world.level.dataVersion        // 3955
/// world.regionURL(x: 0, z: -1, in: .overworld)
/// ```
public struct World: Sendable {
    /// The world folder.
    public let folder: URL
    /// What level.dat says.
    public let level: LevelDat

    /// Opens the world at `folder`.
    /// - Throws: `WorldError.notFound`, `.noLevelDat`, or `.badLevelDat` (with the NBT error).
    public init(at folder: URL) throws(WorldError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) else {
            throw .notFound(path: folder.path)
        }
        let levelURL = folder.appendingPathComponent("level.dat")
        guard isDirectory.boolValue, FileManager.default.fileExists(atPath: levelURL.path) else {
            throw .noLevelDat(path: folder.path)
        }
        let document: NBTReader.Document
        do { document = try NBTFile.read(contentsOf: levelURL).document } catch {
            throw .badLevelDat(reason: "\(error)")
        }
        self.folder = folder
        level = try LevelDat(document)
    }

    /// The region folder of `dimension` (26.1+ worlds keep every dimension under `dimensions/`).
    public func regionFolder(_ dimension: WorldDimension) -> URL {
        folder.appendingPathComponent(LevelFormat.regionFolder(dimension, dataVersion: level.dataVersion))
    }

    /// The region file `r.<x>.<z>.mca` of `dimension` (which may not exist).
    public func regionURL(x: Int, z: Int, in dimension: WorldDimension) -> URL {
        regionFolder(dimension).appendingPathComponent("r.\(x).\(z).mca")
    }

    /// The region files present in `dimension`, sorted by coordinates.
    public func regionFiles(in dimension: WorldDimension) -> [(x: Int, z: Int, url: URL)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: regionFolder(dimension).path)) ?? []
        return names.compactMap { name -> (x: Int, z: Int, url: URL)? in
            let parts = name.split(separator: ".")
            guard parts.count == 4, parts[0] == "r", parts[3] == "mca", let x = Int(parts[1]), let z = Int(parts[2]) else { return nil }
            return (x, z, regionFolder(dimension).appendingPathComponent(name))
        }.sorted { ($0.x, $0.z) < ($1.x, $1.z) }
    }
}
