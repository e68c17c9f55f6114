import WorldGAN
import XCTest

final class PerScaleIterationsTests: XCTestCase {
    func testScalesRunTheirOwnIterationCountsAndMilestonesMoveInProportion() throws {
        var config = TrainingConfig()
        config.iterations = 100
        config.learningRateMilestones = [40, 60]
        config.iterationsPerScale = [400, 200]
        try config.validate()
        XCTAssertEqual(config.iterations(atScale: 0), 400)
        XCTAssertEqual(config.iterations(atScale: 1), 200)
        XCTAssertEqual(config.iterations(atScale: 3), 200, "a short list repeats its last entry")
        // Scale 0 runs 4× the reference iterations: the milestones move to 160 and 240.
        XCTAssertEqual(config.learningRate(at: 159, scale: 0), config.learningRate)
        XCTAssertEqual(config.learningRate(at: 160, scale: 0), config.learningRate * 0.1, accuracy: 1e-12)
        XCTAssertEqual(config.learningRate(at: 240, scale: 0), config.learningRate * 0.01, accuracy: 1e-12)
        XCTAssertEqual(config.learningRate(at: 80, scale: 1), config.learningRate * 0.1, accuracy: 1e-12)
        config.iterationsPerScale = nil
        XCTAssertEqual(config.iterations(atScale: 2), 100)
        XCTAssertEqual(config.learningRate(at: 40, scale: 2), config.learningRate * 0.1, accuracy: 1e-12)
        config.iterationsPerScale = [3, 0]
        XCTAssertThrowsError(try config.validate())
    }
}
