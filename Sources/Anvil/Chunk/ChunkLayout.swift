/// Where and how a chunk stores its blocks; one case per format generation (see `FORMATS.md`).
/// Chosen from the DataVersion by `ChunkLayout(for:)`, never by trying to parse.
public enum ChunkLayout: String, Sendable, CaseIterable {
    /// ≤ 1.12 (DataVersion < 1451 or absent): `Level.Sections[].Blocks/Add/Data`.
    case numericIDs
    /// 1.13–1.15 (1451…2528): `Level.Sections[].Palette` + `BlockStates`, straddling longs.
    case palettedStraddling
    /// 1.16–1.17 (2529…2835): `Level.Sections[].Palette` + `BlockStates`, padded longs.
    case paletted
    /// 1.18 snapshots 2836…2843: `Level.Sections[].block_states {palette, data}`.
    case levelBlockStates
    /// 21w43a / 1.18+ (≥ 2844): top-level `sections[].block_states {palette, data}`.
    case sections

    /// The layout the game used for `dataVersion`; versions past `DataVersion.latestKnown` get
    /// the newest layout (decoders add a warning).
    public init(for dataVersion: DataVersion) {
        switch dataVersion {
        case ..<DataVersion.v1_13: self = .numericIDs
        case ..<DataVersion.v1_16_packing: self = .palettedStraddling
        case ..<DataVersion.v1_18_blockStates: self = .paletted
        case ..<DataVersion.v21w43a: self = .levelBlockStates
        default: self = .sections
        }
    }

    /// True when the chunk's tags sit inside a `Level` compound.
    public var hasLevelWrapper: Bool { self != .sections }
    /// Name of the section list inside the level compound.
    public var sectionsKey: String { self == .sections ? "sections" : "Sections" }
    /// Name of the block entity list.
    public var blockEntitiesKey: String { self == .sections ? "block_entities" : "TileEntities" }

    /// The section codec of this generation.
    var codec: any SectionCodec {
        switch self {
        case .numericIDs: NumericIDCodec()
        case .palettedStraddling: PalettedStraddlingCodec()
        case .paletted: PalettedCodec()
        case .levelBlockStates, .sections: BlockStatesCodec()
        }
    }
}
