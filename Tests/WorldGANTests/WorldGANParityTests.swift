import Tensor
import TestSupport
import WorldGAN
import XCTest

/// The World-GAN pieces against PyTorch: WGAN-GP with its double backward (04) and one full
/// critic + generator Adam step (05). Fixture layouts: ../shared/parity/README.md.
final class WorldGANParityTests: XCTestCase {
    private func values(_ parity: ParityCase) -> [String: [Float]] {
        parity.arrays.mapValues(\.data)
    }

    private func tensor(_ parity: ParityCase, _ name: String) throws -> Tensor {
        let array = try parity.array(name)
        return Tensor(shape: array.shape, data: array.data)
    }

    private func checkPenalty(_ file: String, training: Bool) throws {
        let parity = try ParityCase.load(file)
        var rng = SeededGenerator(seed: 0)
        let critic = Discriminator(channels: 3, features: 4, using: &rng)
        try critic.net.load(values(parity))
        let alpha = try parity.array("alpha").data[0]
        let gp = GradientPenalty(discriminator: critic, real: try tensor(parity, "real"), fake: try tensor(parity, "fake"),
                                 alpha: alpha, lambda: 0.1, training: training)
        try parity.assertMatches("interp", gp.interpolate.data, shape: gp.interpolate.shape)
        try parity.assertMatches("d_out", gp.scores.data, shape: gp.scores.shape)
        try parity.assertMatches("grad_interp", gp.gradient.data, shape: gp.gradient.shape)
        try parity.assertMatches("grad_norm", gp.norm.data, shape: gp.norm.shape)
        try parity.assertMatches("gp", gp.penalty.data, shape: [])
        let targets = critic.namedParameters
        let gradients = Gradients.of(gp.penalty, wrt: targets.map(\.1) + [gp.interpolate])
        for ((name, parameter), gradient) in zip(targets, gradients) {
            try parity.assertMatches("gp_grad.\(name)", gradient.data, shape: parameter.shape)
        }
        let last = try XCTUnwrap(gradients.last)
        try parity.assertMatches("gp_grad_interp", last.data, shape: last.shape)
    }

    func testGradientPenaltyAndItsSecondOrderGradientsMatchPyTorchWithTrainingBatchNorm() throws {
        try checkPenalty("04_wgan_gp_D.json", training: true)
    }

    /// The double backward through the two-axis Winograd path (training takes it for wide
    /// convolutions), forced on the fixture's small critic.
    func testGradientPenaltyOnTheTwoAxisWinogradPathMatchesPyTorch() throws {
        try WinogradAxes.with(.two) { try checkPenalty("04_wgan_gp_D.json", training: true) }
    }

    func testGradientPenaltyMatchesPyTorchWithEvalBatchNorm() throws {
        try checkPenalty("04_wgan_gp_D_evalbn.json", training: false)
    }

    /// Head/body conv biases feed training-mode BN, so their gradient is float32 rounding noise of
    /// either sign, and Adam's first step moves them by ±lr whatever its size (parity README, trap 2).
    /// Two implementations therefore differ by 0 or 2·lr = 1e-3; the fixture's 6e-4 only covers an
    /// implementation that leaves them in place, so these names get twice the stated tolerance.
    private static func adamNoiseSlack(_ name: String) -> Float {
        name.hasSuffix("head.conv.bias") || name.hasSuffix("body.conv.bias") ? 2 : 1
    }

    func testOneCriticAndOneGeneratorAdamStepMatchPyTorch() throws {
        let parity = try ParityCase.load("05_train_iteration.json")
        var rng = SeededGenerator(seed: 0)
        var configuration = ScaleTrainer.Configuration()
        configuration.discriminatorSteps = 1
        configuration.generatorSteps = 1
        let trainer = ScaleTrainer(generator: Generator(channels: 3, features: 4, using: &rng),
                                   discriminator: Discriminator(channels: 3, features: 4, using: &rng),
                                   configuration: configuration)
        try trainer.generator.net.load(values(parity))
        try trainer.discriminator.net.load(values(parity))
        let real = try tensor(parity, "real")
        let prev = try tensor(parity, "prev").replicatePadded(3)
        let noiseAmplitude = try parity.array("noise_amp").data[0]
        let input = try tensor(parity, "noise").replicatePadded(3) * noiseAmplitude + prev
        let critic = trainer.discriminatorStep(real: real, input: input, prev: prev,
                                               alpha: try parity.array("gp_alpha").data[0])
        try parity.assertMatches("errD_real", [critic.errorReal], shape: [])
        try parity.assertMatches("errD_fake", [critic.errorFake], shape: [])
        try parity.assertMatches("gp", [critic.penalty], shape: [])
        try parity.assertMatches("errD_total", [critic.total], shape: [])
        try parity.assertMatches("fake", critic.fake.data, shape: critic.fake.shape)
        for ((name, parameter), gradient) in zip(trainer.discriminator.namedParameters, critic.gradients) {
            try parity.assertMatches("grad.\(name)", gradient.data, shape: parameter.shape)
            try parity.assertMatches("after.\(name)", parameter.data, shape: parameter.shape,
                                     slack: Self.adamNoiseSlack(name))
        }
        let zPrev = try tensor(parity, "z_prev").replicatePadded(3)
        let step = trainer.generatorStep(real: real, input: input, prev: prev, reconstructionInput: zPrev)
        try parity.assertMatches("errG", [step.adversarial], shape: [])
        try parity.assertMatches("rec_loss", [step.reconstruction], shape: [])
        try parity.assertMatches("rec", step.reconstructed.data, shape: step.reconstructed.shape)
        for ((name, parameter), gradient) in zip(trainer.generator.namedParameters, step.gradients) {
            try parity.assertMatches("grad.\(name)", gradient.data, shape: parameter.shape)
            try parity.assertMatches("after.\(name)", parameter.data, shape: parameter.shape,
                                     slack: Self.adamNoiseSlack(name))
        }
        for (name, norm) in trainer.generator.net.normalizations + trainer.discriminator.net.normalizations {
            try parity.assertMatches("after.\(name).running_mean", norm.runningMean, shape: [norm.runningMean.count])
            try parity.assertMatches("after.\(name).running_var", norm.runningVariance, shape: [norm.runningMean.count])
        }
    }
}
