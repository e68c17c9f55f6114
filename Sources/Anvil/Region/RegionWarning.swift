/// Something odd about a chunk that did not stop it from being read.
public enum RegionWarning: Sendable, Equatable, CustomStringConvertible {
    /// The compressed stream ran `used - declared` bytes past the declared length (Querz's old
    /// writer left the compression byte out of the length); the bytes were there, so it was read.
    case streamPastDeclaredLength(RegionChunkReference, declared: Int, used: Int)
    /// The length field needs more sectors than the header allocates; the bytes were in the file.
    case lengthExceedsSectorCount(RegionChunkReference, length: Int, sectorCount: Int)
    /// The chunk's sectors overlap another chunk's (one of them was probably overwritten).
    case overlappingSectors(RegionChunkReference, other: RegionChunkSlot)
    /// An external chunk also has bytes after its compression byte (the game ignores them too).
    case externalWithInlineData(RegionChunkReference, length: Int)

    public var description: String {
        switch self {
        case let .streamPastDeclaredLength(ref, declared, used):
            return "\(ref): compressed stream is \(used) bytes but the length field says \(declared) (read anyway; re-save to fix)"
        case let .lengthExceedsSectorCount(ref, length, count):
            return "\(ref): length \(length) does not fit its \(count) sector(s) (read anyway; re-save to fix)"
        case let .overlappingSectors(ref, other):
            return "\(ref): sectors overlap those of \(other) (one of them may be damaged)"
        case let .externalWithInlineData(ref, length):
            return "\(ref): external chunk also has a \(length)-byte inline stream (ignored, as the game does)"
        }
    }

    /// The chunk this warning is about.
    public var chunk: RegionChunkReference {
        switch self {
        case .streamPastDeclaredLength(let r, _, _), .lengthExceedsSectorCount(let r, _, _),
             .overlappingSectors(let r, _), .externalWithInlineData(let r, _): r
        }
    }
}
