import NBT

/// 1.18+ sections (DataVersion ≥ 2836; the same in 1.20.5+ and 1.21.x).
///
/// What changed from 1.16–1.17: blocks move into a `block_states` compound `{palette, data}`
/// (names lowercase) beside a per-section `biomes` compound; a one-entry palette stores no `data`.
/// Packing stays padded. From 21w43a (2844) the section list is the top-level `sections`
/// (before that, `Level.Sections`); 1.20.5's item-component change touches block entities only.
struct BlockStatesCodec: PalettedSectionCodec {
    var packing: PackedIndices.Packing { .padded }
    var singleEntryOmitsData: Bool { true }

    func storage(of section: Compound, path: NBTPath) throws(ChunkError)
        -> (palette: [Tag], data: [Int64]?, dataPath: NBTPath)? {
        guard let states = try section.optionalCompound("block_states", at: path) else { return nil }
        let at = path.appending("block_states")
        guard let palette = try states.optionalList("palette", at: at) else { return nil }
        let data = try states.optional("data", .longArray, at: at)?.longArray
        return (palette, data, at.appending("data"))
    }

    func storesBlocks(_ section: Compound) -> Bool { section["block_states"]?.compound?["palette"] != nil }

    func setStorage(palette: Tag, data: [Int64]?, into compound: inout Compound) {
        var states = Compound()
        states["palette"] = palette
        if let data { states["data"] = .longArray(data) }
        compound["block_states"] = .compound(states)
    }
}
