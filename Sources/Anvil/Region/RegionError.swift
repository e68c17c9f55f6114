import Foundation
import NBT

/// Everything that can go wrong with a region file. File-level cases stop the whole file; chunk
/// cases name the chunk and affect only it (`RegionFile.readAllChunks()` reports them per chunk).
/// Each `description` is one line: what, where, and what to do.
public enum RegionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case fileUnreadable(file: URL, reason: String)
    /// The file is shorter than the 4 KiB location table.
    case headerTruncated(file: URL, size: Int)
    /// The file (or a `.mcc` beside it) could not be written; nothing was replaced.
    case fileUnwritable(file: URL, step: String, reason: String)
    /// The header points the chunk into the 8 KiB header itself (sector 0 or 1).
    case chunkInHeader(RegionChunkReference, sector: Int)
    /// The header gives the chunk a sector count of 0.
    case zeroSectorCount(RegionChunkReference, sector: Int)
    /// The chunk's first sector lies at or past the end of the file.
    case chunkPastEndOfFile(RegionChunkReference, sector: Int, fileSize: Int)
    /// The chunk's length field is 0 (or 1 without an external file): allocated, but no data.
    case noPayload(RegionChunkReference, length: Int)
    /// The length field claims more bytes than the file has.
    case streamTruncated(RegionChunkReference, length: Int, available: Int)
    /// Copying the chunk would need more than the 255 sectors a location can hold (its length field
    /// claims far more than the header allocates).
    case oversizedRecord(RegionChunkReference, sectors: Int)
    /// The compression byte is not 1–4 (optionally with 0x80).
    case unknownCompression(RegionChunkReference, byte: UInt8)
    /// Compression byte 127: a mod's "custom" algorithm, named by the string after the byte (the
    /// vanilla game cannot read these either).
    case customCompression(RegionChunkReference, algorithm: String?)
    /// The chunk is external but `c.X.Z.mcc` is missing or unreadable.
    case externalFileUnreadable(RegionChunkReference, path: String, reason: String)
    /// The chunk is external but the region's coordinates (hence the `.mcc` name) are unknown.
    case regionPositionUnknown(RegionChunkReference)
    /// The zlib or gzip stream is damaged, cut off, or too large.
    case decompressionFailed(RegionChunkReference, ChunkCompression, NBTError)
    /// The LZ4 block stream is damaged or fails its checksum.
    case lz4StreamInvalid(RegionChunkReference, LZ4BlockStreamError)
    /// A chunk could not be compressed for writing (zlib could not allocate its state).
    case compressionFailed(RegionChunkReference, ChunkCompression, NBTError)

    public var description: String {
        switch self {
        case let .fileUnreadable(file, reason):
            return "cannot read region file \(file.path): \(reason)"
        case let .headerTruncated(file, size):
            return "region file \(file.path) is \(size) bytes, shorter than its 4096-byte location table (truncated copy?)"
        case let .fileUnwritable(file, step, reason):
            return "cannot write \(file.path): \(step) failed: \(reason) (the previous file is untouched)"
        case let .chunkInHeader(ref, sector):
            return "\(ref): header points to sector \(sector), inside the header (corrupt header; the chunk is lost)"
        case let .zeroSectorCount(ref, sector):
            return "\(ref): header gives sector \(sector) with a sector count of 0 (corrupt header; the chunk is lost)"
        case let .chunkPastEndOfFile(ref, sector, size):
            return "\(ref): sector \(sector) lies past the end of the \(size)-byte file (truncated file; the chunk is lost)"
        case let .noPayload(ref, length):
            return "\(ref): length field is \(length), so the chunk holds no data (the game regenerates it)"
        case let .streamTruncated(ref, length, available):
            return "\(ref): length field claims \(length) bytes but only \(available) remain in the file (truncated file)"
        case let .oversizedRecord(ref, sectors):
            return "\(ref): record would need \(sectors) sectors, more than the 255 a region entry holds (corrupt length field; the chunk is left out)"
        case let .unknownCompression(ref, byte):
            return "\(ref): unknown compression byte \(byte) (expected 1 gzip, 2 zlib, 3 none, 4 LZ4; corrupt chunk)"
        case let .customCompression(ref, algorithm):
            return "\(ref): uses custom compression \(algorithm.map { "'\($0)'" } ?? "(unnamed)") from a mod; load the world with that mod and re-save with zlib"
        case let .externalFileUnreadable(ref, path, reason):
            return "\(ref): external chunk file \(path) cannot be read: \(reason) (copy the .mcc files with the region)"
        case let .regionPositionUnknown(ref):
            return "\(ref): needs an external .mcc file, but the region's coordinates are unknown (rename it r.X.Z.mca)"
        case let .decompressionFailed(ref, compression, error):
            return "\(ref): \(compression) data cannot be decompressed: \(error)"
        case let .lz4StreamInvalid(ref, error):
            return "\(ref): \(error)"
        case let .compressionFailed(ref, compression, error):
            return "\(ref): cannot \(compression)-compress the new chunk: \(error)"
        }
    }

    /// The chunk this error is about, or `nil` for file-level errors.
    public var chunk: RegionChunkReference? {
        switch self {
        case .fileUnreadable, .headerTruncated, .fileUnwritable: nil
        case .chunkInHeader(let r, _), .zeroSectorCount(let r, _), .chunkPastEndOfFile(let r, _, _),
             .noPayload(let r, _), .streamTruncated(let r, _, _), .unknownCompression(let r, _),
             .customCompression(let r, _), .compressionFailed(let r, _, _), .oversizedRecord(let r, _),
             .externalFileUnreadable(let r, _, _), .regionPositionUnknown(let r),
             .decompressionFailed(let r, _, _), .lz4StreamInvalid(let r, _): r
        }
    }
}
