import ArgumentParser
import WorldGAN

/// World-GAN flags of `train`: a preset, then any field overridden (nil keeps the preset's).
/// The block2vec flags (`--seed` included, which seeds the GAN too) come from ``Block2VecOptions``.
struct TrainingOptions: ParsableArguments {
    @Option(help: "Preset: 'paper' (4000 iterations per scale, nfc 64) or 'quick' (the sample world in under 10 minutes).")
    var preset = TrainingPreset.paper
    @Option(help: "Iterations per scale.") var iterations: Int?
    @Option(help: "Iterations of each scale, coarsest first (e.g. 600,400,250,150; overrides --iterations).")
    var scaleIterations: String?
    @Option(help: "Scale factors, coarsest first, ending with 1 (e.g. 0.25,0.5,0.75,1).") var scaleFactors: String?
    @Option(help: "Smallest extent of any axis at any scale.") var minExtent: Int?
    @Option(help: "Features per conv layer.") var nfc: Int?
    @Option(help: "Critic steps per iteration.") var dSteps: Int?
    @Option(help: "Generator steps per iteration.") var gSteps: Int?
    @Option(help: "Extra generator steps per iteration on the reconstruction loss alone, per scale coarsest first (e.g. 0,3,6).") var recSteps: String?
    @Option(help: "Gradient-penalty weight λ.") var penaltyWeight: Float?
    @Option(help: "Reconstruction-loss weight α.") var reconstructionWeight: Float?
    @Option(help: "Adam learning rate of G and D.") var ganLr: Float?
    @Option(help: "Adam β1.") var beta1: Float?
    @Option(help: "Adam β2.") var beta2: Float?
    @Option(help: "Iterations where the learning rate drops (e.g. 1600,2500).") var milestones: String?
    @Option(help: "Learning-rate factor at each milestone.") var lrDecay: Float?
    @Option(help: "Noise amplitude factor at scales > 0 (× RMSE of the reconstruction).") var noiseUpdate: Float?
    @Option(help: "Checkpoint every this many iterations (and at every scale end).") var checkpointEvery: Int?
    @Option(help: "Samples rendered into previews/ at the end of every scale.") var previews: Int?
    @Flag(inversion: .prefixedNo, help: "Start each scale from the previous scale's G and D (default on).")
    var warmStart: Bool?
    @Flag(inversion: .prefixedNo, help: "Give every token's vector the same length before training the GAN (default on).")
    var equalLengthEmbeddings: Bool?
    @Flag(inversion: .prefixedNo, help: "Freeze each scale with the BatchNorm statistics of its reconstruction pass (default on).")
    var reconstructionStatistics: Bool?
    @Option(help: "Token representation: 'block2vec' (skip-gram vectors) or 'one-hot' (one channel per block state).")
    var representation: TokenRepresentation?

    /// The preset with every given flag applied, validated.
    func config(seed: UInt64) throws -> TrainingConfig {
        var c = TrainingConfig.preset(preset)
        if let v = iterations { c.iterations = v; c.iterationsPerScale = nil; c.iterationBudget = nil }
        if let v = scaleIterations { c.iterationsPerScale = try Self.list(v, "--scale-iterations"); c.iterationBudget = nil }
        if let v = scaleFactors { c.scaleFactors = try Self.list(v, "--scale-factors") }
        if let v = minExtent { c.minimumExtent = v }
        if let v = nfc { c.features = v }
        if let v = dSteps { c.discriminatorSteps = v }
        if let v = gSteps { c.generatorSteps = v }
        if let v = recSteps { c.reconstructionSteps = try Self.list(v, "--rec-steps") }
        if let v = penaltyWeight { c.penaltyWeight = v }
        if let v = reconstructionWeight { c.reconstructionWeight = v }
        if let v = ganLr { c.learningRate = v }
        if let v = beta1 { c.beta1 = v }
        if let v = beta2 { c.beta2 = v }
        if let v = milestones { c.learningRateMilestones = try Self.list(v, "--milestones") }
        if let v = lrDecay { c.learningRateDecay = v }
        if let v = noiseUpdate { c.noiseUpdate = v }
        if let v = checkpointEvery { c.checkpointEvery = v }
        if let v = previews { c.previewSamples = v }
        if let v = warmStart { c.warmStart = v }
        if let v = equalLengthEmbeddings { c.equalLengthEmbeddings = v }
        if let v = representation { c.representation = v }
        if let v = reconstructionStatistics { c.reconstructionStatistics = v }
        c.seed = seed
        try c.validate()
        return c
    }

    private static func list<T: LosslessStringConvertible>(_ text: String, _ flag: String) throws -> [T] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { T($0) }
        guard values.count == parts.count, !parts.isEmpty else { throw ValidationError("\(flag) needs comma-separated numbers, got '\(text)'") }
        return values
    }
}

extension TrainingPreset: ExpressibleByArgument {}
extension TokenRepresentation: ExpressibleByArgument {}
