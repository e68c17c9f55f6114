extension TrainingConfig {
    enum CodingKeys: String, CodingKey {
        case iterations, iterationsPerScale, scaleFactors, minimumExtent, features, discriminatorSteps, generatorSteps, penaltyWeight, reconstructionWeight, learningRate, beta1, beta2, learningRateMilestones, learningRateDecay, noiseUpdate, checkpointEvery, seed, previewSamples, warmStart, equalLengthEmbeddings, representation, reconstructionStatistics, reconstructionSteps, iterationBudget
    }

    /// Reads a config written by any earlier version: a missing field takes its default (the
    /// original's behaviour where a field was added later, e.g. ``warmStart`` is `false` then).
    public init(from decoder: Decoder) throws {
        self.init()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        warmStart = false
        equalLengthEmbeddings = false
        reconstructionStatistics = false
        iterations = try c.decodeIfPresent(type(of: iterations), forKey: .iterations) ?? iterations
        scaleFactors = try c.decodeIfPresent(type(of: scaleFactors), forKey: .scaleFactors) ?? scaleFactors
        minimumExtent = try c.decodeIfPresent(type(of: minimumExtent), forKey: .minimumExtent) ?? minimumExtent
        features = try c.decodeIfPresent(type(of: features), forKey: .features) ?? features
        discriminatorSteps = try c.decodeIfPresent(type(of: discriminatorSteps), forKey: .discriminatorSteps) ?? discriminatorSteps
        generatorSteps = try c.decodeIfPresent(type(of: generatorSteps), forKey: .generatorSteps) ?? generatorSteps
        penaltyWeight = try c.decodeIfPresent(type(of: penaltyWeight), forKey: .penaltyWeight) ?? penaltyWeight
        reconstructionWeight = try c.decodeIfPresent(type(of: reconstructionWeight), forKey: .reconstructionWeight) ?? reconstructionWeight
        learningRate = try c.decodeIfPresent(type(of: learningRate), forKey: .learningRate) ?? learningRate
        beta1 = try c.decodeIfPresent(type(of: beta1), forKey: .beta1) ?? beta1
        beta2 = try c.decodeIfPresent(type(of: beta2), forKey: .beta2) ?? beta2
        learningRateMilestones = try c.decodeIfPresent(type(of: learningRateMilestones), forKey: .learningRateMilestones) ?? learningRateMilestones
        learningRateDecay = try c.decodeIfPresent(type(of: learningRateDecay), forKey: .learningRateDecay) ?? learningRateDecay
        noiseUpdate = try c.decodeIfPresent(type(of: noiseUpdate), forKey: .noiseUpdate) ?? noiseUpdate
        checkpointEvery = try c.decodeIfPresent(type(of: checkpointEvery), forKey: .checkpointEvery) ?? checkpointEvery
        seed = try c.decodeIfPresent(type(of: seed), forKey: .seed) ?? seed
        previewSamples = try c.decodeIfPresent(type(of: previewSamples), forKey: .previewSamples) ?? previewSamples
        warmStart = try c.decodeIfPresent(type(of: warmStart), forKey: .warmStart) ?? warmStart
        equalLengthEmbeddings = try c.decodeIfPresent(Bool.self, forKey: .equalLengthEmbeddings) ?? equalLengthEmbeddings
        representation = try c.decodeIfPresent(TokenRepresentation.self, forKey: .representation) ?? representation
        reconstructionStatistics = try c.decodeIfPresent(Bool.self, forKey: .reconstructionStatistics) ?? reconstructionStatistics
        reconstructionSteps = try c.decodeIfPresent([Int].self, forKey: .reconstructionSteps) ?? reconstructionSteps
        iterationsPerScale = try c.decodeIfPresent([Int].self, forKey: .iterationsPerScale)
        iterationBudget = try c.decodeIfPresent(IterationBudget.self, forKey: .iterationBudget)
    }
}
