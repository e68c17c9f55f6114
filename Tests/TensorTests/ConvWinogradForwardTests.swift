import Tensor
import XCTest

/// The 3×3×3 forward and input gradient (Winograd F(4,3) along the scratch's stride-1 axis) on
/// lines long enough for whole 16-quad vector blocks plus leftover quads and outputs, against the
/// defining sums evaluated in Double.
final class ConvWinogradForwardTests: XCTestCase {
    override func invokeTest() { WinogradAxes.with(.one) { super.invokeTest() } }

    private func assertClose(_ actual: [Float], _ expected: [Double], _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
        let scale = max(expected.map(abs).max() ?? 1, 1)
        let worst = zip(actual, expected).map { abs(Double($0) - $1) }.max() ?? 0
        XCTAssertLessThan(worst, 1e-5 * scale, "\(what): worst error \(worst) at scale \(scale)", file: file, line: line)
    }

    func testForwardOnLongLinesMatchesTheDefiningSum() {
        // 75 outputs per line: one 16-quad vector block, two whole quads, three leftover outputs.
        let x = randomTensor([1, 3, 3, 2, 75], seed: 80, requiresGrad: false)
        let w = randomTensor([5, 3, 3, 3, 3], seed: 81, requiresGrad: false)
        assertClose(x.conv3d(weight: w, padding: 1).data, ConvReference.forward(x: x, w: w, padding: 1), "padding 1")
        let long = randomTensor([1, 2, 4, 3, 133], seed: 82, requiresGrad: false)
        let w2 = randomTensor([3, 2, 3, 3, 3], seed: 83, requiresGrad: false)
        assertClose(long.conv3d(weight: w2, padding: 0).data, ConvReference.forward(x: long, w: w2, padding: 0), "padding 0")
    }

    func testInputGradientOnLongLinesIsTheAdjointOfTheForward() {
        // dx is the adjoint of the forward: <conv(x), g> = <x, dx>, with conv(x) from the Double reference.
        let x = randomTensor([1, 3, 4, 3, 70], seed: 84)
        let w = randomTensor([4, 3, 3, 3, 3], seed: 85, requiresGrad: false)
        let y = x.conv3d(weight: w, padding: 0)
        let g = randomTensor(y.shape, seed: 86, requiresGrad: false)
        let dx = Gradients.of(y, wrt: [x], seed: g)[0]
        let forward = ConvReference.forward(x: x, w: w, padding: 0)
        let lhs = zip(forward, g.data).reduce(0.0) { $0 + $1.0 * Double($1.1) }
        let rhs = zip(x.data, dx.data).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        XCTAssertEqual(lhs, rhs, accuracy: 1e-4 * max(abs(lhs), 1))
    }
}
