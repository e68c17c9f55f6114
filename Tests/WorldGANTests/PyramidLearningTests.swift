import Anvil
import Foundation
import Metrics
import Tensor
import WorldGAN
import XCTest

final class PyramidLearningTests: XCTestCase {
    /// Trains the pillar world briefly and checks it learned: reconstruction falls ≥ 10× per
    /// scale, and samples match the real tile patterns better than a shuffle of its blocks.
    func testShortTrainingReconstructsEachScaleAndSamplesBeatAShuffledVolume() throws {
        try assertShortTrainingLearns()
    }

    /// The same bar with the product's BF16 convolutions (where the CPU has AVX-512 BF16).
    func testShortTrainingWithBF16KernelsAlsoLearns() throws {
        let available = KernelPrecision.with(.bf16) { KernelPrecision.current == .bf16 }
        try XCTSkipUnless(available, "this CPU has no AVX-512 BF16")
        try KernelPrecision.with(.bf16) { try assertShortTrainingLearns() }
    }

    private func assertShortTrainingLearns() throws {
        let volume = PillarWorld.volume()
        var config = TrainingConfig()
        config.iterations = 120
        config.scaleFactors = [0.75, 1]
        config.features = 16
        config.learningRateMilestones = [48, 75]
        // Measured: with the paper's α = 100, the finer scale's reconstruction plateaus after
        // ~150 iterations at ~9× below its start (the adversarial term holds it); α = 1000 lets a
        // run this short show the reconstruction path learning (~18×).
        config.reconstructionWeight = 1000
        config.seed = 5
        let trainer = try PyramidTrainer(real: try PillarWorld.real(volume), config: config)
        try trainer.train { _, _ in .continue }

        for scale in 0..<2 {
            let rec = trainer.records.filter { $0.scale == scale }.map(\.reconstruction)
            let start = rec[0], end = rec.suffix(3).reduce(0, +) / 3
            XCTAssertLessThanOrEqual(end * 10, start, "scale \(scale): reconstruction \(start) → \(end)")
        }

        let real = TokenVolume(name: "real", size: VolumeSize(16, 10, 16), tokens: volume.indices)
        var rng = SeededGenerator(seed: 9)
        var shuffledTokens = volume.indices
        shuffledTokens.shuffle(using: &rng)
        let kl = TilePatternKL()
        let shuffled = try kl.divergence(real: real, sample: TokenVolume(name: "shuffled", size: real.size, tokens: shuffledTokens), patternSize: 3)
        var sampleKL: [Double] = []
        for seed in 0..<3 as Range<UInt64> {
            let sample = trainer.pyramid.sample(seed: seed)
            XCTAssertTrue(sample.size == (16, 10, 16))
            let decoded = try trainer.pyramid.decode(sample, embeddings: PillarWorld.embeddings)
            // The palette is the embeddings' token order, which is the real volume's palette order.
            sampleKL.append(try kl.divergence(real: real, sample: TokenVolume(name: "sample", size: real.size, tokens: decoded.indices), patternSize: 3))
        }
        let meanKL = sampleKL.reduce(0, +) / Double(sampleKL.count)
        XCTAssertLessThan(meanKL, shuffled, "samples \(sampleKL) vs shuffled \(shuffled)")
    }

    /// Two scales of two iterations each with a tiny net: enough to exercise sampling and I/O.
    private func twoIterationTrainer() throws -> PyramidTrainer {
        var config = TrainingConfig()
        config.iterations = 2
        config.scaleFactors = [0.5, 1]
        config.features = 4
        return try PyramidTrainer(real: try PillarWorld.real(PillarWorld.volume()), config: config)
    }

    func testSamplesFollowTheRequestedScaleAndSeed() throws {
        let trainer = try twoIterationTrainer()
        try trainer.train { _, _ in .continue }
        let pyramid = trainer.pyramid
        let wide = pyramid.sample(scale: (2, 1, 1.5), seed: 1)
        XCTAssertTrue(wide.size == (32, 10, 24))
        XCTAssertEqual(wide.values.count, 3 * 32 * 10 * 24)
        XCTAssertEqual(pyramid.sample(seed: 4).values, pyramid.sample(seed: 4).values)
        XCTAssertNotEqual(pyramid.sample(seed: 4).values, pyramid.sample(seed: 5).values)
        // Reconstructing every scale uses no random noise at all: every seed gives the same volume.
        XCTAssertEqual(pyramid.sample(seed: 4, startScale: 2).values, pyramid.sample(seed: 5, startScale: 2).values)
    }

    func testRunFolderLoadsBackTheSamePyramid() throws {
        let trainer = try twoIterationTrainer()
        let folder = RunFolder(PillarWorld.temporaryFolder("load"))
        defer { try? FileManager.default.removeItem(at: folder.url) }
        try folder.create(replacing: false)
        try PillarWorld.train(trainer, into: folder)
        let loaded = try TrainedPyramid.load(from: folder.url)
        XCTAssertEqual(loaded.noiseAmplitudes, trainer.pyramid.noiseAmplitudes)
        XCTAssertEqual(loaded.sample(seed: 3).values, trainer.pyramid.sample(seed: 3).values)
        try PillarWorld.writeEmbeddings(to: folder.file("embeddings.txt"))
        let decoded = try loaded.decode(loaded.sample(seed: 3), embeddings: try folder.embeddings())
        XCTAssertEqual(decoded, try trainer.pyramid.decode(trainer.pyramid.sample(seed: 3), embeddings: PillarWorld.embeddings))
        XCTAssertEqual(decoded.sizeX, 16)
    }
}
