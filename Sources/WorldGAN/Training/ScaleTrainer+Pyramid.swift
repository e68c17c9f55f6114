import Tensor

extension ScaleTrainer {
    /// One generator step whose reconstruction has its own `x` and `y` (the coarsest scale
    /// reconstructs `G(z_opt, 0)`, the others `G(z_prev, z_prev)`), then Adam on G.
    /// Loss: `-mean D(G(input, prev)) + α · MSE(G(reconstructionInput, reconstructionPrev), real)`.
    public func generatorStep(real: Tensor, input: Tensor, prev: Tensor, reconstructionInput: Tensor,
                              reconstructionPrev: Tensor) -> (adversarial: Float, reconstruction: Float) {
        let fake = generator(input, prev, training: true)
        let adversarial = -discriminator(fake, training: true).mean()
        let reconstructed = generator(reconstructionInput, reconstructionPrev, training: true)
        let reconstruction = reconstructed.meanSquaredError(real) * configuration.reconstructionWeight
        generatorOptimizer.step(Gradients.of(adversarial + reconstruction, wrt: generator.parameters))
        return (adversarial.scalar, reconstruction.scalar)
    }

    /// One generator step on `α · MSE(G(input, prev), real)` alone, then Adam on G.
    @discardableResult
    public func reconstructionStep(real: Tensor, input: Tensor, prev: Tensor) -> Float {
        let reconstruction = generator(input, prev, training: true).meanSquaredError(real) * configuration.reconstructionWeight
        generatorOptimizer.step(Gradients.of(reconstruction, wrt: generator.parameters))
        return reconstruction.scalar
    }

    /// One World-GAN iteration at a pyramid scale, as the original: the noise is drawn once; each
    /// critic step draws a fresh `prev` (`drawPrev`, the frozen pyramid on random noise — zeros at
    /// the coarsest scale) and a fresh α; the generator steps reuse the last noise and `prev`.
    /// - Parameters:
    ///   - real: `[1, C, X, Y, Z]`.
    ///   - reconstructionInput, reconstructionPrev: padded `x` and `y` of the reconstruction.
    ///   - drawPrev: returns the padded previous-scale image `[1, C, X+6, Y+6, Z+6]`.
    func pyramidIteration(real: Tensor, reconstructionInput: Tensor, reconstructionPrev: Tensor, noiseAmplitude: Float,
                          using rng: inout SeededGenerator,
                          drawPrev: (inout SeededGenerator) -> Tensor) -> (critic: DiscriminatorStep, adversarial: Float, reconstruction: Float) {
        let noise = (Tensor.randomNormal(real.shape, using: &rng) * noiseAmplitude).replicatePadded(3)
        var prev = drawPrev(&rng)
        var input = noise + prev
        var critic = discriminatorStep(real: real, input: input, prev: prev, alpha: rng.nextUniform())
        for _ in 1..<max(configuration.discriminatorSteps, 1) {
            prev = drawPrev(&rng)
            input = noise + prev
            critic = discriminatorStep(real: real, input: input, prev: prev, alpha: rng.nextUniform())
        }
        var losses: (adversarial: Float, reconstruction: Float) = (0, 0)
        for _ in 0..<configuration.generatorSteps {
            losses = generatorStep(real: real, input: input, prev: prev, reconstructionInput: reconstructionInput,
                                   reconstructionPrev: reconstructionPrev)
        }
        for _ in 0..<configuration.reconstructionSteps {
            reconstructionStep(real: real, input: reconstructionInput, prev: reconstructionPrev)
        }
        return (critic, losses.adversarial, losses.reconstruction)
    }
}
