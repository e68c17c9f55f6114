import Anvil

/// Trains block2vec on one volume: skip-gram over 3×3×3 neighbourhoods with subsampling,
/// AdamW and a per-batch cosine schedule. Batches run one after another on the calling thread,
/// so equal seeds give bit-identical results.
///
/// Most callers want `train`:
/// ```swift
/// var config = Block2VecConfig()
/// config.seed = 1
/// let result = try Block2VecTrainer.train(volume: volume, config: config) { p in
///     print("epoch \(p.epoch)/\(p.epochs) loss \(p.loss) eta \(p.estimatedSecondsRemaining)s")
/// }
/// try EmbeddingFile.write(result.embeddings, to: url)
/// ```
/// A benchmark can instead create a trainer and time `runEpoch` itself.
///
/// Single-threaded on purpose: grouping a batch by target token leaves about 35 µs of work per
/// batch (51×10×64, V 40, D 32), less than handing half of it to a second thread costs on this
/// shared 2-core machine. An epoch takes about 4 ms there (PyTorch, 2 threads: 37 ms).
public struct Block2VecTrainer: Sendable {
    public let config: Block2VecConfig
    public let dataset: SkipGramDataset
    public let schedule: CosineSchedule
    public private(set) var model: SkipGramModel
    /// Mean loss of every finished epoch.
    public private(set) var epochLosses: [Float] = []
    private var optimizer: AdamW
    private var workspace: SkipGramWorkspace
    private var rng: SeededGenerator
    private var step = 0
    private var batchTargets: [Int32]
    private var batchContexts: [Int32]

    /// Prepares the samples of `volume` and a freshly initialised model.
    /// - Throws: `Block2VecError.invalidConfiguration` for a bad config,
    ///   `.volumeTooSmall` when an axis is shorter than 3.
    /// - Complexity: O(voxels).
    public init(volume: BlockVolume, config: Block2VecConfig) throws {
        try config.validate()
        let dataset = try SkipGramDataset(volume: volume, subsampleThreshold: config.subsampleThreshold)
        self.config = config
        self.dataset = dataset
        var rng = SeededGenerator(seed: config.seed)
        model = SkipGramModel(vocabularySize: dataset.vocabulary.count, dimension: config.dimension, using: &rng)
        self.rng = rng
        let batches = (dataset.sampleCount + config.batchSize - 1) / config.batchSize
        schedule = CosineSchedule(baseRate: config.learningRate, totalSteps: batches * config.epochs)
        optimizer = AdamW(parameterCount: model.parameters.count, weightDecay: Float(config.weightDecay))
        workspace = SkipGramWorkspace(for: model)
        batchTargets = [Int32](repeating: 0, count: config.batchSize)
        batchContexts = [Int32](repeating: 0, count: config.batchSize * SkipGramDataset.contextCount)
    }

    /// Optimiser steps per epoch (the last batch may be partial, as PyTorch's DataLoader does).
    public var batchesPerEpoch: Int { (dataset.sampleCount + config.batchSize - 1) / config.batchSize }

    /// The current input embeddings with the vocabulary's tokens.
    public var embeddings: Embeddings {
        Embeddings(tokens: dataset.vocabulary.tokens, dimension: model.dimension, vectors: model.embedding)
    }

    /// One epoch: draw the subsampled samples, then one AdamW step per batch. Epochs beyond
    /// `config.epochs` run at the schedule's final rate, 0.
    ///
    /// - Parameter progress: called after every batch (epoch and batch are 1-based).
    /// - Returns: the epoch's mean loss, weighted by batch size.
    @discardableResult
    public mutating func runEpoch(startedAt start: ContinuousClock.Instant = .now,
                                  progress: (Block2VecProgress) -> Void = { _ in }) -> Float {
        let samples = dataset.epochSamples(using: &rng)
        let batchSize = config.batchSize, k = SkipGramDataset.contextCount
        let epoch = epochLosses.count + 1
        var lossSum: Double = 0
        var seen = 0
        for (b, first) in stride(from: 0, to: samples.count, by: batchSize).enumerated() {
            let count = min(batchSize, samples.count - first)
            let loss = trainBatch(samples: samples, range: first..<(first + count), contextsPerTarget: k)
            lossSum += Double(loss) * Double(count)
            seen += count
            let elapsed = ContinuousClock.now - start
            progress(Block2VecProgress(epoch: epoch, epochs: config.epochs, batch: b + 1,
                                       batchesPerEpoch: batchesPerEpoch, loss: Float(lossSum / Double(seen)),
                                       elapsedSeconds: Double(elapsed.components.seconds)
                                           + Double(elapsed.components.attoseconds) * 1e-18))
        }
        let mean = seen > 0 ? Float(lossSum / Double(seen)) : 0
        epochLosses.append(mean)
        return mean
    }

    /// Gathers one batch, computes loss and gradients, and takes one AdamW step.
    private mutating func trainBatch(samples: [Int32], range: Range<Int>, contextsPerTarget k: Int) -> Float {
        let count = range.count
        samples.withUnsafeBufferPointer { s in
            batchTargets.withUnsafeMutableBufferPointer { t in
                batchContexts.withUnsafeMutableBufferPointer { c in
                    dataset.gather(samples: UnsafeBufferPointer(rebasing: s[range]), targets: t, contexts: c)
                }
            }
        }
        let loss = batchTargets.withUnsafeBufferPointer { t in
            batchContexts.withUnsafeBufferPointer { c in
                model.lossAndGradients(targets: UnsafeBufferPointer(rebasing: t[0..<count]),
                                       contexts: UnsafeBufferPointer(rebasing: c[0..<(count * k)]),
                                       workspace: &workspace)
            }
        }
        let lr = Float(schedule.learningRate(at: step))
        optimizer.step(parameters: &model.parameters, gradients: workspace.gradients, learningRate: lr)
        step += 1
        return loss
    }

    /// Runs the remaining epochs of `config.epochs` and returns the result.
    public mutating func train(progress: (Block2VecProgress) -> Void = { _ in }) -> Block2VecResult {
        let start = ContinuousClock.now
        while epochLosses.count < config.epochs { runEpoch(startedAt: start, progress: progress) }
        return Block2VecResult(embeddings: embeddings, vocabulary: dataset.vocabulary, config: config,
                               epochLosses: epochLosses, samplesPerEpoch: dataset.sampleCount,
                               batchesPerEpoch: batchesPerEpoch)
    }

    /// Trains on `volume` with `config` from start to end: the one call `worldgan embed` needs.
    /// - Throws: see `init(volume:config:)`.
    public static func train(volume: BlockVolume, config: Block2VecConfig = Block2VecConfig(),
                             progress: (Block2VecProgress) -> Void = { _ in }) throws -> Block2VecResult {
        var trainer = try Block2VecTrainer(volume: volume, config: config)
        return trainer.train(progress: progress)
    }
}
