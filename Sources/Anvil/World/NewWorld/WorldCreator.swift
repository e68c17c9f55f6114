import Foundation
import NBT

/// Makes a new world folder that the Minecraft client of the target version opens: level.dat,
/// the saved data that 26.1 keeps beside it, `session.lock`, and the overworld's (empty) region
/// folder, ready for the samples' chunks.
///
/// ```swift
/// let world = try WorldCreator.create(at: URL(fileURLWithPath: "saves/samples"),
///                                     settings: NewWorldSettings(name: "samples", dataVersion: 4671,
///                                                                spawn: VoxelPosition(24, -60, 24)))
/// world.regionFolder(.overworld)   // saves/samples/region
/// world.warnings                   // [] (or a note when the DataVersion is newer than we know)
/// ```
public enum WorldCreator {
    /// A world folder just made.
    public struct CreatedWorld: Sendable {
        /// The world folder.
        public let folder: URL
        /// The layout it was written in.
        public let format: LevelFormat
        /// The files written, relative to `folder`, in writing order (level.dat last).
        public let files: [String]
        /// Things the caller should tell the user (e.g. an unknown, newer DataVersion).
        public let warnings: [String]

        /// Where `dimension`'s region files go in this layout (see `LevelFormat.regionFolder(_:)`).
        public func regionFolder(_ dimension: WorldDimension) -> URL {
            folder.appendingPathComponent(format.regionFolder(dimension))
        }
    }

    /// What `session.lock` holds: "☃" in UTF-8, as the game writes it (since 1.16 the lock is an OS
    /// file lock; the game rewrites this file itself, so it is a courtesy, not a requirement).
    public static let sessionLockBytes: [UInt8] = [0xE2, 0x98, 0x83]

    /// Creates the world described by `settings` in `folder` (created if needed; it must not
    /// already hold a level.dat). Saved data is written before level.dat, so an interrupted run
    /// never leaves a level.dat that points at missing files.
    /// - Throws: `NewWorldError.worldExists`, `.dataVersionTooOld`, `.spawnOutsideWorld`,
    ///   `.cannotCreateFolder`, `.cannotWrite`.
    /// - Complexity: a handful of small files; well under a millisecond of CPU.
    public static func create(at folder: URL, settings: NewWorldSettings) throws(NewWorldError) -> CreatedWorld {
        let files = try NewWorldFiles(settings)
        let levelURL = folder.appendingPathComponent("level.dat")
        guard !FileManager.default.fileExists(atPath: levelURL.path) else { throw .worldExists(path: folder.path) }
        try makeFolder(folder)
        var written: [String] = []
        for file in files.savedData {
            let url = folder.appendingPathComponent(file.path)
            try makeFolder(url.deletingLastPathComponent())
            try write(file.document, to: url)
            written.append(file.path)
        }
        try makeFolder(folder.appendingPathComponent(files.format.regionFolder(.overworld)))
        do {
            try AtomicFile.write(sessionLockBytes, to: folder.appendingPathComponent("session.lock"))
        } catch {
            throw .cannotWrite(path: folder.appendingPathComponent("session.lock").path, reason: "\(error)")
        }
        written.append("session.lock")
        try write(files.levelDat, to: levelURL)
        written.append("level.dat")
        var warnings: [String] = []
        if files.format.isNewerThanKnown {
            warnings.append("DataVersion \(settings.dataVersion) is newer than the newest layout we know (\(LevelFormat.newestKnown), 26.1 Snapshot 6); the world was written in that layout and the game may upgrade or reject it")
        }
        return CreatedWorld(folder: folder, format: files.format, files: written, warnings: warnings)
    }

    static func makeFolder(_ url: URL) throws(NewWorldError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateFolder(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }

    static func write(_ document: NBTReader.Document, to url: URL) throws(NewWorldError) {
        do {
            try NBTFile.write(document, to: url, compression: .gzip)
        } catch {
            throw .cannotWrite(path: url.path, reason: "\(error)")
        }
    }
}
