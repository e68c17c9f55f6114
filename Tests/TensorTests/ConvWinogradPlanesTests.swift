import Tensor
import XCTest

/// The two-axis Winograd path F(4,3) × F(4,3) (forward, input gradient, weight gradient) against
/// the defining sums in Double: with each spatial axis as the directly summed one (the shortest),
/// every padding the convolutions and their input gradients use, partial tiles, rows of more than
/// one 16-tile vector, batches; and its agreement with the one-axis path.
final class ConvWinogradPlanesTests: XCTestCase {
    override func invokeTest() { WinogradAxes.with(.two) { super.invokeTest() } }

    /// Inputs whose shortest output axis is H, D, W (a strided inner axis), and one whose rows hold
    /// 19 tiles (two vectors); 5 output channels (a partial register block).
    private let shapes: [[Int]] = [[1, 3, 11, 5, 9], [1, 3, 4, 13, 10], [1, 2, 9, 10, 3], [1, 2, 3, 6, 75], [2, 3, 7, 4, 6]]

    func testForwardMatchesTheDefiningSumWithEveryAxisDirect() {
        for (i, shape) in shapes.enumerated() {
            for padding in [0, 1, 2] {
                let x = randomTensor(shape, seed: UInt64(100 + i), requiresGrad: false)
                let w = randomTensor([5, shape[1], 3, 3, 3], seed: UInt64(200 + i), requiresGrad: false)
                let error = ConvReference.relativeError(x.conv3d(weight: w, padding: padding).data,
                                                        ConvReference.forward(x: x, w: w, padding: padding))
                XCTAssertLessThan(error, 1e-5, "input \(shape), padding \(padding)")
            }
        }
    }

    func testInputGradientIsTheAdjointOfTheForward() {
        for (i, shape) in shapes.enumerated() {
            let x = randomTensor(shape, seed: UInt64(300 + i))
            let w = randomTensor([4, shape[1], 3, 3, 3], seed: UInt64(400 + i), requiresGrad: false)
            let y = x.conv3d(weight: w, padding: 0)
            let g = randomTensor(y.shape, seed: UInt64(500 + i), requiresGrad: false)
            let dx = Gradients.of(y, wrt: [x], seed: g)[0]
            let forward = ConvReference.forward(x: x, w: w, padding: 0)
            let lhs = zip(forward, g.data).reduce(0.0) { $0 + $1.0 * Double($1.1) }
            let rhs = zip(x.data, dx.data).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            XCTAssertEqual(lhs, rhs, accuracy: 1e-4 * max(abs(lhs), 1), "input \(shape)")
        }
    }

    func testWeightGradientMatchesTheDefiningSumWithEveryAxisDirect() {
        for (i, shape) in shapes.enumerated() {
            for padding in [0, 1] {
                let x = randomTensor(shape, seed: UInt64(600 + i), requiresGrad: false)
                let w = randomTensor([5, shape[1], 3, 3, 3], seed: UInt64(700 + i))
                let y = x.conv3d(weight: w, padding: padding)
                let g = randomTensor(y.shape, seed: UInt64(800 + i), requiresGrad: false)
                let dw = Gradients.of(y, wrt: [w], seed: g)[0]
                let error = ConvReference.relativeError(dw.data, ConvReference.weightGradient(x: x, g: g, padding: padding))
                XCTAssertLessThan(error, 1e-5, "input \(shape), padding \(padding)")
            }
        }
    }

    /// Training's widths: 64 channels in and out. The transforms' larger coefficients cost some
    /// precision; the error stays within what the one-axis path and the parity tolerances allow.
    func testSixtyFourChannelsKeepFloat32Accuracy() {
        let x = randomTensor([1, 64, 14, 6, 14], seed: 900, requiresGrad: false)
        let w = randomTensor([64, 64, 3, 3, 3], seed: 901, scale: 0.05)
        let y = x.conv3d(weight: w, padding: 0)
        XCTAssertLessThan(ConvReference.relativeError(y.data, ConvReference.forward(x: x, w: w, padding: 0)), 1e-5)
        let g = randomTensor(y.shape, seed: 902, requiresGrad: false)
        let dw = Gradients.of(y, wrt: [w], seed: g)[0]
        XCTAssertLessThan(ConvReference.relativeError(dw.data, ConvReference.weightGradient(x: x, g: g, padding: 0)), 1e-5)
    }

    func testTwoAxesAgreeWithOneAxis() {
        let x = randomTensor([1, 6, 10, 7, 13], seed: 910)
        let w = randomTensor([7, 6, 3, 3, 3], seed: 911)
        let g = randomTensor([1, 7, 10, 7, 13], seed: 912, requiresGrad: false)
        let two = Gradients.of(x.conv3d(weight: w, padding: 1), wrt: [x, w], seed: g)
        let one = WinogradAxes.with(.one) { Gradients.of(x.conv3d(weight: w, padding: 1), wrt: [x, w], seed: g) }
        for (a, b) in zip(two, one) {
            let largest = b.data.map(abs).max() ?? 1
            XCTAssertLessThanOrEqual(zip(a.data, b.data).map { abs($0 - $1) }.max() ?? 0, 1e-5 * largest)
        }
    }

    /// Generation computes reconstructions on whichever CPU it runs: the forward's transforms and
    /// products give the same bits on the AVX2 and AVX-512 paths.
    func testForwardIsBitIdenticalOnTheAVX2Path() {
        for (i, shape) in shapes.enumerated() {
            let x = randomTensor(shape, seed: UInt64(920 + i), requiresGrad: false)
            let w = randomTensor([5, shape[1], 3, 3, 3], seed: UInt64(930 + i), requiresGrad: false)
            let fast = x.conv3d(weight: w, padding: 1).data
            let avx2 = KernelInstructionSet.withAVX2Only { x.conv3d(weight: w, padding: 1).data }
            XCTAssertEqual(fast.map(\.bitPattern), avx2.map(\.bitPattern), "input \(shape)")
        }
    }

    /// Packed weights are reused only for identical weights: a weight changed in place between two
    /// convolutions (as an optimiser step does) is packed again.
    func testChangedWeightsAreNeverServedFromTheCache() {
        let x = randomTensor([1, 4, 9, 6, 11], seed: 940, requiresGrad: false)
        let w = randomTensor([3, 4, 3, 3, 3], seed: 941, requiresGrad: false)
        for path in [WinogradAxes.one, .two] {
            WinogradAxes.with(path) {
                _ = x.conv3d(weight: w, padding: 1)
                w.data[17] += 0.5
                let after = x.conv3d(weight: w, padding: 1)
                XCTAssertLessThan(ConvReference.relativeError(after.data, ConvReference.forward(x: x, w: w, padding: 1)), 1e-5,
                                  "\(path)")
            }
        }
    }
}
