import Tensor
import XCTest

final class AutodiffTests: XCTestCase {
    func testSecondDerivativeOfCubeIsSixX() {
        let x = Tensor(shape: [3], data: [1, 2, -3], requiresGrad: true)
        let first = Gradients.of((x * x * x).sum(), wrt: [x], createGraph: true)[0]
        XCTAssertEqual(first.data, [3, 12, 27])
        let second = Gradients.of(first.sum(), wrt: [x])[0]
        XCTAssertEqual(second.data, [6, 12, -18])
    }

    func testGradientWithoutCreateGraphIsNotTracked() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let first = Gradients.of((x * x).sum(), wrt: [x])[0]
        XCTAssertFalse(first.isTracked)
    }

    func testUnreachedTargetGetsZeroGradient() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let unused = Tensor(shape: [3], data: [1, 2, 3], requiresGrad: true)
        let gradients = Gradients.of((x * 2).sum(), wrt: [x, unused])
        XCTAssertEqual(gradients[0].data, [2, 2])
        XCTAssertEqual(gradients[1].data, [0, 0, 0])
    }

    func testWithoutRecordingBuildsNoGraph() {
        let x = Tensor(shape: [2], data: [1, 2], requiresGrad: true)
        let y = GradMode.withoutRecording { x * x }
        XCTAssertFalse(y.isTracked)
        XCTAssertEqual(y.data, [1, 4])
    }

    func testSeededGeneratorRepeatsItsStreamAndHasUnitVariance() {
        var a = SeededGenerator(seed: 5), b = SeededGenerator(seed: 5)
        let x = Tensor.randomNormal([10_000], using: &a)
        let y = Tensor.randomNormal([10_000], using: &b)
        XCTAssertEqual(x.data, y.data)
        let mean = x.data.reduce(0, +) / 10_000
        let variance = x.data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 10_000
        XCTAssertEqual(mean, 0, accuracy: 0.05)
        XCTAssertEqual(variance, 1, accuracy: 0.05)
        var c = SeededGenerator(seed: 6)
        let u = Tensor.randomUniform([1000], lower: -2, upper: 3, using: &c)
        XCTAssertTrue(u.data.allSatisfy { $0 >= -2 && $0 < 3 })
    }

    func testLearningRateSchedulesFollowTheirFormulas() {
        let steps = LearningRateSchedule.multiStep(base: 5e-4, milestones: [1600, 2500], factor: 0.1)
        XCTAssertEqual(steps.learningRate(at: 1599), 5e-4)
        XCTAssertEqual(steps.learningRate(at: 1600), 5e-5, accuracy: 1e-10)
        XCTAssertEqual(steps.learningRate(at: 2500), 5e-6, accuracy: 1e-10)
        let cosine = LearningRateSchedule.cosine(base: 1, minimum: 0.1, period: 100)
        XCTAssertEqual(cosine.learningRate(at: 0), 1, accuracy: 1e-6)
        XCTAssertEqual(cosine.learningRate(at: 50), 0.55, accuracy: 1e-6)
        XCTAssertEqual(cosine.learningRate(at: 100), 0.1, accuracy: 1e-6)
        XCTAssertEqual(cosine.learningRate(at: 400), 0.1, accuracy: 1e-6)
    }

    func testConvolutionIsDeterministicAcrossRuns() {
        let x = randomTensor([1, 4, 9, 7, 8], seed: 20)
        let w = randomTensor([5, 4, 3, 3, 3], seed: 21)
        let g = randomTensor([1, 5, 7, 5, 6], seed: 22, requiresGrad: false)
        let first = Gradients.of(x.conv3d(weight: w), wrt: [x, w], seed: g)
        let second = Gradients.of(x.conv3d(weight: w), wrt: [x, w], seed: g)
        XCTAssertEqual(first[0].data, second[0].data)
        XCTAssertEqual(first[1].data, second[1].data)
    }
}

final class BatchedConvolutionTests: XCTestCase {
    func testBatchedConvolutionEqualsPerSampleConvolutionsAndSumsWeightGradients() {
        let x = randomTensor([2, 3, 5, 4, 6], seed: 40)
        let w = randomTensor([4, 3, 3, 3, 3], seed: 41)
        let g = randomTensor([2, 4, 5, 4, 6], seed: 42, requiresGrad: false)
        let batched = x.conv3d(weight: w, padding: 1)
        let batchedGradients = Gradients.of(batched, wrt: [x, w], seed: g)
        var weightGradient = [Float](repeating: 0, count: w.count)
        for n in 0..<2 {
            let sample = Tensor(shape: [1, 3, 5, 4, 6], data: Array(x.data[(n * 360)..<((n + 1) * 360)]), requiresGrad: true)
            let seed = Tensor(shape: [1, 4, 5, 4, 6], data: Array(g.data[(n * 480)..<((n + 1) * 480)]))
            let y = sample.conv3d(weight: w, padding: 1)
            let gradients = Gradients.of(y, wrt: [sample, w], seed: seed)
            for (a, b) in zip(y.data, batched.data[(n * 480)..<((n + 1) * 480)]) { XCTAssertEqual(a, b, accuracy: 1e-5) }
            for (a, b) in zip(gradients[0].data, batchedGradients[0].data[(n * 360)..<((n + 1) * 360)]) {
                XCTAssertEqual(a, b, accuracy: 1e-5)
            }
            for i in weightGradient.indices { weightGradient[i] += gradients[1].data[i] }
        }
        for (a, b) in zip(weightGradient, batchedGradients[1].data) { XCTAssertEqual(a, b, accuracy: 1e-4) }
    }
}
