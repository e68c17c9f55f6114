import Anvil
import ArgumentParser
import Foundation

/// Loading the inputs commands share.
enum InputLoading {
    /// A schematic's blocks (Sponge, Litematica, structure or MCEdit, told by content); errors name
    /// the file. `palette` picks a structure file's palette variant; notes (e.g. which one) go to stderr.
    static func schematic(_ path: String, palette: Int = 0) throws -> (volume: BlockVolume, info: SchematicInfo) {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw FileError.noSuchFile(path: path, folderAllowed: false)
        }
        let read = try SchematicFile.read(url, palette: palette)
        for note in read.info.notes { FileHandle.standardError.write(Data("note: \(path): \(note)\n".utf8)) }
        return read
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

/// `--format sponge|litematic|structure` (MCEdit is read only).
extension SchematicFormat: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.filter(\.isWritable).map(\.rawValue) }

    /// How `info` names the format.
    var title: String {
        switch self {
        case .sponge: "Sponge"
        case .litematic: "Litematica"
        case .structure: "structure template"
        case .mcedit: "MCEdit/Schematica (numeric ids)"
        }
    }
}
