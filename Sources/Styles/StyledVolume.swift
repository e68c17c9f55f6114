import Anvil

/// A volume after a style was applied, with the report of what changed.
public struct StyledVolume: Sendable, Equatable {
    /// The restyled blocks (palette compacted: merged targets share one entry).
    public let volume: BlockVolume
    public let report: StyleReport
}
