import Tensor
import WorldGAN
import XCTest

final class ScaleTrainerTests: XCTestCase {
    private func makeTrainer(seed: UInt64) -> ScaleTrainer {
        var rng = SeededGenerator(seed: seed)
        return ScaleTrainer(generator: Generator(channels: 2, features: 3, using: &rng),
                            discriminator: Discriminator(channels: 2, features: 3, using: &rng))
    }

    private func volumes(seed: UInt64) -> (real: Tensor, prev: Tensor, zPrev: Tensor) {
        var rng = SeededGenerator(seed: seed)
        let shape = [1, 2, 8, 7, 9]
        return (Tensor.randomNormal(shape, using: &rng), Tensor.randomNormal(shape, using: &rng).replicatePadded(3),
                Tensor.randomNormal(shape, using: &rng).replicatePadded(3))
    }

    func testIterationReusingTheCriticFakeEqualsRecomputingItEachStep() {
        let (real, prev, zPrev) = volumes(seed: 1)
        let reused = makeTrainer(seed: 2)
        let recomputed = makeTrainer(seed: 2)
        var rngA = SeededGenerator(seed: 3), rngB = SeededGenerator(seed: 3)
        _ = reused.iteration(real: real, prev: prev, reconstructionInput: zPrev, noiseAmplitude: 0.1, using: &rngA)
        // The same iteration spelled out step by step, G recomputed for every critic step.
        let noise = Tensor.randomNormal(real.shape, using: &rngB).replicatePadded(3)
        let input = noise * 0.1 + prev
        for _ in 0..<3 { _ = recomputed.discriminatorStep(real: real, input: input, prev: prev, alpha: rngB.nextUniform()) }
        for _ in 0..<3 { _ = recomputed.generatorStep(real: real, input: input, prev: prev, reconstructionInput: zPrev) }
        for ((name, a), (_, b)) in zip(reused.generator.namedParameters + reused.discriminator.namedParameters,
                                       recomputed.generator.namedParameters + recomputed.discriminator.namedParameters) {
            XCTAssertEqual(a.data, b.data, name)
        }
        for ((name, a), (_, b)) in zip(reused.generator.net.normalizations, recomputed.generator.net.normalizations) {
            XCTAssertEqual(a.runningMean, b.runningMean, name)
            XCTAssertEqual(a.runningVariance, b.runningVariance, name)
        }
    }

    func testSameSeedGivesBitIdenticalIterations() {
        let (real, prev, zPrev) = volumes(seed: 4)
        var results: [[Float]] = []
        for _ in 0..<2 {
            let trainer = makeTrainer(seed: 5)
            var rng = SeededGenerator(seed: 6)
            let losses = trainer.iteration(real: real, prev: prev, reconstructionInput: zPrev, noiseAmplitude: 0.1, using: &rng)
            results.append([losses.discriminator, losses.penalty, losses.adversarial, losses.reconstruction]
                           + trainer.generator.parameters.flatMap(\.data))
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertTrue(results[0].allSatisfy(\.isFinite))
    }

    func testGeneratorAndCriticShapesFollowTheArchitecture() {
        var rng = SeededGenerator(seed: 7)
        let generator = Generator(channels: 4, features: 5, using: &rng)
        let critic = Discriminator(channels: 4, features: 5, using: &rng)
        let x = Tensor.randomNormal([1, 4, 10, 8, 9], using: &rng)
        XCTAssertEqual(generator(x.replicatePadded(3), x.replicatePadded(3), training: true).shape, [1, 4, 10, 8, 9])
        XCTAssertEqual(critic(x, training: false).shape, [1, 1, 4, 2, 3])
        XCTAssertEqual(generator.namedParameters.map(\.0), [
            "G.head.conv.weight", "G.head.conv.bias", "G.head.bn.weight", "G.head.bn.bias",
            "G.body.conv.weight", "G.body.conv.bias", "G.body.bn.weight", "G.body.bn.bias",
            "G.tail.weight", "G.tail.bias"])
    }

    func testLoadingWeightsWithAWrongSizeThrowsANamedError() {
        var rng = SeededGenerator(seed: 8)
        let critic = Discriminator(channels: 2, features: 3, using: &rng)
        var values = Dictionary(uniqueKeysWithValues: critic.namedParameters.map { ($0.0, $0.1.data) })
        values["D.tail.bias"] = [1, 2]
        XCTAssertThrowsError(try critic.net.load(values)) { error in
            XCTAssertEqual(error as? WorldGANError, .parameterSize(name: "D.tail.bias", expected: 1, found: 2))
        }
        values["D.tail.bias"] = nil
        XCTAssertThrowsError(try critic.net.load(values)) { error in
            XCTAssertEqual(error as? WorldGANError, .missingParameter(name: "D.tail.bias"))
        }
    }
}
