import NBT

/// Reads and writes the block storage of one section compound, for one format generation.
/// Each conforming type states its DataVersion range and what changed (STYLE §1/§3); the chunk
/// around it (where the section list lives) is `ChunkLayout`'s business.
protocol SectionCodec: Sendable {
    /// The section's blocks, or `nil` when it stores none (light-only sections).
    /// - Parameters: `y` is the section's `Y`; `path` points at the section for error messages.
    func decode(section: Compound, y: Int, path: NBTPath,
                warnings: inout [ChunkWarning]) throws(ChunkError) -> ChunkSection?

    /// True when the section compound stores blocks (not only light), by tag presence.
    func storesBlocks(_ section: Compound) -> Bool

    /// Replaces the block tags of `compound` with `section` (palette already compacted).
    func encode(_ section: ChunkSection, into compound: inout Compound) throws(ChunkError)
}

/// The paletted generations (1.13+): a list of `{Name, Properties}` and packed indices. They differ
/// only in tag names, packing and whether a one-entry palette stores data, which conformers give.
protocol PalettedSectionCodec: SectionCodec {
    /// How indices are packed into longs.
    var packing: PackedIndices.Packing { get }
    /// 1.18+: a one-entry palette has no `data` (before, it still stores 4-bit zeros).
    var singleEntryOmitsData: Bool { get }
    /// The palette list and packed data of a section with blocks, else `nil`.
    func storage(of section: Compound, path: NBTPath) throws(ChunkError)
        -> (palette: [Tag], data: [Int64]?, dataPath: NBTPath)?
    /// Stores palette and data (nil: none) into the section compound.
    func setStorage(palette: Tag, data: [Int64]?, into compound: inout Compound)
}

extension PalettedSectionCodec {
    func decode(section: Compound, y: Int, path: NBTPath,
                warnings: inout [ChunkWarning]) throws(ChunkError) -> ChunkSection? {
        guard let (paletteTags, data, dataPath) = try storage(of: section, path: path) else { return nil }
        let palette = try PaletteNBT.decode(paletteTags, path: path)
        let n = palette.count
        guard n >= 1, n <= ChunkSection.volume else { throw .badPaletteSize(sectionY: y, count: n, chunk: nil) }
        guard let data else {
            if singleEntryOmitsData && n == 1 {
                return ChunkSection(y: y, palette: palette, indices: [UInt16](repeating: 0, count: ChunkSection.volume))
            }
            throw .missingTag(path: dataPath, chunk: nil)
        }
        let indices = try Self.unpack(data, paletteCount: n, packing: packing, sectionY: y, dataPath: dataPath)
        return ChunkSection(y: y, palette: palette, indices: indices)
    }

    /// Validates the long count for the palette's bit width, unpacks, and checks every index.
    /// - Complexity: O(4096), one allocation.
    static func unpack(_ data: [Int64], paletteCount n: Int, packing: PackedIndices.Packing,
                       sectionY: Int, dataPath: NBTPath) throws(ChunkError) -> [UInt16] {
        let bits = PackedIndices.bitsForBlocks(paletteCount: n)
        let expected = PackedIndices.longCount(count: ChunkSection.volume, bits: bits, packing: packing)
        guard data.count == expected else {
            throw .badArrayLength(path: dataPath, expected: expected, found: data.count, chunk: nil)
        }
        var largest: UInt16 = 0
        let indices = [UInt16](unsafeUninitializedCapacity: ChunkSection.volume) { out, count in
            data.withUnsafeBufferPointer { PackedIndices.decode($0, bits: bits, packing: packing, into: out) }
            count = ChunkSection.volume
            // Only palettes that do not fill their bit width can be overrun.
            if n < 1 << bits { largest = out.reduce(0) { max($0, $1) } }
        }
        guard Int(largest) < n else {
            throw .indexOutOfPalette(sectionY: sectionY, index: Int(largest), paletteCount: n, chunk: nil)
        }
        return indices
    }

    func encode(_ section: ChunkSection, into compound: inout Compound) throws(ChunkError) {
        let palette = PaletteNBT.encode(section.palette)
        if singleEntryOmitsData && section.palette.count == 1 {
            setStorage(palette: palette, data: nil, into: &compound)
            return
        }
        let bits = PackedIndices.bitsForBlocks(paletteCount: section.palette.count)
        let data = section.indices.withUnsafeBufferPointer { PackedIndices.encode($0, bits: bits, packing: packing) }
        setStorage(palette: palette, data: data, into: &compound)
    }
}
