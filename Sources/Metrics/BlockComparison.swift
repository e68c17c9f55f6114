import Anvil

/// How `worldgan eval` decides that two voxels hold the same block.
///
/// - `canonical` (the default): full block states with the neighbour-derived properties set aside
///   (``DerivedProperties/canonical(_:)``: leaves' `distance`, fence/pane/wall sides, stair
///   `shape`, `snowy`), as `train` learns them. Those properties follow from the neighbours, so
///   counting them would score one misplaced leaf as a new block state (`distance=7`) and call it
///   rare-block inflation.
/// - `states`: block states exactly as written.
/// - `names`: block names only, properties dropped (as the original World-GAN compared).
public enum BlockComparison: String, Sendable, Codable, CaseIterable {
    case canonical, states, names

    /// The state that stands for `state` under this comparison.
    public func key(_ state: BlockState) -> BlockState {
        switch self {
        case .canonical: return DerivedProperties.canonical(state)
        case .states: return state
        case .names: return state.withoutProperties
        }
    }

    /// Words for the report's header.
    var description: String {
        switch self {
        case .canonical: return "block states compared without neighbour-derived properties"
        case .states: return "block states compared as written"
        case .names: return "blocks compared by name only"
        }
    }
}
