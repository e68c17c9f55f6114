/// Why block2vec could not train on a volume or use an embeddings file with it.
///
/// Each `description` is one line: what went wrong, where, and what to do.
public enum Block2VecError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Skip-gram targets need a full 3×3×3 neighbourhood, so every axis must be at least 3 long.
    case volumeTooSmall(sizeX: Int, sizeY: Int, sizeZ: Int)
    /// A configuration field is out of range (`field` is the `Block2VecConfig` property name).
    case invalidConfiguration(field: String, value: String, expected: String)
    /// A voxel refers past the volume's palette (a corrupt volume; `BlockVolume` readers should
    /// have rejected it).
    case paletteIndexOutOfRange(voxel: Int, index: Int, paletteCount: Int)
    /// An embeddings file lacks vectors for tokens of the volume (sorted, all of them).
    case missingTokens(file: String, tokens: [String])

    public var description: String {
        switch self {
        case let .volumeTooSmall(x, y, z):
            return "block2vec: volume \(x)×\(y)×\(z) is too small; every axis needs at least 3 voxels "
                + "for a 3×3×3 context — extract a larger box"
        case let .paletteIndexOutOfRange(voxel, index, count):
            return "block2vec: voxel \(voxel) uses palette entry \(index) of a \(count)-entry palette; "
                + "the volume is corrupt — re-extract it"
        case let .invalidConfiguration(field, value, expected):
            return "block2vec: \(field) = \(value) is invalid; expected \(expected)"
        case let .missingTokens(file, tokens):
            return "\(file): no embedding for \(tokens.count) token(s) of the input: "
                + tokens.joined(separator: ", ")
                + " — retrain with `worldgan embed` on this input or pass a file that covers them"
        }
    }
}
