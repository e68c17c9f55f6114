import Anvil
import Block2Vec
import Tensor
import WorldGAN

/// The steps from a schematic to the GAN's input volume, shared by `train` and `bench train` so
/// that the benchmark trains on exactly the tensor `train` would (same tokens, vectors, scaling).
enum TrainingInput {
    /// The schematic's volume with tokens made by `tokens`.
    /// - Throws: the reader's error for an unreadable file, ``TrainingError/volumeTooSmall(size:minimum:)``
    ///   when an axis is shorter than the config's minimum extent.
    static func volume(_ path: String, tokens: TokenMode, config: TrainingConfig) throws -> BlockVolume {
        let volume = try InputLoading.schematic(path).volume.tokenized(tokens)
        let size = [volume.sizeX, volume.sizeY, volume.sizeZ]
        guard size.allSatisfy({ $0 >= config.minimumExtent }) else {
            throw TrainingError.volumeTooSmall(size: size, minimum: config.minimumExtent)
        }
        return volume
    }

    /// The GAN's vectors made from the learned (or one-hot) `vectors`: equal length when the
    /// config asks for it. `ownFile` says whether `train` stores them as `vectors.txt` (one-hot
    /// or rescaled) rather than reading them back from `embeddings.txt`; `counts` are the
    /// input's voxel counts in the vectors' token order.
    static func ganVectors(_ vectors: Embeddings, volume: BlockVolume,
                           config: TrainingConfig) -> (vectors: Embeddings, counts: [Int], ownFile: Bool) {
        let vocabulary = Vocabulary(volume)
        let counts = vectors.tokens.map { vocabulary.index(of: $0).map { vocabulary.counts[$0] } ?? 0 }
        if config.representation == .oneHot { return (vectors, counts, true) }
        if config.equalLengthEmbeddings { return (vectors.equalLength(weights: counts), counts, true) }
        return (vectors, counts, false)
    }

    /// The embedded volume `[1, C, X, Y, Z]`.
    /// - Throws: the embeddings' error naming `file` when a token of the volume has no vector.
    static func real(_ volume: BlockVolume, vectors: Embeddings, file: String) throws -> Tensor {
        Tensor(shape: [1, vectors.dimension, volume.sizeX, volume.sizeY, volume.sizeZ],
               data: try vectors.channelMajorValues(of: volume, file: file))
    }
}
