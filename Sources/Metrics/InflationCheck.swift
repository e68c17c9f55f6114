import Anvil

/// How far a sample floods its input with one block: `eval`'s rare-block inflation (the sample's
/// count of a state, scaled to the input's volume, over max(the input's count, 10)), states
/// compared without the properties the game derives from neighbours.
///
/// ```swift
/// var check = try InflationCheck(input: ruin)
/// let worst = try check.worst(in: sample)   // (minecraft:oak_leaves[…], 3.04): three trees for one
/// ```
public struct InflationCheck: Sendable {
    private var vocabulary = SharedVocabulary(comparison: .canonical)
    private let input: TokenVolume

    /// - Throws: `MetricsError.paletteIndexOutOfRange` for a damaged input volume.
    public init(input: BlockVolume) throws {
        self.input = try vocabulary.encode(input, name: "input")
    }

    /// The most inflated state of `sample` (canonical: derived properties set to one value) and
    /// its ratio; `(air, 0)` for an empty sample.
    /// - Throws: `MetricsError.paletteIndexOutOfRange` for a damaged sample volume.
    /// - Complexity: O(voxels + states).
    public mutating func worst(in sample: BlockVolume) throws -> (state: BlockState, ratio: Double) {
        let tokens = try vocabulary.encode(sample, name: "sample")
        let (token, ratio) = StructureMeasures(roles: []).rareBlockInflation(real: input, sample: tokens)
        return ratio > 0 ? (vocabulary.states[Int(token)], ratio) : (.air, 0)
    }
}
