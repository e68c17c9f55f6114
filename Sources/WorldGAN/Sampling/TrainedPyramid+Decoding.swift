import Anvil
import Block2Vec

extension TrainedPyramid {
    /// Decodes a sample into blocks: each voxel becomes the embedding nearest in L2 (as the original).
    ///
    /// ```swift
    /// let volume = try pyramid.decode(pyramid.sample(seed: 1), embeddings: embeddings)
    /// ```
    /// - Throws: ``TrainingError/corruptFile(path:reason:)`` if a token of `embeddings` is not a
    ///   valid block state, or ``TrainingError/invalidSetting(name:value:requirement:)`` if the
    ///   embedding dimension differs from the sample's channels.
    /// - Complexity: O(voxels · tokens · C).
    public func decode(_ sample: Sample, embeddings: Embeddings, file: String = "embeddings") throws(TrainingError) -> BlockVolume {
        try decode(sample, decoder: TokenDecoder(embeddings: embeddings, counts: nil), file: file)
    }

    /// Decodes a sample into blocks with `decoder` (maximum a-posteriori over the training input's
    /// token frequencies, see ``TokenDecoder``).
    /// - Throws: as ``decode(_:embeddings:file:)``.
    public func decode(_ sample: Sample, decoder: TokenDecoder, file: String = "embeddings") throws(TrainingError) -> BlockVolume {
        let embeddings = decoder.embeddings
        guard embeddings.dimension * sample.voxelCount == sample.values.count else {
            throw .invalidSetting(name: "embeddings dimension", value: "\(embeddings.dimension)",
                                  requirement: "the run's channel count \(sample.values.count / max(sample.voxelCount, 1))")
        }
        var palette: [BlockState] = []
        palette.reserveCapacity(embeddings.count)
        for token in embeddings.tokens {
            guard let state = BlockState(token: token) else {
                throw .corruptFile(path: file, reason: "token \(token) is not a block state")
            }
            palette.append(state)
        }
        let indices = decoder.decode(channelMajor: sample.values, voxelCount: sample.voxelCount)
        return BlockVolume(size: (sample.size.x, sample.size.y, sample.size.z), palette: palette,
                           indices: indices.map { UInt32(truncatingIfNeeded: $0) })
    }
}
