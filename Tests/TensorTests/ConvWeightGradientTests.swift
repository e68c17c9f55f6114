import Tensor
import XCTest

/// The 3×3×3 weight gradient (Winograd F(4,3) along the scratch's stride-1 axis) against the
/// defining sum `dw[o,c,t] = Σ_n Σ_y g[n,o,y] · x[n,c,y+t-p]`, evaluated in Double.
final class ConvWeightGradientTests: XCTestCase {
    override func invokeTest() { WinogradAxes.with(.one) { super.invokeTest() } }

    private func assertWeightGradientMatchesReference(input: [Int], outChannels: Int, padding: Int, seed: UInt64,
                                                      file: StaticString = #filePath, line: UInt = #line) {
        let x = randomTensor(input, seed: seed, requiresGrad: false)
        let w = randomTensor([outChannels, input[1], 3, 3, 3], seed: seed + 1)
        let y = x.conv3d(weight: w, padding: padding)
        let g = randomTensor(y.shape, seed: seed + 2, requiresGrad: false)
        let dw = Gradients.of(y, wrt: [w], seed: g)[0]
        let expected = ConvReference.weightGradient(x: x, g: g, padding: padding)
        let scale = expected.map(abs).max() ?? 1
        for (index, (actual, reference)) in zip(dw.data, expected).enumerated() {
            XCTAssertEqual(Double(actual), reference, accuracy: 1e-5 * max(scale, 1),
                           "dw[\(index)] for input \(input), Cout \(outChannels), padding \(padding)", file: file, line: line)
        }
    }

    func testWeightGradientMatchesTheDefiningSumWhenTheLastAxisIsLongestAndOdd() {
        assertWeightGradientMatchesReference(input: [1, 3, 5, 4, 9], outChannels: 4, padding: 1, seed: 60)
        assertWeightGradientMatchesReference(input: [1, 3, 5, 4, 9], outChannels: 4, padding: 0, seed: 63)
    }

    func testWeightGradientMatchesTheDefiningSumWhenAMiddleAxisIsLongest() {
        // The scratch volume permutes this axis innermost: the quad split runs along H.
        assertWeightGradientMatchesReference(input: [1, 2, 6, 11, 4], outChannels: 5, padding: 0, seed: 66)
        assertWeightGradientMatchesReference(input: [1, 2, 6, 10, 5], outChannels: 5, padding: 1, seed: 69)
    }

    func testWeightGradientOfASingleOutputChannelSumsOverTheBatch() {
        // The critic's tail: one output channel (a partial register block), batch of two.
        assertWeightGradientMatchesReference(input: [2, 7, 5, 6, 8], outChannels: 1, padding: 0, seed: 72)
    }
}
