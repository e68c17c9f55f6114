import NBT

/// Why a schematic could not be read or written.
public enum SchematicError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required tag is absent or has another type.
    case missingTag(String, expected: String)
    /// Width/Height/Length are negative or their product disagrees with the block data.
    case badDimensions(width: Int, height: Int, length: Int, reason: String)
    /// A palette entry is not a valid block state token.
    case badPaletteEntry(String)
    /// The varint block data is damaged (truncated, overlong, or an id with no palette entry).
    case badBlockData(index: Int, reason: String)
    /// The schematic version is not one this reader knows (1, 2, 3).
    case unsupportedVersion(Int)
    /// The volume is too large for the format (each side ≤ 65535).
    case tooLarge(sizeX: Int, sizeY: Int, sizeZ: Int)

    public var description: String {
        switch self {
        case let .missingTag(path, expected):
            "schematic tag \(path) is missing or not \(expected) (not a Sponge schematic?)"
        case let .badDimensions(w, h, l, reason):
            "schematic size \(w)×\(h)×\(l) is invalid: \(reason)"
        case let .badPaletteEntry(entry):
            "schematic palette entry '\(entry)' is not a block state"
        case let .badBlockData(index, reason):
            "schematic block data is damaged at block \(index): \(reason)"
        case let .unsupportedVersion(v):
            "schematic version \(v) is not supported (Sponge versions 1–3 are)"
        case let .tooLarge(x, y, z):
            "a \(x)×\(y)×\(z) volume is too large for a schematic (each side at most 65535)"
        }
    }
}
