import NBT

/// Why a schematic could not be read or written (any format; `SchematicFile` adds the file name).
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
    /// The root tags match none of the formats worldgan reads; `keys` are the root's tag names.
    case unknownFormat(keys: [String])
    /// A block refers to palette entry `index` of a palette of `paletteCount` (`at` names the block or region).
    case paletteIndexOutOfRange(index: Int, paletteCount: Int, at: String)
    /// A Litematica region is inconsistent (`reason` says how: zero size, array length, …).
    case badRegion(name: String, reason: String)
    /// An MCEdit file whose `Materials` is not `Alpha` (Classic/Pocket numeric ids are not supported).
    case unsupportedMaterials(String)
    /// `--palette N` asked for a structure palette the file does not have.
    case noSuchPalette(requested: Int, count: Int)
    /// A structure block entry is malformed (`index` in `blocks`).
    case badStructureBlock(index: Int, reason: String)
    /// The format cannot be written (MCEdit).
    case notWritable(SchematicFormat)

    public var description: String {
        switch self {
        case let .missingTag(path, expected):
            "schematic tag \(path) is missing or not \(expected)"
        case let .badDimensions(w, h, l, reason):
            "schematic size \(w)×\(h)×\(l) is invalid: \(reason)"
        case let .badPaletteEntry(entry):
            "schematic palette entry '\(entry)' is not a block state"
        case let .badBlockData(index, reason):
            "schematic block data is damaged at block \(index): \(reason)"
        case let .unsupportedVersion(v):
            "schematic format version \(v) is not supported (Sponge 1–3, Litematica 1–7)"
        case let .tooLarge(x, y, z):
            "a \(x)×\(y)×\(z) volume is too large for a schematic (each side at most 65535)"
        case let .unknownFormat(keys):
            "not a schematic worldgan reads (Sponge .schem, .litematic, structure .nbt, MCEdit .schematic); root tags: \(keys.prefix(8).joined(separator: ", "))"
        case let .paletteIndexOutOfRange(index, count, at):
            "palette index \(index) at \(at) is out of range (the palette has \(count) entries)"
        case let .badRegion(name, reason):
            "litematic region '\(name)' is invalid: \(reason)"
        case let .unsupportedMaterials(m):
            "MCEdit Materials '\(m)' is not supported (only Alpha, the Java Edition ids)"
        case let .noSuchPalette(requested, count):
            "structure palette \(requested) does not exist (the file has \(count), numbered from 0)"
        case let .badStructureBlock(index, reason):
            "structure block entry \(index) is invalid: \(reason)"
        case let .notWritable(format):
            "worldgan does not write \(format.rawValue) schematics (write .schem, .litematic or .nbt)"
        }
    }
}
