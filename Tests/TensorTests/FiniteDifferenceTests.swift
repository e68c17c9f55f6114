import Tensor
import XCTest

/// Every primitive's gradient rule against central finite differences, first order and (through
/// `createGraph: true`) second order, on smooth compositions where float32 FD is meaningful.
final class FiniteDifferenceTests: XCTestCase {
    func testBroadcastArithmeticGradientsMatchFiniteDifferences() {
        let a = randomTensor([2, 3, 4], seed: 1)
        let b = randomTensor([1, 3, 1], seed: 2)
        let c = Tensor(shape: [2, 1, 4], data: (0..<8).map { 1.5 + Float($0) * 0.1 }, requiresGrad: true)
        let f: ([Tensor]) -> Tensor = { probe(($0[0] + $0[1]) * $0[0] - $0[1] / $0[2] + ($0[0] * 0.5 - 2)) }
        assertGradientsMatchFiniteDifferences([a, b, c], f)
        for wrt in 0..<3 {
            assertGradientsMatchFiniteDifferences([a, b, c]) { secondOrderProbe($0, wrt: wrt, f) }
        }
    }

    func testSqrtExpLogGradientsMatchFiniteDifferencesToSecondOrder() {
        let x = Tensor(shape: [2, 5], data: (0..<10).map { 0.5 + Float($0) * 0.2 }, requiresGrad: true)
        let f: ([Tensor]) -> Tensor = { probe($0[0].squareRoot() + ($0[0] * 0.3).exp() + $0[0].log() * $0[0]) }
        assertGradientsMatchFiniteDifferences([x], f)
        assertGradientsMatchFiniteDifferences([x]) { secondOrderProbe($0, wrt: 0, f) }
    }

    func testReductionsAndBroadcastsMatchFiniteDifferencesToSecondOrder() {
        let x = randomTensor([2, 3, 4, 2], seed: 3)
        let f: ([Tensor]) -> Tensor = {
            let s = $0[0].sum(axes: [1, 3]).expanded(to: [2, 3, 4, 2])
            return probe(s * $0[0] + $0[0].mean(axes: [0]).squared().reshaped([3, 8]).sum(axes: [0]).expanded(to: [2, 8]).reshaped([2, 8]).sum(axes: [0]).reshaped([1, 1, 4, 2]) * $0[0])
        }
        assertGradientsMatchFiniteDifferences([x], f)
        assertGradientsMatchFiniteDifferences([x]) { secondOrderProbe($0, wrt: 0, f) }
    }

    func testMatmulInEveryTransposeMatchesFiniteDifferencesToSecondOrder() {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = randomTensor(ta ? [4, 3] : [3, 4], seed: 4)
            let b = randomTensor(tb ? [5, 4] : [4, 5], seed: 5)
            let f: ([Tensor]) -> Tensor = { probe($0[0].matmul($0[1], transposeSelf: ta, transposeOther: tb).squared()) }
            assertGradientsMatchFiniteDifferences([a, b], f)
            assertGradientsMatchFiniteDifferences([a, b]) { secondOrderProbe($0, wrt: 0, f) }
            assertGradientsMatchFiniteDifferences([a, b]) { secondOrderProbe($0, wrt: 1, f) }
        }
    }

    func testConv3dAndItsGradientOpsMatchFiniteDifferencesToSecondOrder() {
        WinogradAxes.with(.one) { assertConv3dMatchesFiniteDifferencesToSecondOrder() }
    }

    func testConv3dOnTheAVX2PathMatchesFiniteDifferencesToSecondOrder() {
        KernelInstructionSet.withAVX2Only {
            XCTAssertEqual(KernelInstructionSet.current, .avx2)
            WinogradAxes.with(.one) { assertConv3dMatchesFiniteDifferencesToSecondOrder() }
        }
    }

    /// The two-axis Winograd path (which training takes for wide convolutions), forced on this
    /// small one, on both instruction-set paths.
    func testConv3dOnTheTwoAxisWinogradPathMatchesFiniteDifferencesToSecondOrder() {
        WinogradAxes.with(.two) {
            assertConv3dMatchesFiniteDifferencesToSecondOrder()
            KernelInstructionSet.withAVX2Only { assertConv3dMatchesFiniteDifferencesToSecondOrder() }
        }
    }

    private func assertConv3dMatchesFiniteDifferencesToSecondOrder() {
        for padding in [0, 1] {
            let x = randomTensor([1, 2, 4, 5, 4], seed: 6)
            let w = randomTensor([3, 2, 3, 3, 3], seed: 7, scale: 0.3)
            let b = randomTensor([3], seed: 8)
            // Squaring makes the function non-linear in both x and w, so second derivatives pass
            // through the transposed conv and the weight-gradient op.
            let f: ([Tensor]) -> Tensor = { probe($0[0].conv3d(weight: $0[1], bias: $0[2], padding: padding).squared()) }
            assertGradientsMatchFiniteDifferences([x, w, b], f)
            assertGradientsMatchFiniteDifferences([x, w, b]) { secondOrderProbe($0, wrt: 0, f) }
            assertGradientsMatchFiniteDifferences([x, w, b]) { secondOrderProbe($0, wrt: 1, f) }
        }
    }

    func testConvolutionWithAnEvenKernelTakesTheDirectPathAndMatchesFiniteDifferences() {
        // Kernel 2 is not a Winograd case, so this checks the direct forward kernel.
        let x = randomTensor([1, 3, 4, 3, 5], seed: 17)
        let w = randomTensor([2, 3, 2, 2, 2], seed: 18, scale: 0.3)
        let f: ([Tensor]) -> Tensor = { probe($0[0].conv3d(weight: $0[1], padding: 1).squared()) }
        assertGradientsMatchFiniteDifferences([x, w], f)
        assertGradientsMatchFiniteDifferences([x, w]) { secondOrderProbe($0, wrt: 0, f) }
    }

    func testTrainingModeBatchNormMatchesFiniteDifferencesToSecondOrder() {
        let x = randomTensor([1, 3, 3, 2, 4], seed: 9)
        let weight = Tensor(shape: [3], data: [1.1, 0.9, 1.3], requiresGrad: true)
        let bias = Tensor(shape: [3], data: [0.1, -0.2, 0.3], requiresGrad: true)
        let f: ([Tensor]) -> Tensor = { probe($0[0].batchNormalized(weight: $0[1], bias: $0[2]).0.squared()) }
        assertGradientsMatchFiniteDifferences([x, weight, bias], f)
        for wrt in 0..<3 {
            assertGradientsMatchFiniteDifferences([x, weight, bias], tolerance: 2e-2) { secondOrderProbe($0, wrt: wrt, f) }
        }
    }

    func testEvalModeBatchNormMatchesFiniteDifferences() {
        let x = randomTensor([1, 2, 2, 3, 2], seed: 10)
        let weight = Tensor(shape: [2], data: [1.2, 0.7], requiresGrad: true)
        let bias = Tensor(shape: [2], data: [0.3, -0.1], requiresGrad: true)
        let f: ([Tensor]) -> Tensor = {
            probe($0[0].batchNormalized(weight: $0[1], bias: $0[2], runningMean: [0.2, -0.3], runningVariance: [1.5, 0.8]).squared())
        }
        assertGradientsMatchFiniteDifferences([x, weight, bias], f)
        assertGradientsMatchFiniteDifferences([x, weight, bias]) { secondOrderProbe($0, wrt: 1, f) }
    }

    func testPaddingCroppingAndResizingMatchFiniteDifferencesToSecondOrder() {
        let x = randomTensor([1, 2, 3, 4, 5], seed: 11)
        let maps: [(Tensor) -> Tensor] = [
            { $0.replicatePadded(2) },
            { $0.centreCropped(by: 1) },
            { $0.cropped(offset: [0, 1, 2], size: [2, 2, 3]) },
            { $0.resized(to: [5, 3, 7]) },
            { $0.resized(to: [2, 2, 2]) },
            { $0.gridSampledWithZeroPadding(to: [4, 6, 3]) },
        ]
        for map in maps {
            let f: ([Tensor]) -> Tensor = { probe(map($0[0]).squared()) }
            assertGradientsMatchFiniteDifferences([x], f)
            assertGradientsMatchFiniteDifferences([x]) { secondOrderProbe($0, wrt: 0, f) }
        }
    }

    func testLeakyReLUGradientMatchesFiniteDifferencesAwayFromZero() {
        // Elements at least 0.1 from the kink, so a step of 1e-2 never crosses it.
        let x = Tensor(shape: [8], data: [-1.3, -0.4, 0.2, 0.9, -2.0, 1.7, -0.15, 0.35], requiresGrad: true)
        let f: ([Tensor]) -> Tensor = { probe($0[0].leakyReLU(slope: 0.2).squared()) }
        assertGradientsMatchFiniteDifferences([x], f)
        assertGradientsMatchFiniteDifferences([x]) { secondOrderProbe($0, wrt: 0, f) }
    }

    func testEmbeddingLogSoftmaxAndNLLMatchFiniteDifferencesToSecondOrder() {
        let embedding = randomTensor([5, 3], seed: 12)
        let weight = randomTensor([5, 3], seed: 13)
        let bias = randomTensor([5], seed: 14)
        let f: ([Tensor]) -> Tensor = {
            $0[0].gatheringRows([1, 3, 1, 4]).linear(weight: $0[1], bias: $0[2]).logSoftmax()
                .negativeLogLikelihood(targets: [[0, 2], [4, 4], [1, 3], [2, 0]])
        }
        assertGradientsMatchFiniteDifferences([embedding, weight, bias], f)
        assertGradientsMatchFiniteDifferences([embedding, weight, bias]) { secondOrderProbe($0, wrt: 0, f) }
        assertGradientsMatchFiniteDifferences([embedding, weight, bias]) { secondOrderProbe($0, wrt: 1, f) }
    }

    func testMeanSquaredErrorMatchesFiniteDifferences() {
        let a = randomTensor([2, 6], seed: 15)
        let b = randomTensor([2, 6], seed: 16)
        assertGradientsMatchFiniteDifferences([a, b]) { $0[0].meanSquaredError($0[1]) }
    }
}
