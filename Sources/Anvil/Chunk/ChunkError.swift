import NBT

/// Why a chunk could not be decoded or edited. Every case names the chunk (when known) and the
/// NBT path or section; `description` is one line saying what, where, and what to do.
public enum ChunkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A tag the layout requires is absent.
    case missingTag(path: NBTPath, chunk: ChunkPosition?)
    /// A tag has the wrong kind (e.g. `BlockStates` stored as an int array).
    case wrongTagType(path: NBTPath, expected: TagType, found: TagType, chunk: ChunkPosition?)
    /// An array has the wrong number of elements for its bit width or section size.
    case badArrayLength(path: NBTPath, expected: Int, found: Int, chunk: ChunkPosition?)
    /// A packed index points past the end of its section's palette.
    case indexOutOfPalette(sectionY: Int, index: Int, paletteCount: Int, chunk: ChunkPosition?)
    /// A palette is empty or has more entries than a section has blocks.
    case badPaletteSize(sectionY: Int, count: Int, chunk: ChunkPosition?)
    /// Numeric-id (≤ 1.12) chunks are read-only.
    case legacyChunkNotWritable(dataVersion: DataVersion, chunk: ChunkPosition?)
    /// An edit's y lies outside the chunk's vertical range.
    case yOutOfRange(y: Int, valid: ClosedRange<Int>, chunk: ChunkPosition?)
    /// An edit's local x or z is outside 0…15.
    case localCoordinateOutOfRange(x: Int, z: Int, chunk: ChunkPosition?)
    /// The bundled numeric-id table could not be loaded (an installation fault).
    case legacyTableUnavailable(reason: String, chunk: ChunkPosition?)

    /// The chunk this error is about, if known.
    public var chunk: ChunkPosition? {
        switch self {
        case .missingTag(_, let c), .wrongTagType(_, _, _, let c), .badArrayLength(_, _, _, let c),
             .indexOutOfPalette(_, _, _, let c), .badPaletteSize(_, _, let c),
             .legacyChunkNotWritable(_, let c), .yOutOfRange(_, _, let c),
             .localCoordinateOutOfRange(_, _, let c), .legacyTableUnavailable(_, let c):
            return c
        }
    }

    /// The same error with its chunk position filled in (errors gain context as they bubble up).
    public func at(_ position: ChunkPosition) -> ChunkError {
        switch self {
        case .missingTag(let p, _): .missingTag(path: p, chunk: position)
        case .wrongTagType(let p, let e, let f, _): .wrongTagType(path: p, expected: e, found: f, chunk: position)
        case .badArrayLength(let p, let e, let f, _): .badArrayLength(path: p, expected: e, found: f, chunk: position)
        case .indexOutOfPalette(let y, let i, let n, _): .indexOutOfPalette(sectionY: y, index: i, paletteCount: n, chunk: position)
        case .badPaletteSize(let y, let n, _): .badPaletteSize(sectionY: y, count: n, chunk: position)
        case .legacyChunkNotWritable(let dv, _): .legacyChunkNotWritable(dataVersion: dv, chunk: position)
        case .yOutOfRange(let y, let r, _): .yOutOfRange(y: y, valid: r, chunk: position)
        case .localCoordinateOutOfRange(let x, let z, _): .localCoordinateOutOfRange(x: x, z: z, chunk: position)
        case .legacyTableUnavailable(let r, _): .legacyTableUnavailable(reason: r, chunk: position)
        }
    }

    public var description: String {
        let whereText = chunk.map { "\($0)" } ?? "chunk"
        switch self {
        case .missingTag(let p, _):
            return "\(whereText): required tag \(p) is missing; the chunk is damaged or not a chunk (re-save it in Minecraft)"
        case .wrongTagType(let p, let e, let f, _):
            return "\(whereText): tag \(p) is a \(f), expected \(e); the chunk is damaged or written by a non-vanilla tool"
        case .badArrayLength(let p, let e, let f, _):
            return "\(whereText): \(p) has \(f) elements, expected \(e); the section's data does not match its palette"
        case .indexOutOfPalette(let y, let i, let n, _):
            return "\(whereText), section Y \(y): block index \(i) is past the palette's \(n) entries; the section is corrupt"
        case .badPaletteSize(let y, let n, _):
            return "\(whereText), section Y \(y): palette has \(n) entries (allowed 1…4096); the section is corrupt"
        case .legacyChunkNotWritable(let dv, _):
            return "\(whereText): DataVersion \(dv) uses numeric block ids (≤ 1.12), which worldgan cannot write; upgrade the world in Minecraft 1.13+ first"
        case .yOutOfRange(let y, let r, _):
            return "\(whereText): y \(y) is outside the chunk's height \(r.lowerBound)…\(r.upperBound); choose a box inside the world's height"
        case .localCoordinateOutOfRange(let x, let z, _):
            return "\(whereText): local block (\(x), \(z)) is outside 0…15; pass coordinates relative to the chunk"
        case .legacyTableUnavailable(let r, _):
            return "\(whereText): cannot map numeric block ids: \(r)"
        }
    }
}
