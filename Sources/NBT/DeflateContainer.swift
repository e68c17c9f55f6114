/// The wrapper around a DEFLATE (RFC 1951) stream.
///
/// Minecraft stores `level.dat` and most `.dat` files as gzip (RFC 1952) and region chunks as zlib
/// (RFC 1950); both are DEFLATE with a different header and checksum.
public enum DeflateContainer: Sendable, CustomStringConvertible {
    /// RFC 1950: 2-byte header, Adler-32 trailer.
    case zlib
    /// RFC 1952: 10-byte header, CRC-32 and size trailer.
    case gzip

    /// zlib's `windowBits` for inflating this container (15 = 32 KiB window; +16 selects gzip).
    var inflateWindowBits: Int32 {
        switch self {
        case .zlib: 15
        case .gzip: 15 + 16
        }
    }

    public var description: String {
        switch self {
        case .zlib: "zlib"
        case .gzip: "gzip"
        }
    }
}
