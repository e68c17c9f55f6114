import Anvil
import Block2Vec
import Metrics
import Styles
import WorldGAN

/// How `generate` turns sampled values into finished blocks: decoding (the run's vocabulary with
/// the chosen decoder, or another vocabulary for a `--style` embeddings file), then the style
/// mapping and the neighbour-derived properties.
///
/// Decoding treats each voxel on its own, so tiles decode to the same blocks as the whole volume;
/// ``finish(_:openSides:tally:)`` looks at neighbours (leaves up to 7 blocks away), so a part of a larger volume
/// is finished with ``neighbourMargin`` voxels of context around it.
struct SampleDecoding {
    let pyramid: TrainedPyramid
    let decoder: TokenDecoder
    let choice: StyleChoice?
    let mapper: StyleMapper?
    let embeddingsFile: String
    /// Whether ``finish(_:openSides:tally:)`` removes the leaves the game would let decay
    /// (``DerivedProperties/decayUnsupportedLeaves(in:)``).
    let leafDecay: Bool
    /// Whether ``finish(_:openSides:tally:)`` removes floating debris (``FloatingDebris``).
    let removesFloating: Bool
    /// Voxels of context ``finish(_:openSides:tally:)`` needs around a part for it to match the
    /// whole volume: leaves look 7 blocks away, and floating parts up to this wide are removed.
    static let neighbourMargin = 12

    /// The blocks of one sampled window.
    func decode(_ sample: TrainedPyramid.Sample) throws -> BlockVolume {
        if case .vocabulary(let other) = choice {
            return try other.decode(channelMajor: sample.values, size: (sample.size.x, sample.size.y, sample.size.z))
        }
        return try pyramid.decode(sample, decoder: decoder, file: embeddingsFile)
    }

    /// What ``finish(_:openSides:tally:)`` did over the samples it finished.
    struct Tally {
        /// States the style left as generated, with their voxel counts.
        var uncovered: [BlockState: Int] = [:]
        /// Leaves out of reach of a log that were removed, as the game would let them decay.
        var decayedLeaves = 0
        /// Voxels of floating debris removed.
        var floatingVoxels = 0
    }

    /// The style mapping, the neighbour-derived properties, (with ``leafDecay``) the decay of
    /// leaves out of a log's reach and (with ``removesFloating``) the removal of floating debris,
    /// counted into `tally`. `openSides`: where the volume is a window of a larger one.
    func finish(_ volume: BlockVolume, openSides: FloatingDebris.OpenSides = [], tally: inout Tally) throws -> BlockVolume {
        var volume = volume
        if let mapper {
            let styled = try mapper.apply(to: volume)
            volume = styled.volume
            for u in styled.report.notCovered { tally.uncovered[u.state, default: 0] += u.voxels }
        }
        DerivedProperties.recompute(in: &volume)
        if leafDecay { tally.decayedLeaves += DerivedProperties.decayUnsupportedLeaves(in: &volume) }
        if removesFloating {
            tally.floatingVoxels += FloatingDebris(maximumExtent: Self.neighbourMargin).remove(from: &volume, openSides: openSides)
        }
        return volume
    }
}
