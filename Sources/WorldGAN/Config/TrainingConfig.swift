import Tensor

/// Every hyper-parameter of a World-GAN training run (research/worldgan.md §3; DESIGN.md "World-GAN
/// as in the paper"). Presets are values (``paper``, ``quick``); each field can be overridden and the
/// effective config is written to `run.json`.
///
/// ```swift
/// var config = TrainingConfig.quick
/// config.seed = 7
/// try config.validate()
/// let lr = config.learningRate(at: 1700)   // 5e-5 with the paper's milestones
/// ```
public struct TrainingConfig: Codable, Sendable, Equatable {
    /// Iterations per scale (the paper: 4000).
    public var iterations = 4000
    /// Iterations of each scale, coarsest first, when they differ (`nil`: ``iterations`` everywhere;
    /// a list shorter than the scales repeats its last entry). Coarse scales are cheap and set the
    /// structure's layout, so a short run spends its iterations there.
    public var iterationsPerScale: [Int]? = nil
    /// Fits ``iterationsPerScale`` to a smaller input's pyramid (``fitted(toScaleShapes:)``), so a
    /// preset's time budget buys iterations instead of finishing early; `nil` once fitted, or
    /// when the iterations are set by hand.
    public var iterationBudget: IterationBudget? = nil
    /// Downsampling factors from coarsest to finest; the last is the real volume itself.
    public var scaleFactors: [Double] = [0.25, 0.5, 0.75, 1.0]
    /// Smallest extent of any axis at any scale (2 · 3 + 2: the critic must still see ≥ 2 voxels).
    public var minimumExtent = 8
    /// Features per conv layer (nfc).
    public var features = 64
    /// Critic steps per iteration.
    public var discriminatorSteps = 3
    /// Generator steps per iteration.
    public var generatorSteps = 3
    /// Extra generator steps per iteration on the reconstruction loss alone, per scale coarsest
    /// first (a shorter list repeats its last entry; `[0]` as the original). They cost a
    /// generator pass each — no critic, no penalty — and let a short run reproduce its input at
    /// the fine scales.
    public var reconstructionSteps = [0]
    /// λ of the gradient penalty.
    public var penaltyWeight: Float = 0.1
    /// α of the reconstruction loss (α · MSE).
    public var reconstructionWeight: Float = 100
    /// Adam learning rate of both nets.
    public var learningRate: Float = 5e-4
    /// Adam β1 of both nets.
    public var beta1: Float = 0.5
    /// Adam β2 of both nets.
    public var beta2: Float = 0.999
    /// Iterations at which the learning rate is multiplied by ``learningRateDecay`` (TOAD-GAN's
    /// schedule; the original World-GAN's scheduler bug kept it constant).
    public var learningRateMilestones = [1600, 2500]
    /// Factor applied at each milestone.
    public var learningRateDecay: Float = 0.1
    /// Noise amplitude at scales > 0 is this times the RMSE of the upsampled reconstruction.
    public var noiseUpdate: Float = 0.1
    /// A checkpoint is written every this many iterations (and at every scale end).
    public var checkpointEvery = 100
    /// Seed of every random draw (weights, noise, penalty mixing).
    public var seed: UInt64 = 0
    /// Samples rendered into `previews/` at the end of every scale (0: none).
    public var previewSamples = 4
    /// Start each scale's G and D from the previous scale's weights (SinGAN and the authors'
    /// later World-GAN code do; the original's main branch started every scale afresh). The
    /// nets are size-independent, so the finer scale starts from a generator that already maps
    /// an upsampled image to a sharper one.
    public var warmStart = true
    /// Train on the block2vec vectors scaled to one common length (``Embeddings/equalLength(weights:)``),
    /// so that no rare token sits between common ones where blends of them land.
    public var equalLengthEmbeddings = true
    /// What a voxel's token becomes for the GAN: block2vec vectors, or one-hot (one channel per
    /// token, as the original's default mode; decoding is then an argmax, where no token lies
    /// between two others).
    public var representation = TokenRepresentation.block2vec
    /// When a scale is frozen, its generator's BatchNorm running statistics become those of one
    /// training-mode pass over the reconstruction input, instead of the moving average over every
    /// training forward (fakes and reconstructions mixed, as the original). Eval mode then runs the
    /// reconstruction exactly as the reconstruction loss trained it.
    public var reconstructionStatistics = true

    public init() {}

    /// The paper's configuration: 4000 iterations per scale, nfc 64.
    public static let paper = TrainingConfig()

    /// Trains the 48×17×48 sample in under 10 minutes on 2 cores, with
    /// nfc 32 and 500, 300, 110 and 50 iterations at the four scales (LR milestones at the paper's
    /// fractions 0.4 and 0.625 of each scale). Coarse scales are cheap and fix the layout, so the
    /// iterations go there. At this budget two changes from the paper decide whether a structure
    /// survives (measured on a 32×12×32 colonnade, looked at in the renders): one-hot tokens and a
    /// reconstruction weight of 1000. With block2vec and α = 100 the coarsest reconstruction got
    /// 28% of the non-air voxels right and no sample had a pillar; with one-hot and α = 1000 it gets
    /// 98% and every sample has pillars on a paved floor, rare-block inflation 1.3 instead of 3.6.
    /// One-hot volumes are downsampled to the rarest token present (``ScalePyramid``), so a wall
    /// one block thick survives the coarse scales: a 21×16×17 gabled house's reconstruction went
    /// from its ground plate alone (57% of non-air voxels) to the roof line (77%). Three and six
    /// reconstruction-only steps per iteration at the scales above the coarsest (none at the
    /// coarsest, whose adversarial training sets the free samples' layout: with six there too the
    /// colonnade's free samples lost their pillars), with the frozen scales' reconstruction
    /// statistics, bring the house's finest reconstruction to 95% of its non-air voxels.
    public static let quick: TrainingConfig = {
        var config = TrainingConfig()
        config.iterations = 150
        config.iterationsPerScale = [500, 300, 110, 50]
        config.features = 32
        config.learningRateMilestones = [60, 94]
        config.checkpointEvery = 50
        config.representation = .oneHot
        config.reconstructionWeight = 1000
        config.reconstructionSteps = [0, 3, 6]
        // The 48×17×48 sample's scales: a smaller input's scales above the coarsest get up to 4×
        // the iterations (a 15×30×15 tower: 500/1200/440/200, its finest reconstruction from 82%
        // to 98% of the non-air voxels, 4:34 instead of 1:25 on a loaded machine; a 21×16×17
        // house from 92% to 95%).
        config.iterationBudget = IterationBudget(referenceVoxels: [12 * 8 * 12, 24 * 8 * 24, 36 * 12 * 36, 48 * 17 * 48],
                                                 maximumFactor: 4, firstFittedScale: 1)
        return config
    }()

    /// The config of a named preset.
    public static func preset(_ preset: TrainingPreset) -> TrainingConfig {
        switch preset {
        case .paper: return .paper
        case .quick: return .quick
        }
    }

    /// This config with ``iterationBudget`` applied to a pyramid of `shapes` (coarsest first):
    /// ``iterationsPerScale`` set per scale, the budget cleared. Unchanged without a budget.
    public func fitted(toScaleShapes shapes: [[Int]]) -> TrainingConfig {
        guard let budget = iterationBudget else { return self }
        var config = self
        config.iterationsPerScale = budget.iterations(iterationsPerScale ?? [iterations], shapes: shapes)
        config.iterationBudget = nil
        return config
    }

    /// The number of iterations of scale `scale` (from 0, coarsest first).
    public func iterations(atScale scale: Int) -> Int {
        guard let list = iterationsPerScale, let last = list.last else { return iterations }
        return scale < list.count ? list[scale] : last
    }

    /// The learning rate of iteration `iteration` (from 0) of a scale of ``iterations`` iterations:
    /// `lr · decay^k`, k the number of milestones ≤ iteration (PyTorch `MultiStepLR` stepped once
    /// per iteration).
    public func learningRate(at iteration: Int) -> Float {
        LearningRateSchedule.multiStep(base: learningRate, milestones: learningRateMilestones, factor: learningRateDecay)
            .learningRate(at: iteration)
    }

    /// The learning rate at `iteration` of `scale`: the milestones, given for ``iterations``, are
    /// moved in proportion when the scale runs another number of iterations.
    public func learningRate(at iteration: Int, scale: Int) -> Float {
        let count = iterations(atScale: scale)
        guard count != iterations, iterations > 0 else { return learningRate(at: iteration) }
        let milestones = learningRateMilestones.map { Int((Double($0) * Double(count) / Double(iterations)).rounded()) }
        return LearningRateSchedule.multiStep(base: learningRate, milestones: milestones, factor: learningRateDecay)
            .learningRate(at: iteration)
    }

    /// The ScaleTrainer configuration of iteration `iteration`.
    /// The extra reconstruction steps per iteration of scale `scale` (from 0, coarsest first).
    public func reconstructionSteps(atScale scale: Int) -> Int {
        guard let last = reconstructionSteps.last else { return 0 }
        return scale < reconstructionSteps.count ? reconstructionSteps[scale] : last
    }

    /// The ScaleTrainer configuration of iteration `iteration` of scale `scale`.
    func scaleConfiguration(at iteration: Int, scale: Int) -> ScaleTrainer.Configuration {
        var c = ScaleTrainer.Configuration()
        c.discriminatorSteps = discriminatorSteps
        c.generatorSteps = generatorSteps
        c.reconstructionSteps = reconstructionSteps(atScale: scale)
        c.penaltyWeight = penaltyWeight
        c.reconstructionWeight = reconstructionWeight
        c.learningRate = learningRate(at: iteration)
        c.betas = (beta1, beta2)
        return c
    }

    /// - Throws: ``TrainingError/invalidSetting(name:value:requirement:)`` for the first bad field.
    public func validate() throws(TrainingError) {
        func check(_ ok: Bool, _ name: String, _ value: Any, _ requirement: String) throws(TrainingError) {
            if !ok { throw TrainingError.invalidSetting(name: name, value: "\(value)", requirement: requirement) }
        }
        try check(iterations >= 1, "iterations", iterations, "at least 1")
        try check(iterationsPerScale.map { !$0.isEmpty && $0.allSatisfy { $0 >= 1 } } ?? true,
                  "scale-iterations", iterationsPerScale ?? [], "at least 1 per scale")
        try check(!scaleFactors.isEmpty && scaleFactors.allSatisfy { $0 > 0 && $0 <= 1 } && scaleFactors.last == 1
                  && zip(scaleFactors, scaleFactors.dropFirst()).allSatisfy { $0 < $1 },
                  "scale-factors", scaleFactors, "increasing factors in (0, 1] ending with 1")
        try check(minimumExtent >= 7, "minimum-extent", minimumExtent, "at least 7 (the critic shrinks each axis by 6)")
        try check(features >= 1, "nfc", features, "at least 1")
        try check(discriminatorSteps >= 1 && generatorSteps >= 1, "d-steps/g-steps", "\(discriminatorSteps)/\(generatorSteps)", "at least 1")
        try check(reconstructionSteps.allSatisfy { $0 >= 0 }, "rec-steps", reconstructionSteps, "not negative")
        try check(learningRate > 0 && learningRate.isFinite, "lr", learningRate, "a positive number")
        try check((0..<1).contains(beta1) && (0..<1).contains(beta2), "betas", "\(beta1), \(beta2)", "in [0, 1)")
        try check(penaltyWeight >= 0 && reconstructionWeight >= 0 && noiseUpdate >= 0, "weights", "λ \(penaltyWeight), α \(reconstructionWeight), noise \(noiseUpdate)", "not negative")
        try check(checkpointEvery >= 1, "checkpoint-every", checkpointEvery, "at least 1")
        try check(previewSamples >= 0, "previews", previewSamples, "not negative")
    }
}
