import NBT

/// 1.13–1.15 sections (DataVersion 1451…2528, 17w47a "the Flattening" to 20w16a).
///
/// What changed from numeric ids: `Level.Sections[]` holds `Palette` (list of `{Name, Properties}`)
/// and `BlockStates` (long array, `max(4, ceil(log2(palette)))` bits per block — 4 bits even for a
/// one-entry palette), with entries running across long boundaries. Sections without `Palette`
/// carry only light.
struct PalettedStraddlingCodec: LevelPalettedSectionCodec {
    var packing: PackedIndices.Packing { .straddling }
}

/// 1.13–1.17 sections: the `Palette` + `BlockStates` tag pair; one-entry palettes still store data.
protocol LevelPalettedSectionCodec: PalettedSectionCodec {}

extension LevelPalettedSectionCodec {
    var singleEntryOmitsData: Bool { false }

    func storage(of section: Compound, path: NBTPath) throws(ChunkError)
        -> (palette: [Tag], data: [Int64]?, dataPath: NBTPath)? {
        guard let palette = try section.optionalList("Palette", at: path) else { return nil }
        let data = try section.optional("BlockStates", .longArray, at: path)?.longArray
        return (palette, data, path.appending("BlockStates"))
    }

    func storesBlocks(_ section: Compound) -> Bool { section["Palette"] != nil }

    func setStorage(palette: Tag, data: [Int64]?, into compound: inout Compound) {
        compound["Palette"] = palette
        compound["BlockStates"] = data.map { .longArray($0) }
    }
}
