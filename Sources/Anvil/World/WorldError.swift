import Foundation

/// Why a world folder cannot be used. Each case names the folder or file and says what to do.
public enum WorldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path does not exist.
    case notFound(path: String)
    /// The folder has no level.dat, so it is not a Minecraft Java world.
    case noLevelDat(path: String)
    /// level.dat is not readable as a world's level.dat.
    case badLevelDat(reason: String)
    /// The dimension has no region folder.
    case noRegionFolder(path: String)
    /// Chunks inside a requested box were never generated.
    case missingChunks([ChunkCoordinate], dimension: String)
    /// A box lies (partly) outside the world's build height.
    case outsideBuildHeight(minY: Int, maxY: Int, worldMinY: Int, worldMaxY: Int)
    /// Chunks in the old numeric-ID format (≤ 1.12) cannot be written.
    case legacyWorldNotWritable(dataVersion: Int?)

    public var description: String {
        switch self {
        case let .notFound(path):
            return "\(path): no such file or folder"
        case let .noLevelDat(path):
            return "\(path) has no level.dat: pass the folder of a Minecraft Java world (the one holding level.dat and region/)"
        case let .badLevelDat(reason):
            return "level.dat cannot be used: \(reason)"
        case let .noRegionFolder(path):
            return "\(path) does not exist: the world has no chunks in this dimension (try --dimension)"
        case let .missingChunks(chunks, dimension):
            let list = chunks.prefix(8).map(\.description).joined(separator: ", ")
            let more = chunks.count > 8 ? " and \(chunks.count - 8) more" : ""
            return "\(chunks.count) chunk(s) in the box were never generated in the \(dimension): \(list)\(more); visit them in Minecraft first, or pass --fill-missing air"
        case let .outsideBuildHeight(minY, maxY, worldMinY, worldMaxY):
            return "the box spans y \(minY)…\(maxY) but this world's blocks lie in y \(worldMinY)…\(worldMaxY); choose a box inside that range"
        case let .legacyWorldNotWritable(dv):
            return "the target chunks use the pre-1.13 numeric-ID format (DataVersion \(dv.map(String.init) ?? "none")); open and save the world in Minecraft 1.13 or newer first"
        }
    }
}

/// A chunk's coordinates (block x / 16, block z / 16).
public struct ChunkCoordinate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var x: Int
    public var z: Int
    public init(x: Int, z: Int) { self.x = x; self.z = z }
    /// The chunk holding block (x, z).
    public init(blockX: Int, blockZ: Int) { x = blockX >> 4; z = blockZ >> 4 }
    /// The region holding this chunk.
    public var region: (x: Int, z: Int) { (x >> 5, z >> 5) }
    /// Position inside its region (0…31).
    public var local: (x: Int, z: Int) { (x & 31, z & 31) }
    public var description: String { "chunk (\(x), \(z))" }
    public static func < (a: ChunkCoordinate, b: ChunkCoordinate) -> Bool { (a.x, a.z) < (b.x, b.z) }
}
