/// A chunk's `DataVersion`: the save-format revision written by the game (an `Int` tag at the root).
///
/// Codecs are chosen by comparing against the named cut-overs below, never by trying formats
/// until one parses. Values are from the Minecraft wiki "Data version" page and the version
/// notes in `FORMATS.md`.
///
/// ```swift
/// let dv = DataVersion(2730)
/// dv >= .v1_16_packing   // true: entries no longer straddle longs
/// dv.isNewerThanKnown    // false
/// ```
public struct DataVersion: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// Chunks written before 15w32a carry no `DataVersion`; they are numeric-id chunks.
    public static let absent = DataVersion(0)
    /// 1.9 (the first release with a `DataVersion` tag).
    public static let v1_9 = DataVersion(169)
    /// 1.12.2, the last release with numeric block ids.
    public static let v1_12_2 = DataVersion(1343)
    /// 17w47a, "the Flattening": paletted sections (`Palette` + `BlockStates`), entries straddle longs.
    public static let v1_13 = DataVersion(1451)
    /// 1.13, the release: the names the flattening table gives numeric ids.
    public static let v1_13_release = DataVersion(1519)
    /// 19w02a (1.14 snapshot): `Status` takes its 1.14 names (`full` instead of `postprocessed`).
    public static let v1_14_status = DataVersion(1912)
    /// 1.14: `Level.isLightOn` is read, so clearing it makes the game relight the chunk.
    public static let v1_14 = DataVersion(1952)
    /// 19w36a (1.15 snapshot): `Level.Biomes` grows to 1024 entries (4×4×4 cells).
    public static let v1_15_biomes = DataVersion(2203)
    /// 20w17a (1.16 snapshot): packed entries no longer straddle longs (padding at each long's top).
    public static let v1_16_packing = DataVersion(2529)
    /// 1.16 release.
    public static let v1_16 = DataVersion(2566)
    /// 20w45a (1.17 snapshot): entities move out of chunks into `entities/` region files.
    public static let v1_17_entities = DataVersion(2681)
    /// 1.17 release (custom world heights: sections may have negative `Y`).
    public static let v1_17 = DataVersion(2724)
    /// 21w37a-era 1.18 snapshot: `Level.Sections[].block_states {palette, data}` replaces
    /// `Palette`/`BlockStates`; biomes move into sections (per Amulet's anvil_2844 notes).
    public static let v1_18_blockStates = DataVersion(2836)
    /// 21w43a (1.18 snapshot): the `Level` wrapper is gone; `sections`, `block_entities`, `yPos`.
    public static let v21w43a = DataVersion(2844)
    /// 1.18 release (world from y = -64).
    public static let v1_18 = DataVersion(2860)
    /// 23w16a-era 1.20 snapshot: statuses are namespaced (`minecraft:full`).
    public static let v1_20_status = DataVersion(3454)
    /// 1.20.5: item components replace item `tag`s inside block entities; block storage unchanged.
    public static let v1_20_5 = DataVersion(3837)
    /// 1.21 release.
    public static let v1_21 = DataVersion(3953)
    /// 1.21.11, the newest version whose chunks we have seen (hellonbt fixture).
    public static let v1_21_11 = DataVersion(4671)
    /// The newest DataVersion this code knows; newer chunks decode with the newest codec and a warning.
    public static let latestKnown = v1_21_11

    /// True when the game that wrote this is newer than anything `latestKnown` covers.
    public var isNewerThanKnown: Bool { self > .latestKnown }

    public static func < (a: DataVersion, b: DataVersion) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue == 0 ? "none" : String(rawValue) }
}
