/// The compression byte in front of a chunk's stream in a region file.
///
/// Values from the Minecraft wiki's "Region file format" page: 1 gzip (unused by the game since
/// Beta 1.3), 2 zlib (the default), 3 uncompressed (since 1.15.1), 4 LZ4 (since 24w04a, chosen with
/// `region-file-compression=lz4`). Bit 0x80 marks a chunk stored in an external `c.X.Z.mcc` file.
public enum ChunkCompression: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case gzip = 1
    case zlib = 2
    case none = 3
    case lz4 = 4

    /// Set in the compression byte when the stream lives in `c.<x>.<z>.mcc` beside the region.
    public static let externalFlag: UInt8 = 0x80
    /// The id the game reserves (since 24w05a) for a mod's own algorithm, named by a string after
    /// the compression byte; vanilla cannot decode it, and neither do we.
    public static let customID: UInt8 = 127

    /// Splits a compression byte into its scheme and the external flag; `nil` for unknown schemes.
    ///
    /// ```swift
    /// ChunkCompression.decode(0x82)   // (.zlib, external: true)
    /// ```
    public static func decode(_ byte: UInt8) -> (compression: ChunkCompression, external: Bool)? {
        guard let scheme = ChunkCompression(rawValue: byte & ~externalFlag) else { return nil }
        return (scheme, byte & externalFlag != 0)
    }

    /// The byte written for this scheme, with the external flag when `external`.
    public func byte(external: Bool) -> UInt8 { rawValue | (external ? Self.externalFlag : 0) }

    public var description: String {
        switch self {
        case .gzip: "gzip"
        case .zlib: "zlib"
        case .none: "uncompressed"
        case .lz4: "LZ4"
        }
    }
}
