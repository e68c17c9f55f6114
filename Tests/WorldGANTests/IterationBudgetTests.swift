import Foundation
import Tensor
import WorldGAN
import XCTest

/// The quick preset's time budget on inputs smaller than the one it was timed on.
final class IterationBudgetTests: XCTestCase {
    private let demoShapes = [[12, 8, 12], [24, 8, 24], [36, 12, 36], [48, 17, 48]]
    private let towerShapes = [[8, 8, 8], [8, 15, 8], [11, 22, 11], [15, 30, 15]]

    func testSmallerScalesGetMoreIterationsUpToTheCapAndTheCoarsestKeepsItsCount() {
        let budget = IterationBudget(referenceVoxels: [1152, 4608, 15552, 39168], maximumFactor: 4, firstFittedScale: 1)
        XCTAssertEqual(budget.iterations([500, 300, 110, 50], shapes: demoShapes), [500, 300, 110, 50], "the reference itself")
        XCTAssertEqual(budget.iterations([500, 300, 110, 50], shapes: towerShapes), [500, 1200, 440, 200])
        // 2× fewer voxels at the finest: 2× the iterations; larger inputs never get fewer.
        XCTAssertEqual(budget.iterations([500, 300, 110, 50], shapes: [[12, 8, 12], [24, 8, 24], [36, 12, 36], [48, 17, 24]]),
                       [500, 300, 110, 100])
        XCTAssertEqual(budget.iterations([500, 300, 110, 50], shapes: [[24, 8, 24], [48, 8, 48], [72, 12, 72], [96, 17, 96]]),
                       [500, 300, 110, 50])
        // A pyramid with more scales than the reference repeats the last entries.
        XCTAssertEqual(budget.iterations([500, 50], shapes: [[8, 8, 8], [8, 8, 8], [8, 8, 8], [8, 8, 8], [8, 8, 8]]),
                       [500, 200, 200, 200, 200])
    }

    func testTheTrainerFitsTheQuickPresetOnceAndRunJSONKeepsTheFittedCounts() throws {
        var rng = SeededGenerator(seed: 1)
        let real = Tensor.randomNormal([1, 3, 15, 30, 15], using: &rng)
        let trainer = try PyramidTrainer(real: real, config: .quick)
        XCTAssertEqual(trainer.scales.shapes, towerShapes)
        XCTAssertEqual(trainer.config.iterationsPerScale, [500, 1200, 440, 200])
        XCTAssertNil(trainer.config.iterationBudget)
        XCTAssertEqual(trainer.totalIterations, 2340)
        // What run.json holds reads back to the same counts, and fitting it again changes nothing.
        let saved = try JSONDecoder().decode(TrainingConfig.self, from: JSONEncoder().encode(trainer.config))
        XCTAssertEqual(saved, trainer.config)
        XCTAssertEqual(try PyramidTrainer(real: real, config: saved).config, trainer.config)
        // The learning-rate milestones move with each scale's count (0.4 and 0.625 of it).
        XCTAssertEqual(trainer.config.learningRate(at: 79, scale: 3), 5e-4)
        XCTAssertEqual(trainer.config.learningRate(at: 80, scale: 3), 5e-5, accuracy: 1e-9)
        // Without a budget (the paper preset, or iterations given by hand) nothing is fitted.
        XCTAssertEqual(TrainingConfig.paper.fitted(toScaleShapes: towerShapes), .paper)
    }
}
