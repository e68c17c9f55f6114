/// 1.16–1.17 sections (DataVersion 2529…2835, 20w17a to the 1.18 snapshots).
///
/// What changed from 1.13–1.15: `BlockStates` entries no longer straddle longs — each long holds
/// `64 / bits` whole entries and pads its high bits. 1.17 custom heights allow negative section
/// `Y` (e.g. −8) inside `Level.Sections`; tags are otherwise the same.
struct PalettedCodec: LevelPalettedSectionCodec {
    var packing: PackedIndices.Packing { .padded }
}
