import Foundation

/// Whole NBT files on disk (`level.dat`, `scoreboard.dat`, structure `.nbt`): compression is
/// detected on reading and chosen on writing; writes are atomic.
///
/// ```swift
/// let (level, compression) = try NBTFile.read(contentsOf: worldURL.appendingPathComponent("level.dat"))
/// try NBTFile.write(level, to: copyURL, compression: compression)
/// ```
public enum NBTFile {
    /// Reads and parses the file at `url`, detecting gzip, zlib or plain NBT by its first bytes.
    /// - Returns: the document and the compression it was stored with.
    /// - Throws: `NBTError.fileUnreadable`, or `.inFile(path:_:)` wrapping a decompression or parse
    ///   error (with its byte offset into the decompressed data and the tag path).
    public static func read(
        contentsOf url: URL, limit: Int = NBTLimits.maxDecompressedSize
    ) throws(NBTError) -> (document: NBTReader.Document, compression: NBTCompression) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fileUnreadable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        var result: Result<(NBTReader.Document, NBTCompression), NBTError> = .failure(.truncated(offset: 0, needed: 1, path: NBTPath()))
        data.withUnsafeBytes { raw in
            result = Result { () throws(NBTError) -> (NBTReader.Document, NBTCompression) in
                let compression = NBTCompression.detect(raw)
                let plain = try compression.decompress(raw, limit: limit)
                return (try NBTReader.read(plain), compression)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw .inFile(path: url.path, error)
        }
    }

    /// Serialises `document`, compresses it and writes it atomically to `url` (see `AtomicFile`).
    /// - Parameter backup: keep the previous file as `<name>.bak`.
    /// - Throws: `NBTError.stringTooLong` / `.inconsistentList` for unencodable values,
    ///   `.fileUnwritable` for I/O failures (the old file is then untouched).
    public static func write(
        _ document: NBTReader.Document, to url: URL, compression: NBTCompression = .gzip, backup: Bool = false
    ) throws(NBTError) {
        let bytes = try compression.compress(NBTWriter.write(document))
        try AtomicFile.write(bytes, to: url, backup: backup)
    }
}
