import Anvil
import ArgumentParser
import Foundation

/// Loading the inputs commands share.
enum InputLoading {
    /// A schematic's blocks; errors name the file.
    static func schematic(_ path: String) throws -> (volume: BlockVolume, info: SpongeSchematic.Info) {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FileError.noSuchFile(path: path, folderAllowed: false)
        }
        return try SchematicFile.read(url)
    }

    /// Makes the folder holding `url` (an output file), with an error naming it when that fails.
    static func prepareOutput(_ url: URL) throws {
        try prepareFolder(url.deletingLastPathComponent())
    }

    /// Makes `folder` (and its parents) and checks that it is writable.
    static func prepareFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FileError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
        guard FileManager.default.isWritableFile(atPath: folder.path) else {
            throw FileError.folderNotWritable(path: folder.path)
        }
    }
}

extension TokenMode: ExpressibleByArgument {}
