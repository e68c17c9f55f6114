import Tensor

/// Trains one scale of the World-GAN pyramid: a generator and a critic with Adam, WGAN-GP for the
/// critic, adversarial plus reconstruction loss for the generator. Steps do no I/O.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let trainer = ScaleTrainer(generator: Generator(channels: 32, using: &rng),
///                            discriminator: Discriminator(channels: 32, using: &rng))
/// let losses = trainer.iteration(real: real, prev: prev.replicatePadded(3),
///                                reconstructionInput: zPrev.replicatePadded(3), noiseAmplitude: 0.1, using: &rng)
/// ```
public final class ScaleTrainer {
    /// Hyper-parameters of one scale (World-GAN's defaults).
    public struct Configuration: Sendable {
        /// Critic steps per iteration.
        public var discriminatorSteps = 3
        /// Generator steps per iteration.
        public var generatorSteps = 3
        /// Extra generator steps per iteration on the reconstruction loss alone.
        public var reconstructionSteps = 0
        /// λ of the gradient penalty.
        public var penaltyWeight: Float = 0.1
        /// α of the reconstruction loss (`α · MSE`).
        public var reconstructionWeight: Float = 100
        /// Adam learning rate of both nets (a schedule may change it between iterations).
        public var learningRate: Float = 5e-4
        /// Adam betas of both nets.
        public var betas: (Float, Float) = (0.5, 0.999)

        public init() {}
    }

    /// The losses and gradients of one critic step.
    public struct DiscriminatorStep {
        public let errorReal, errorFake, penalty, total: Float
        /// G's output the critic saw (computed without a graph).
        public let fake: Tensor
        /// The gradients Adam used, in `discriminator.parameters` order.
        public let gradients: [Tensor]
    }

    /// The losses and gradients of one generator step.
    public struct GeneratorStep {
        public let adversarial, reconstruction: Float
        public let fake, reconstructed: Tensor
        /// The gradients Adam used, in `generator.parameters` order.
        public let gradients: [Tensor]
    }

    /// The last steps' losses of one iteration.
    public struct IterationLosses: Sendable {
        public let discriminator, penalty, adversarial, reconstruction: Float
    }

    public let generator: Generator
    public let discriminator: Discriminator
    public let configuration: Configuration
    public var generatorOptimizer: Adam
    public var discriminatorOptimizer: Adam

    public init(generator: Generator, discriminator: Discriminator, configuration: Configuration = Configuration()) {
        self.generator = generator
        self.discriminator = discriminator
        self.configuration = configuration
        generatorOptimizer = Adam(parameters: generator.parameters, learningRate: configuration.learningRate,
                                  betas: configuration.betas)
        discriminatorOptimizer = Adam(parameters: discriminator.parameters, learningRate: configuration.learningRate,
                                      betas: configuration.betas)
    }

    /// One critic step: `-mean D(real) + mean D(fake) + penalty`, then Adam on D.
    /// - Parameters:
    ///   - input: G's padded input (`noiseAmplitude · noise + prev`), `[1, C, X+6, Y+6, Z+6]`.
    ///   - prev: the padded previous-scale image.
    ///   - alpha: the penalty's mixing weight in [0, 1].
    public func discriminatorStep(real: Tensor, input: Tensor, prev: Tensor, alpha: Float) -> DiscriminatorStep {
        // The critic never differentiates through G, so G runs without a graph.
        let fake = GradMode.withoutRecording { generator(input, prev, training: true) }
        return discriminatorStep(real: real, fake: fake, alpha: alpha)
    }

    /// One critic step on a given fake (G's output for this iteration's input, no graph).
    public func discriminatorStep(real: Tensor, fake: Tensor, alpha: Float) -> DiscriminatorStep {
        let errorReal = -discriminator(real, training: true).mean()
        let errorFake = discriminator(fake, training: true).mean()
        let penalty = GradientPenalty(discriminator: discriminator, real: real, fake: fake, alpha: alpha,
                                      lambda: configuration.penaltyWeight).penalty
        let total = errorReal + errorFake + penalty
        let gradients = Gradients.of(total, wrt: discriminator.parameters)
        discriminatorOptimizer.step(gradients)
        return DiscriminatorStep(errorReal: errorReal.scalar, errorFake: errorFake.scalar, penalty: penalty.scalar,
                                 total: total.scalar, fake: fake, gradients: gradients)
    }

    /// One generator step: `-mean D(G(input, prev)) + α · MSE(G(recInput, recInput), real)`, then
    /// Adam on G. D's parameter gradients are never computed.
    /// - Parameter reconstructionInput: the padded reconstruction input (at scales > 0, z_opt is 0
    ///   so it is the padded upsampled reconstruction of the previous scale, used as both x and y).
    public func generatorStep(real: Tensor, input: Tensor, prev: Tensor, reconstructionInput: Tensor) -> GeneratorStep {
        let fake = generator(input, prev, training: true)
        let adversarial = -discriminator(fake, training: true).mean()
        let reconstructed = generator(reconstructionInput, reconstructionInput, training: true)
        let reconstruction = reconstructed.meanSquaredError(real) * configuration.reconstructionWeight
        let gradients = Gradients.of(adversarial + reconstruction, wrt: generator.parameters)
        generatorOptimizer.step(gradients)
        return GeneratorStep(adversarial: adversarial.scalar, reconstruction: reconstruction.scalar,
                             fake: fake.detached(), reconstructed: reconstructed.detached(), gradients: gradients)
    }

    /// One World-GAN iteration: draws the padded noise once, then runs the critic and generator
    /// steps of ``configuration`` (a fresh α per critic step).
    ///
    /// G does not change during the critic steps, so its output for the critic is computed once;
    /// the later critic steps replay G's BatchNorm running-statistics update, which leaves every
    /// value exactly as if G had run again (as the reference does).
    /// - Parameters:
    ///   - real: the scale's real volume `[1, C, X, Y, Z]`.
    ///   - prev: the padded previous-scale image (zeros at the coarsest scale).
    ///   - noiseAmplitude: 1 at the coarsest scale, else 0.1 · RMSE of the upsampled reconstruction.
    public func iteration(real: Tensor, prev: Tensor, reconstructionInput: Tensor, noiseAmplitude: Float,
                          using generatorRNG: inout SeededGenerator) -> IterationLosses {
        let noise = Tensor.randomNormal(real.shape, using: &generatorRNG).replicatePadded((prev.shape[2] - real.shape[2]) / 2)
        let input = noise * noiseAmplitude + prev
        var critic: DiscriminatorStep?
        if configuration.discriminatorSteps > 0 {
            let fake = GradMode.withoutRecording { generator(input, prev, training: true) }
            for step in 0..<configuration.discriminatorSteps {
                if step > 0 { generator.net.repeatLastRunningStatisticsUpdate() }
                critic = discriminatorStep(real: real, fake: fake, alpha: generatorRNG.nextUniform())
            }
        }
        var generatorResult: GeneratorStep?
        for _ in 0..<configuration.generatorSteps {
            generatorResult = generatorStep(real: real, input: input, prev: prev, reconstructionInput: reconstructionInput)
        }
        return IterationLosses(discriminator: (critic?.errorReal ?? 0) + (critic?.errorFake ?? 0),
                               penalty: critic?.penalty ?? 0, adversarial: generatorResult?.adversarial ?? 0,
                               reconstruction: generatorResult?.reconstruction ?? 0)
    }
}
