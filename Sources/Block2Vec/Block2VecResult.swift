/// What `Block2VecTrainer.train` returns: the vectors plus everything the sidecar records.
public struct Block2VecResult: Sendable {
    /// The trained input embeddings (what World-GAN consumes), in vocabulary order.
    public var embeddings: Embeddings
    /// The training volume's tokens and counts.
    public var vocabulary: Vocabulary
    /// The parameters used.
    public var config: Block2VecConfig
    /// Mean loss of each epoch (sample-weighted over its batches).
    public var epochLosses: [Float]
    /// Targets per epoch and optimiser steps per epoch.
    public var samplesPerEpoch: Int, batchesPerEpoch: Int

    /// Mean loss of the last epoch; `nil` after zero epochs.
    public var finalLoss: Float? { epochLosses.last }
}
