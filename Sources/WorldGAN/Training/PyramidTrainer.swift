import Foundation
import Tensor

/// Trains the World-GAN pyramid on one embedded volume, scale by scale, one iteration at a time.
/// Does no I/O: the caller decides when to checkpoint (``checkpoint()``, ``RunFolder``) and when
/// to stop (the ``train(onIteration:)`` callback).
///
/// ```swift
/// let trainer = try PyramidTrainer(real: real, config: .quick)      // real: [1, C, X, Y, Z]
/// try trainer.train { trainer, record in
///     print(record.csvLine)
///     return .continue
/// }
/// let pyramid = trainer.pyramid
/// ```
public final class PyramidTrainer {
    /// What the iteration callback asks next.
    public enum Control: Sendable { case `continue`, stop }

    public let config: TrainingConfig
    public let scales: ScalePyramid
    /// Finished scales' generators (frozen), their amplitudes, and the fixed noise.
    public private(set) var pyramid: TrainedPyramid
    /// Finished scales' critics (kept to be saved).
    public private(set) var discriminators: [Discriminator] = []
    /// The scale being trained (== scale count when finished) and its next iteration.
    public private(set) var scale = 0
    public private(set) var iteration = 0
    /// The current scale's nets and optimisers (nil between scales).
    public private(set) var current: ScaleTrainer?
    /// The current scale's noise amplitude (valid while `current` is not nil).
    public private(set) var noiseAmplitude: Float = 1
    /// Every iteration so far, in order.
    public private(set) var records: [IterationRecord] = []
    private var reconstructionInputs: (input: Tensor, prev: Tensor)?
    /// When set, every finished scale's reconstruction is scored and the score stored in the
    /// scale's last ``IterationRecord``.
    public var reconstructionCheck: ReconstructionCheck?

    /// The reconstruction scores of the finished scales (from their last records).
    public var reconstructionScores: [ReconstructionScore] {
        records.filter { !$0.reconstructionAccuracy.isNaN }.map {
            ReconstructionScore(scale: $0.scale, accuracy: Double($0.reconstructionAccuracy),
                                nonAirAccuracy: Double($0.reconstructionNonAirAccuracy))
        }
    }

    /// - Parameter real: the embedded volume `[1, C, X, Y, Z]`.
    /// - Throws: ``TrainingError`` for a bad config or a volume smaller than the minimum.
    public init(real: Tensor, config: TrainingConfig) throws(TrainingError) {
        try config.validate()
        scales = try ScalePyramid(real: real, factors: config.scaleFactors, minimumExtent: config.minimumExtent,
                                  keepRareTokens: config.representation == .oneHot)
        self.config = config.fitted(toScaleShapes: scales.shapes)
        let channels = real.shape[1]
        var rng = SeedStream.generator(seed: config.seed, .fixedNoise)
        pyramid = TrainedPyramid(channels: channels, generators: [], shapes: scales.shapes, noiseAmplitudes: [],
                                 fixedNoise: Tensor.randomNormal([1, channels] + scales.shapes[0], using: &rng))
    }

    public var scaleCount: Int { scales.shapes.count }
    public var isFinished: Bool { scale >= scaleCount }
    /// Iterations done over the whole run, and in total.
    public var completedIterations: Int { (0..<scale).reduce(0) { $0 + config.iterations(atScale: $1) } + iteration }
    public var totalIterations: Int { (0..<scaleCount).reduce(0) { $0 + config.iterations(atScale: $1) } }
    /// True right after a scale ended or after every `checkpointEvery`-th iteration of a scale.
    public var isCheckpointDue: Bool { iteration % config.checkpointEvery == 0 }

    /// Runs iterations until the run is finished or `onIteration` returns `.stop`.
    public func train(onIteration: (PyramidTrainer, IterationRecord) throws -> Control) rethrows {
        while !isFinished {
            if try trainScale(onIteration: onIteration) == .stop { return }
        }
    }

    /// Runs the current scale's remaining iterations; the scale is frozen after its last one.
    /// - Returns: `.stop` if `onIteration` asked to stop before the scale ended.
    @discardableResult
    public func trainScale(onIteration: (PyramidTrainer, IterationRecord) throws -> Control) rethrows -> Control {
        let trainedScale = scale
        while scale == trainedScale, !isFinished {
            let record = trainIteration()
            if try onIteration(self, record) == .stop { return .stop }
        }
        return .continue
    }

    /// Runs the next iteration, starting the scale first and freezing it after its last iteration.
    @discardableResult
    public func trainIteration() -> IterationRecord {
        precondition(!isFinished, "PyramidTrainer.trainIteration: the run is finished")
        let started = ContinuousClock.now
        let trainer = current ?? startScale()
        let learningRate = config.learningRate(at: iteration, scale: scale)
        trainer.generatorOptimizer.learningRate = learningRate
        trainer.discriminatorOptimizer.learningRate = learningRate
        var rng = SeedStream.generator(seed: config.seed, .iteration, scale, iteration)
        let frozen = pyramid, n = scale
        let rec = reconstructionInputs ?? makeReconstructionInputs()
        let result = trainer.pyramidIteration(real: scales.reals[n], reconstructionInput: rec.input,
                                              reconstructionPrev: rec.prev, noiseAmplitude: noiseAmplitude, using: &rng) {
            frozen.previousImage(forScale: n, reconstruction: false, using: &$0).replicatePadded(3)
        }
        let elapsed = ContinuousClock.now - started
        let record = IterationRecord(scale: n, iteration: iteration, criticReal: result.critic.errorReal,
                                     criticFake: result.critic.errorFake, penalty: result.critic.penalty,
                                     adversarial: result.adversarial, reconstruction: result.reconstruction,
                                     learningRate: learningRate,
                                     milliseconds: Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) * 1e-15)
        records.append(record)
        iteration += 1
        if iteration == config.iterations(atScale: scale) { finishScale() }
        return records[records.count - 1]
    }

    /// G and D for the current scale — fresh (seeded by scale), or with ``TrainingConfig/warmStart``
    /// copies of the previous scale's — and its noise amplitude: 1 at the coarsest scale, else
    /// `noiseUpdate · RMSE(real, upsampled reconstruction)`.
    private func startScale() -> ScaleTrainer {
        var rng = SeedStream.generator(seed: config.seed, .networks, scale)
        let channels = pyramid.channels
        let generator = Generator(channels: channels, features: config.features, using: &rng)
        let discriminator = Discriminator(channels: channels, features: config.features, using: &rng)
        if config.warmStart, scale > 0, let previousG = pyramid.generators.last, let previousD = discriminators.last {
            generator.net.copyWeights(from: previousG.net)
            discriminator.net.copyWeights(from: previousD.net)
        }
        let trainer = ScaleTrainer(generator: generator, discriminator: discriminator,
                                   configuration: config.scaleConfiguration(at: iteration, scale: scale))
        noiseAmplitude = 1
        if scale > 0 {
            var unused = SeedStream.generator(seed: config.seed, .fixedNoise)
            let upsampled = pyramid.previousImage(forScale: scale, reconstruction: true, using: &unused)
            let mse = GradMode.withoutRecording { upsampled.meanSquaredError(scales.reals[scale]).scalar }
            noiseAmplitude = config.noiseUpdate * mse.squareRoot()
        }
        current = trainer
        return trainer
    }

    /// The padded reconstruction `x` and `y`: `(z_opt, 0)` at the coarsest scale (amplitude 1),
    /// else the upsampled reconstruction of the previous scale as both.
    private func makeReconstructionInputs() -> (input: Tensor, prev: Tensor) {
        let made: (input: Tensor, prev: Tensor)
        if scale == 0 {
            made = ((pyramid.fixedNoise * noiseAmplitude).replicatePadded(3),
                    Tensor(zeros: pyramid.fixedNoise.shape).replicatePadded(3))
        } else {
            var unused = SeedStream.generator(seed: config.seed, .fixedNoise)
            let padded = pyramid.previousImage(forScale: scale, reconstruction: true, using: &unused).replicatePadded(3)
            made = (padded, padded)
        }
        reconstructionInputs = made
        return made
    }

    /// Sets the whole position at once (``restore(from:generators:file:)``).
    func restoreState(scale: Int, iteration: Int, generators: [Generator], amplitudes: [Float], currentAmplitude: Float,
                      current: ScaleTrainer?, critics: [Discriminator], records: [IterationRecord]) {
        pyramid.generators = generators
        pyramid.noiseAmplitudes = amplitudes
        discriminators = critics
        self.scale = scale
        self.iteration = iteration
        self.current = current
        noiseAmplitude = currentAmplitude
        self.records = records
        reconstructionInputs = nil
    }

    private func finishScale() {
        guard let trainer = current else { return }
        if config.reconstructionStatistics {
            let rec = reconstructionInputs ?? makeReconstructionInputs()
            _ = GradMode.withoutRecording { trainer.generator(rec.input, rec.prev, training: true) }
            trainer.generator.net.adoptLastBatchStatistics()
        }
        pyramid.generators.append(trainer.generator)
        pyramid.noiseAmplitudes.append(noiseAmplitude)
        if let check = reconstructionCheck, !records.isEmpty {
            let score = check.score(pyramid, scale: scale)
            records[records.count - 1].reconstructionAccuracy = Float(score.accuracy)
            records[records.count - 1].reconstructionNonAirAccuracy = Float(score.nonAirAccuracy)
        }
        discriminators.append(trainer.discriminator)
        current = nil
        reconstructionInputs = nil
        scale += 1
        iteration = 0
    }
}
