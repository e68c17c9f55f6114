import Anvil

/// What applying a style did to a volume: what `generate --style` prints after the samples.
///
/// Only states that occur in the volume are listed; air is never reported as not covered.
///
/// ```swift
/// let styled = try StyleMapper(style: .load(named: "desert")).apply(to: volume)
/// for line in styled.report.lines { print(line) }
/// ```
public struct StyleReport: Sendable, Equatable {
    /// One source state the style covered and the state it became.
    public struct Change: Sendable, Hashable {
        public let source: BlockState
        public let target: BlockState
        /// Voxels of `source` in the input.
        public let voxels: Int

        public init(source: BlockState, target: BlockState, voxels: Int) {
            self.source = source
            self.target = target
            self.voxels = voxels
        }
    }

    /// One state the style does not cover (kept as it was).
    public struct Uncovered: Sendable, Hashable {
        public let state: BlockState
        public let voxels: Int

        public init(state: BlockState, voxels: Int) {
            self.state = state
            self.voxels = voxels
        }
    }

    /// Covered states, sorted by source token.
    public let changes: [Change]
    /// Non-air states no entry matched, kept as they were, sorted by token.
    public let notCovered: [Uncovered]
    /// Targets reached from two or more distinct source states (merged targets), each with its
    /// sources sorted by token.
    public let mergedTargets: [BlockState: [BlockState]]
    /// Positions whose block entity (chest items, sign text, …) was dropped because the block
    /// became a block of another kind; sorted by (x, y, z).
    public let droppedBlockEntities: [VoxelPosition]

    /// Voxels whose state the style covered.
    public var coveredVoxels: Int { changes.reduce(0) { $0 + $1.voxels } }

    /// A short human summary, one line per fact, for the CLI.
    public var lines: [String] {
        var out = ["mapped \(changes.count) state(s), \(coveredVoxels) voxel(s)"]
        if !notCovered.isEmpty {
            out.append("not covered by the style (kept): "
                + notCovered.map { "\($0.state.token) ×\($0.voxels)" }.joined(separator: ", "))
        }
        for (target, sources) in mergedTargets.sorted(by: { $0.key < $1.key }) {
            out.append("merged into \(target.token): " + sources.map(\.token).joined(separator: ", "))
        }
        if !droppedBlockEntities.isEmpty {
            out.append("dropped \(droppedBlockEntities.count) block entit\(droppedBlockEntities.count == 1 ? "y" : "ies") "
                + "of blocks that changed kind, at " + droppedBlockEntities.prefix(8).map(\.description).joined(separator: ", ")
                + (droppedBlockEntities.count > 8 ? ", …" : ""))
        }
        return out
    }
}
