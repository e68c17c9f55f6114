import Anvil
import Block2Vec
import XCTest

final class TrainingTests: XCTestCase {
    private func config(epochs: Int, seed: UInt64 = 3) -> Block2VecConfig {
        var c = Block2VecConfig()
        c.dimension = 8
        c.epochs = epochs
        c.batchSize = 32
        c.learningRate = 1e-2
        c.subsampleThreshold = nil
        c.seed = seed
        return c
    }

    /// True when both within-pair distances (a–b, c–d) are below 0.8 × every cross-pair distance
    /// (a–c, a–d, b–c, b–d). Six random distances order like that with odds of about 1 in 15.
    private func pairsAreSeparated(_ e: Embeddings) throws -> Bool {
        func d(_ x: String, _ y: String) throws -> Float { try XCTUnwrap(e.distance("test:" + x, "test:" + y)) }
        let within = max(try d("a", "b"), try d("c", "d"))
        let across = min(try d("a", "c"), try d("a", "d"), try d("b", "c"), try d("b", "d"))
        return within < 0.8 * across
    }

    func testBlocksThatOnlyNeighbourEachOtherEndUpClose() throws {
        let volume = TestVolumes.pairedStructure()
        let untrained = try Block2VecTrainer(volume: volume, config: config(epochs: 25))
        XCTAssertFalse(try pairsAreSeparated(untrained.embeddings), "random initial vectors must fail the check")
        var trainer = untrained
        let result = trainer.train()
        XCTAssertTrue(try pairsAreSeparated(result.embeddings),
                      "a near b, c near d after training; distances: \(Projection(result.embeddings).distances)")
        XCTAssertEqual(result.epochLosses.count, 25)
        XCTAssertLessThan(try XCTUnwrap(result.finalLoss), result.epochLosses[0], "training lowers the loss")
    }

    func testEqualSeedsTrainIdenticalEmbeddings() throws {
        let volume = TestVolumes.pairedStructure(halfX: 6)
        let a = try Block2VecTrainer.train(volume: volume, config: config(epochs: 3))
        let b = try Block2VecTrainer.train(volume: volume, config: config(epochs: 3))
        let c = try Block2VecTrainer.train(volume: volume, config: config(epochs: 3, seed: 4))
        XCTAssertEqual(a.embeddings, b.embeddings)
        XCTAssertEqual(a.epochLosses, b.epochLosses)
        XCTAssertNotEqual(a.embeddings, c.embeddings)
    }

    func testProgressReportsEveryBatchOfEveryEpoch() throws {
        let volume = TestVolumes.pairedStructure(halfX: 6)
        var reports: [Block2VecProgress] = []
        let result = try Block2VecTrainer.train(volume: volume, config: config(epochs: 2)) { reports.append($0) }
        // 10×6×6 interior targets = 360 samples in batches of 32 → 12 batches (the last holds 8).
        XCTAssertEqual(result.samplesPerEpoch, 360)
        XCTAssertEqual(result.batchesPerEpoch, 12)
        XCTAssertEqual(reports.count, 24)
        XCTAssertEqual(reports.last?.epoch, 2)
        XCTAssertEqual(reports.last?.batch, 12)
        XCTAssertEqual(reports.last?.fractionComplete, 1)
        XCTAssertEqual(reports.last?.loss, result.finalLoss)
        XCTAssertTrue(zip(reports, reports.dropFirst()).allSatisfy { $0.elapsedSeconds <= $1.elapsedSeconds })
    }

    func testInvalidConfigurationNamesTheField() {
        var c = Block2VecConfig()
        c.batchSize = 0
        XCTAssertThrowsError(try Block2VecTrainer(volume: TestVolumes.pairedStructure(halfX: 4), config: c)) { error in
            guard case let .invalidConfiguration(field, _, _)? = error as? Block2VecError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(field, "batchSize")
        }
    }

    func testCosineScheduleFallsFromTheBaseRateToZero() {
        let s = CosineSchedule(baseRate: 1e-3, totalSteps: 100)
        XCTAssertEqual(s.learningRate(at: 0), 1e-3)
        XCTAssertEqual(s.learningRate(at: 50), 5e-4, accuracy: 1e-15)
        XCTAssertEqual(s.learningRate(at: 25), 1e-3 * (1 + 0.5.squareRoot()) / 2, accuracy: 1e-15)
        XCTAssertEqual(s.learningRate(at: 100), 0, accuracy: 1e-18)
    }

    func testModelInitialisationFollowsPyTorchRanges() {
        var rng = SeededGenerator(seed: 1)
        let m = SkipGramModel(vocabularySize: 40, dimension: 32, using: &rng)
        let emb = m.embedding, linear = m.parameters[m.outputWeightRange.lowerBound...]
        XCTAssertTrue(emb.allSatisfy { abs($0) <= 1 / 32 })
        XCTAssertGreaterThan(emb.map(abs).max() ?? 0, 0.9 / 32)
        XCTAssertTrue(linear.allSatisfy { abs($0) <= 1 / Float(32).squareRoot() })
        XCTAssertGreaterThan(linear.map(abs).max() ?? 0, 0.9 / Float(32).squareRoot())
    }
}
