import Foundation
import Tensor
import WorldGAN
import XCTest

final class TrainingConfigTests: XCTestCase {
    func testLearningRateDropsTenfoldAtEachMilestone() {
        let config = TrainingConfig.paper
        XCTAssertEqual(config.learningRate(at: 0), 5e-4)
        XCTAssertEqual(config.learningRate(at: 1599), 5e-4)
        XCTAssertEqual(config.learningRate(at: 1600), 5e-5, accuracy: 1e-10)
        XCTAssertEqual(config.learningRate(at: 2500), 5e-6, accuracy: 1e-11)
    }

    func testPresetsAreNamedValuesAndRoundTripThroughJSON() throws {
        XCTAssertEqual(TrainingConfig.preset(.paper).iterations, 4000)
        XCTAssertEqual(TrainingConfig.preset(.quick), .quick)
        XCTAssertLessThan(TrainingConfig.quick.iterations, TrainingConfig.paper.iterations)
        XCTAssertEqual(TrainingPreset(rawValue: "quick"), .quick)
        let data = try JSONEncoder().encode(TrainingConfig.quick)
        XCTAssertEqual(try JSONDecoder().decode(TrainingConfig.self, from: data), .quick)
    }

    func testInvalidSettingsAreRejectedByName() {
        var config = TrainingConfig()
        config.scaleFactors = [0.5, 0.25, 1]
        XCTAssertThrowsError(try config.validate()) { XCTAssertTrue("\($0)".contains("scale-factors")) }
        config = TrainingConfig()
        config.iterations = 0
        XCTAssertThrowsError(try config.validate()) { XCTAssertTrue("\($0)".contains("iterations")) }
    }

    func testScaleShapesFollowTheFactorsWithEveryAxisClampedToTheMinimum() {
        XCTAssertEqual(ScalePyramid.shapes(for: [48, 17, 48], factors: [0.25, 0.5, 0.75, 1], minimumExtent: 8),
                       [[12, 8, 12], [24, 8, 24], [36, 12, 36], [48, 17, 48]])
        XCTAssertEqual(ScalePyramid.shapes(for: [51, 10, 64], factors: [0.25, 0.5, 0.75, 1], minimumExtent: 8),
                       [[12, 8, 16], [25, 8, 32], [38, 8, 48], [51, 10, 64]])
    }

    func testVolumeSmallerThanTheMinimumIsAClearError() {
        let real = Tensor(zeros: [1, 3, 16, 6, 16])
        XCTAssertThrowsError(try PyramidTrainer(real: real, config: .quick)) {
            XCTAssertEqual($0 as? TrainingError, .volumeTooSmall(size: [16, 6, 16], minimum: 8))
            XCTAssertTrue("\($0)".contains("16×6×16"))
        }
    }

    func testDownsampledRealsKeepTheFinestVolumeUnchanged() throws {
        var rng = SeededGenerator(seed: 3)
        let real = Tensor.randomNormal([1, 2, 16, 9, 12], using: &rng)
        let pyramid = try ScalePyramid(real: real, factors: [0.5, 1], minimumExtent: 8)
        XCTAssertEqual(pyramid.reals.map(\.shape), [[1, 2, 8, 8, 8], [1, 2, 16, 9, 12]])
        XCTAssertEqual(pyramid.reals[1].data, real.data)
        // align_corners = true keeps the corners exactly.
        XCTAssertEqual(pyramid.reals[0].data[0], real.data[0])
    }
}
