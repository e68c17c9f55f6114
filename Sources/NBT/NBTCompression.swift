/// How an NBT file's bytes are wrapped on disk, told apart by their first bytes.
///
/// ```swift
/// let kind = NBTCompression.detect(fileBytes)        // .gzip for level.dat
/// let nbt = try kind.decompress(fileBytes)
/// ```
public enum NBTCompression: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Gzip (magic `1F 8B`): level.dat, player data, structure `.nbt`, schematics.
    case gzip
    /// Zlib (CMF byte with method 8, e.g. `78 9C`, and a valid header checksum).
    case zlib
    /// Plain NBT (starts with the root tag id `0A`).
    case none

    /// The wrapper of `bytes`: gzip when they start `1F 8B`; zlib when the first two bytes form a
    /// valid RFC 1950 header (method 8, window ≤ 32 KiB, `(CMF·256 + FLG) % 31 == 0`); else none.
    public static func detect(_ bytes: UnsafeRawBufferPointer) -> NBTCompression {
        guard bytes.count >= 2 else { return .none }
        let b0 = bytes[0], b1 = bytes[1]
        if b0 == 0x1F && b1 == 0x8B { return .gzip }
        if b0 & 0x0F == 8 && b0 >> 4 <= 7 && (UInt16(b0) << 8 | UInt16(b1)) % 31 == 0 { return .zlib }
        return .none
    }

    /// See `detect(_:)`.
    public static func detect(_ bytes: [UInt8]) -> NBTCompression {
        bytes.withUnsafeBytes { detect($0) }
    }

    /// The bytes inside the wrapper. `.none` returns a copy.
    /// - Throws: `NBTError.decompressionFailed`, `.compressedDataEndsEarly`, `.tooLarge` (over `limit`).
    public func decompress(_ bytes: UnsafeRawBufferPointer, limit: Int = NBTLimits.maxDecompressedSize) throws(NBTError) -> [UInt8] {
        guard let container else {
            guard bytes.count <= limit else { throw .tooLarge(limit: limit) }
            return Array(bytes)
        }
        let inflater = Inflater(initialCapacity: min(max(bytes.count * 4, 1 << 12), limit))
        try inflater.inflate(bytes, container: container, limit: limit)
        return Array(inflater.output)
    }

    /// Wraps `bytes` in this format (`.none` returns them unchanged).
    /// - Throws: `NBTError.compressionFailed` only if zlib cannot allocate its state.
    public func compress(_ bytes: [UInt8]) throws(NBTError) -> [UInt8] {
        guard let container else { return bytes }
        return try Deflater.compress(bytes, container: container)
    }

    /// The DEFLATE container, or `nil` for `.none`.
    public var container: DeflateContainer? {
        switch self {
        case .gzip: .gzip
        case .zlib: .zlib
        case .none: nil
        }
    }

    public var description: String { rawValue }
}
