import Foundation
import NBT

/// Why a world folder cannot be used. Each case names the folder or file and says what to do.
public enum WorldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// The folder has no level.dat, so it is not a Minecraft Java world.
    case noLevelDat(path: String)
    /// level.dat is not readable as a world's level.dat.
    case badLevelDat(reason: String)
    /// A folder the world needs (a dimension's region folder) cannot be created.
    case cannotCreateFolder(path: String, reason: String)
    /// Chunks inside a requested box were never generated.
    case missingChunks([ChunkPosition], dimension: String)
    /// A box lies (partly) outside the world's build height.
    case outsideBuildHeight(minY: Int, maxY: Int, worldMinY: Int, worldMaxY: Int)
    /// Chunks in the old numeric-ID format (≤ 1.12) cannot be written.
    case legacyWorldNotWritable(dataVersion: Int?)
    /// A box whose corners are not numbers of the world (e.g. beyond ±30 million).
    case boxOutOfRange(String)
    /// A region file or chunk failed to read (the wrapped error names file and chunk).
    case region(RegionError)
    /// A chunk's NBT failed to parse; the file and chunk are named.
    case chunkNBT(file: String, chunk: ChunkPosition, NBTError)
    /// A chunk's block data is broken (the wrapped error names the chunk and tag).
    case chunk(file: String, ChunkError)
    /// Blocks have no equivalent in the world's version (the wrapped error names them with counts).
    case translation(VersionTranslationError)
    /// The bundled block version table cannot be read (a packaging fault, not the world's).
    case translationTable(BlockVersionTable.LoadError)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such file or folder"
        case let .noLevelDat(path):
            return "\(path) has no level.dat: pass the folder of a Minecraft Java world (the one holding level.dat and region/)"
        case let .badLevelDat(reason):
            return "level.dat cannot be used: \(reason)"
        case let .cannotCreateFolder(path, reason):
            return "cannot create \(path) (\(reason)); check that the world folder is writable"
        case let .missingChunks(chunks, dimension):
            let list = chunks.prefix(8).map(\.description).joined(separator: ", ")
            let more = chunks.count > 8 ? " and \(chunks.count - 8) more" : ""
            return "\(chunks.count) chunk(s) in the box were never generated in the \(dimension): \(list)\(more); visit them in Minecraft first, or pass --fill-missing air"
        case let .outsideBuildHeight(minY, maxY, worldMinY, worldMaxY):
            return "the box spans y \(minY)…\(maxY) but this world's blocks lie in y \(worldMinY)…\(worldMaxY); choose a box inside that range"
        case let .legacyWorldNotWritable(dv):
            return "the target chunks use the pre-1.13 numeric-ID format (DataVersion \(dv.map(String.init) ?? "none")); open and save the world in Minecraft 1.13 or newer first"
        case let .boxOutOfRange(reason):
            return "the box is out of range: \(reason)"
        case let .region(error):
            return "\(error)"
        case let .chunkNBT(file, chunk, error):
            return "\(file), \(chunk): the chunk's NBT is damaged: \(error)"
        case let .chunk(file, error):
            return "\(file): \(error)"
        case let .translation(error):
            return "\(error)"
        case let .translationTable(error):
            return "this world's chunks come from several Minecraft versions and their block names cannot be translated: \(error)"
        }
    }
}

