import Anvil
import Block2Vec
import Metrics
import Tensor
import WorldGAN
import XCTest

final class PillarLearningTests: XCTestCase {
    /// Columns holding a vertical run of `block` whose length is within ±2 of `height`.
    static func pillarCount(_ volume: BlockVolume, block: BlockState, height: Int) -> Int {
        var count = 0
        for x in 0..<volume.sizeX {
            for z in 0..<volume.sizeZ {
                var run = 0, best = 0
                for y in 0..<volume.sizeY {
                    run = volume[x, y, z] == block ? run + 1 : 0
                    best = max(best, run)
                }
                if abs(best - height) <= 2 { count += 1 }
            }
        }
        return count
    }

    /// The quality issue's learning test: samples of a pillared volume, decoded by MAP as
    /// `generate` does, contain pillars of the input's height and inflate no block beyond 2×.
    func testSamplesOfAPillaredVolumeHavePillarsAndNoInflatedBlock() throws {
        let volume = PillarWorld.volume()
        var config = TrainingConfig()
        config.iterations = 120
        config.scaleFactors = [0.75, 1]
        config.features = 16
        config.learningRateMilestones = [48, 75]
        config.reconstructionWeight = 1000     // the quick preset's
        config.seed = 5
        // One-hot tokens, as the quick preset (the palette order is the embeddings' row order).
        let oneHot = Embeddings.oneHot(tokens: PillarWorld.tokens)
        let real = Tensor(shape: [1, 3, volume.sizeX, volume.sizeY, volume.sizeZ],
                          data: try oneHot.channelMajorValues(of: volume, file: "pillars"))
        let trainer = try PyramidTrainer(real: real, config: config)
        let vocabulary = Vocabulary(volume)
        let counts = PillarWorld.tokens.map { vocabulary.index(of: $0).map { vocabulary.counts[$0] } ?? 0 }
        let decoder = TokenDecoder(embeddings: oneHot, counts: counts)
        trainer.reconstructionCheck = ReconstructionCheck(reals: trainer.scales.reals, decoder: decoder)
        try trainer.train { _, _ in .continue }

        let stone = BlockState("stone"), height = 8
        XCTAssertEqual(Self.pillarCount(volume, block: stone, height: height), 16)
        let finest = try XCTUnwrap(trainer.reconstructionScores.last)
        XCTAssertGreaterThan(finest.nonAirAccuracy, 0.9, "reconstruction \(trainer.reconstructionScores)")

        let calibrated = TokenDecoder.calibrated(embeddings: oneHot, counts: counts, reconstruction: trainer.pyramid.reconstruction())
        var shared = SharedVocabulary()
        let real = try shared.encode(volume, name: "real")
        for seed in 0..<3 as Range<UInt64> {
            let sample = try trainer.pyramid.decode(trainer.pyramid.sample(seed: seed), decoder: calibrated)
            let pillars = Self.pillarCount(sample, block: stone, height: height)
            XCTAssertGreaterThanOrEqual(pillars, 8, "seed \(seed): \(pillars) pillars of height \(height) ± 2")
            let tokens = try shared.encode(sample, name: "sample \(seed)")
            let measures = StructureMeasures(roles: shared.states.map(BlockRole.init))
            let inflation = measures.rareBlockInflation(real: real, sample: tokens)
            XCTAssertLessThanOrEqual(inflation.ratio, 2, "seed \(seed): \(shared.states[Int(inflation.token)]) ×\(inflation.ratio)")
        }
    }
}
