/// Block2vec training parameters; defaults are World-GAN's (`block2vec.py`).
///
/// ```swift
/// var config = Block2VecConfig()     // 32 dims, 30 epochs, batch 256, AdamW 1e-3
/// config.epochs = 10
/// config.seed = 7
/// ```
public struct Block2VecConfig: Codable, Sendable, Equatable {
    /// Embedding width D. World-GAN: 32.
    public var dimension: Int = 32
    /// Passes over the volume's targets. World-GAN: 30.
    public var epochs: Int = 30
    /// Targets per optimiser step (the last batch of an epoch may be smaller). World-GAN: 256.
    public var batchSize: Int = 256
    /// AdamW's starting learning rate, annealed to 0 by a per-batch cosine schedule. World-GAN: 1e-3.
    public var learningRate: Double = 1e-3
    /// AdamW's decoupled weight decay (PyTorch's default, which World-GAN kept). 0.01.
    public var weightDecay: Double = 0.01
    /// word2vec subsampling threshold t; `nil` turns subsampling off. World-GAN: 1e-3.
    public var subsampleThreshold: Double? = 1e-3
    /// Seeds parameter initialisation, shuffling and subsampling: equal seeds give equal results.
    public var seed: UInt64 = 0

    /// The defaults.
    public init() {}

    /// Throws `Block2VecError.invalidConfiguration` naming the first field out of range.
    public func validate() throws {
        func check(_ ok: Bool, _ field: String, _ value: Any, _ expected: String) throws {
            if !ok { throw Block2VecError.invalidConfiguration(field: field, value: "\(value)", expected: expected) }
        }
        try check(dimension > 0 && dimension <= 4096, "dimension", dimension, "1…4096")
        try check(epochs >= 0, "epochs", epochs, "0 or more")
        try check(batchSize > 0, "batchSize", batchSize, "1 or more")
        try check(learningRate > 0 && learningRate.isFinite, "learningRate", learningRate, "a positive number")
        try check(weightDecay >= 0 && weightDecay.isFinite, "weightDecay", weightDecay, "0 or more")
        if let t = subsampleThreshold {
            try check(t > 0 && t.isFinite, "subsampleThreshold", t, "a positive number such as 1e-3, or none")
        }
    }
}

/// Where training is, passed to the progress callback after every batch.
public struct Block2VecProgress: Sendable, Equatable {
    /// 1-based epoch and batch within it.
    public var epoch: Int, epochs: Int, batch: Int, batchesPerEpoch: Int
    /// Mean loss of this epoch's batches so far.
    public var loss: Float
    /// Seconds since training started.
    public var elapsedSeconds: Double

    /// Completed share of the whole run, 0…1 (for a progress bar).
    public var fractionComplete: Double {
        let total = epochs * batchesPerEpoch
        return total > 0 ? Double((epoch - 1) * batchesPerEpoch + batch) / Double(total) : 1
    }

    /// Estimated seconds left, from the mean time per batch so far.
    public var estimatedSecondsRemaining: Double {
        let f = fractionComplete
        return f > 0 ? elapsedSeconds * (1 - f) / f : 0
    }
}
