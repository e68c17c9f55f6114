import Anvil
import Block2Vec
import Tensor

/// How well a scale's reconstruction (the fixed-noise path through the pyramid) reproduces the
/// training volume at that scale, in tokens: the fraction of all voxels decoded to the same token,
/// and of the volume's non-air voxels decoded to the same block name.
public struct ReconstructionScore: Codable, Sendable, Equatable {
    public var scale: Int
    public var accuracy: Double
    public var nonAirAccuracy: Double

    public init(scale: Int, accuracy: Double, nonAirAccuracy: Double) {
        self.scale = scale
        self.accuracy = accuracy
        self.nonAirAccuracy = nonAirAccuracy
    }
}

/// Scores reconstructions against the real volume of every scale, each decoded once up front.
///
/// ```swift
/// let check = ReconstructionCheck(reals: trainer.scales.reals, decoder: decoder)
/// let score = check.score(trainer.pyramid, scale: 2)     // after scale 2 finished
/// ```
public struct ReconstructionCheck {
    public let decoder: TokenDecoder
    /// Per scale, the real volume's tokens (nearest neighbour of its downsampled vectors).
    let targets: [[Int32]]
    let names: BlockNames

    /// - Parameter reals: the scales' real volumes `[1, C, X, Y, Z]`, coarsest first.
    public init(reals: [Tensor], decoder: TokenDecoder) {
        self.decoder = decoder
        let nearest = TokenDecoder(embeddings: decoder.embeddings, counts: nil)
        targets = reals.map { nearest.decode(channelMajor: $0.data, voxelCount: $0.count / $0.shape[1]) }
        names = BlockNames(decoder.embeddings.tokens)
    }

    /// The score of `pyramid`'s reconstruction through scale `scale` (which must be trained).
    public func score(_ pyramid: TrainedPyramid, scale: Int) -> ReconstructionScore {
        let sample = pyramid.reconstruction(scales: scale + 1)
        return score(decoder.decode(channelMajor: sample.values, voxelCount: sample.voxelCount), scale: scale)
    }

    /// The score of decoded tokens against scale `scale`'s real tokens.
    public func score(_ tokens: [Int32], scale: Int) -> ReconstructionScore {
        let target = targets[scale]
        precondition(tokens.count == target.count, "ReconstructionCheck: \(tokens.count) voxels for scale \(scale)'s \(target.count)")
        let equal = zip(tokens, target).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        let hasSolid = target.contains { !names.isAir[Int($0)] }
        return ReconstructionScore(scale: scale, accuracy: Double(equal) / Double(max(1, target.count)),
                                   nonAirAccuracy: hasSolid ? 1 - names.changedShare(of: target, in: tokens) : 1)
    }
}
