import Foundation
import Tensor
import WorldGAN
import XCTest

/// The reconstruction-only generator steps and the reconstruction statistics of frozen scales.
final class ReconstructionTrainingTests: XCTestCase {
    func testReconstructionStepsFollowTheirScaleListAndOldConfigsReadAsNone() throws {
        var config = TrainingConfig()
        config.reconstructionSteps = [0, 3, 6]
        try config.validate()
        XCTAssertEqual((0..<5).map(config.reconstructionSteps(atScale:)), [0, 3, 6, 6, 6])
        config.reconstructionSteps = [2, -1]
        XCTAssertThrowsError(try config.validate())
        // A run.json written before these fields existed trains as it did then.
        let old = try JSONDecoder().decode(TrainingConfig.self, from: Data(#"{"iterations": 10}"#.utf8))
        XCTAssertEqual(old.reconstructionSteps, [0])
        XCTAssertFalse(old.reconstructionStatistics)
        XCTAssertEqual(TrainingConfig.quick.reconstructionSteps, [0, 3, 6])
    }

    func testReconstructionStepLowersTheReconstructionLossAndLeavesTheCriticAlone() {
        var rng = SeededGenerator(seed: 4)
        let trainer = ScaleTrainer(generator: Generator(channels: 2, features: 4, using: &rng),
                                   discriminator: Discriminator(channels: 2, features: 4, using: &rng))
        let real = Tensor.randomNormal([1, 2, 8, 8, 8], using: &rng)
        let input = Tensor.randomNormal([1, 2, 8, 8, 8], using: &rng).replicatePadded(3)
        let critic = trainer.discriminator.namedParameters.map { $0.1.data }
        let first = trainer.reconstructionStep(real: real, input: input, prev: input)
        var last = first
        for _ in 0..<30 { last = trainer.reconstructionStep(real: real, input: input, prev: input) }
        XCTAssertLessThan(last, first * 0.8, "reconstruction loss \(first) → \(last)")
        XCTAssertEqual(trainer.discriminator.namedParameters.map { $0.1.data }, critic)
    }

    func testAdoptedBatchStatisticsMakeEvalModeEqualTrainingMode() {
        var rng = SeededGenerator(seed: 6)
        let generator = Generator(channels: 2, features: 4, using: &rng)
        let input = (Tensor.randomNormal([1, 2, 9, 8, 7], using: &rng) * 3 + 1).replicatePadded(3)
        let training = GradMode.withoutRecording { generator(input, input, training: true) }
        let before = GradMode.withoutRecording { generator(input, input, training: false) }
        XCTAssertGreaterThan(zip(before.data, training.data).map { abs($0 - $1) }.max() ?? 0, 1e-2,
                             "the initial running statistics (0, 1) differ from the batch's")
        generator.net.adoptLastBatchStatistics()
        let after = GradMode.withoutRecording { generator(input, input, training: false) }
        // Eval mode divides by the unbiased variance, training mode by the biased one: equal up to
        // √(n / (n − 1)) over ~500 voxels per channel.
        for (a, b) in zip(after.data, training.data) { XCTAssertEqual(a, b, accuracy: 2e-3 * max(1, abs(b))) }
    }
}
