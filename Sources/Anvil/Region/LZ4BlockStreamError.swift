/// Why an lz4-java `LZ4Block` stream could not be decoded. Offsets count from the stream's start.
public enum LZ4BlockStreamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A block does not start with the 8 bytes `LZ4Block`.
    case badMagic(offset: Int)
    /// The data stops inside a block, or before the end block.
    case truncated(offset: Int)
    /// A block header breaks the format's rules (sizes, method, or a non-zero end-block checksum).
    case badBlockHeader(offset: Int, reason: String)
    /// The LZ4 payload of a block does not decode to its declared size.
    case corruptBlock(offset: Int)
    /// A block decoded, but its XXHash32 checksum (masked to 28 bits) differs from the stored one.
    case checksumMismatch(offset: Int, stored: UInt32, computed: UInt32)
    /// The decoded data would exceed the allowed size.
    case tooLarge(limit: Int)

    public var description: String {
        switch self {
        case let .badMagic(offset):
            return "LZ4 block at byte \(offset) lacks the 'LZ4Block' magic (not an lz4-java stream, or corrupt)"
        case let .truncated(offset):
            return "LZ4 stream ends early at byte \(offset) (cut-off data)"
        case let .badBlockHeader(offset, reason):
            return "LZ4 block header at byte \(offset) is invalid: \(reason)"
        case let .corruptBlock(offset):
            return "LZ4 block at byte \(offset) does not decode (corrupt data)"
        case let .checksumMismatch(offset, stored, computed):
            return "LZ4 block at byte \(offset) fails its checksum (stored \(hex(stored)), computed \(hex(computed))): the data is damaged"
        case let .tooLarge(limit):
            return "LZ4 stream decodes to more than the \(limit)-byte limit (corrupt data?)"
        }
    }

    private func hex(_ v: UInt32) -> String { "0x" + String(v, radix: 16, uppercase: true) }
}
