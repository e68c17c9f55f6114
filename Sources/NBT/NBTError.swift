/// Everything that can go wrong reading or writing NBT. Cases carry the byte offset (into the
/// decompressed stream) and the tag path, so a message can say exactly where a file is broken.
public enum NBTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The data ends before a value that needs `needed` more bytes.
    case truncated(offset: Int, needed: Int, path: NBTPath)
    /// A tag id outside 0…12.
    case unknownTagType(UInt8, offset: Int, path: NBTPath)
    /// A list or array length below zero.
    case negativeLength(Int, offset: Int, path: NBTPath)
    /// Compounds/lists nested deeper than `NBTLimits.maxDepth` (512, as Minecraft).
    case nestingTooDeep(limit: Int, offset: Int, path: NBTPath)
    /// A string whose bytes are not valid modified UTF-8.
    case invalidModifiedUTF8(offset: Int, path: NBTPath)
    /// The root tag is not a compound (or is TAG_End).
    case rootNotCompound(TagType, offset: Int)
    /// A list declares element type TAG_End but has elements, or holds a tag of another type (writer).
    case inconsistentList(declared: TagType, found: TagType, path: NBTPath)
    /// A string longer than 65535 bytes in modified UTF-8 cannot be written.
    case stringTooLong(bytes: Int, path: NBTPath)
    /// The compressed stream is damaged.
    case decompressionFailed(format: String, reason: String)
    /// Decompressed data would exceed the allowed size.
    case tooLarge(limit: Int)
    /// The compressed stream stops before its end marker after `consumed` bytes (cut-off file).
    case compressedDataEndsEarly(format: String, consumed: Int)
    /// zlib refused to compress (it could not allocate its state).
    case compressionFailed(format: String, reason: String)
    /// The file could not be read.
    case fileUnreadable(path: String, reason: String)
    /// The file could not be written; `step` names the system call that failed.
    case fileUnwritable(path: String, step: String, reason: String)
    /// An error inside the file at `path` (adds the file to an offset/path error).
    indirect case inFile(path: String, NBTError)

    public var description: String {
        switch self {
        case let .truncated(offset, needed, path):
            return "NBT data ends early at byte \(offset) in \(path): \(needed) more byte(s) needed (file truncated?)"
        case let .unknownTagType(t, offset, path):
            return "unknown NBT tag type \(t) at byte \(offset) in \(path) (corrupt data)"
        case let .negativeLength(n, offset, path):
            return "negative length \(n) at byte \(offset) in \(path) (corrupt data)"
        case let .nestingTooDeep(limit, offset, path):
            return "NBT nested deeper than \(limit) levels at byte \(offset) in \(path) (corrupt or hostile data)"
        case let .invalidModifiedUTF8(offset, path):
            return "invalid modified UTF-8 string at byte \(offset) in \(path)"
        case let .rootNotCompound(t, offset):
            return "NBT root at byte \(offset) is \(t), not a compound (not an NBT file?)"
        case let .inconsistentList(declared, found, path):
            if declared == .end && found == .end {
                return "list \(path) has elements but declares no element type (TAG_End); corrupt data"
            }
            return "list \(path) declares \(declared) but holds \(found)"
        case let .stringTooLong(bytes, path):
            return "string at \(path) is \(bytes) bytes in modified UTF-8; NBT allows 65535"
        case let .decompressionFailed(format, reason):
            return "\(format) data is damaged: \(reason)"
        case let .tooLarge(limit):
            return "decompressed data exceeds the \(limit)-byte limit (corrupt data or a decompression bomb)"
        case let .compressedDataEndsEarly(format, consumed):
            return "\(format) stream ends early after \(consumed) byte(s) (file truncated?)"
        case let .compressionFailed(format, reason):
            return "cannot \(format)-compress: \(reason)"
        case let .fileUnreadable(path, reason):
            return "cannot read \(path): \(reason)"
        case let .fileUnwritable(path, step, reason):
            return "cannot write \(path): \(step) failed: \(reason) (check the folder exists, is writable and has space)"
        case let .inFile(path, error):
            return "\(path): \(error)"
        }
    }

    /// The same error with `component` in front of its path.
    func prepending(_ component: NBTPath.Component) -> NBTError {
        switch self {
        case let .truncated(o, n, p): .truncated(offset: o, needed: n, path: p.prepending(component))
        case let .unknownTagType(t, o, p): .unknownTagType(t, offset: o, path: p.prepending(component))
        case let .negativeLength(n, o, p): .negativeLength(n, offset: o, path: p.prepending(component))
        case let .nestingTooDeep(l, o, p): .nestingTooDeep(limit: l, offset: o, path: p.prepending(component))
        case let .invalidModifiedUTF8(o, p): .invalidModifiedUTF8(offset: o, path: p.prepending(component))
        case let .inconsistentList(d, f, p): .inconsistentList(declared: d, found: f, path: p.prepending(component))
        case let .stringTooLong(b, p): .stringTooLong(bytes: b, path: p.prepending(component))
        default: self
        }
    }
}

/// Limits applied to untrusted input.
public enum NBTLimits {
    /// Maximum nesting of compounds and lists (Minecraft's own limit).
    public static let maxDepth = 512
    /// Default cap on decompressed size (512 MiB): far above any real chunk or level.dat, far
    /// below what a decompression bomb would claim.
    public static let maxDecompressedSize = 512 << 20
}
