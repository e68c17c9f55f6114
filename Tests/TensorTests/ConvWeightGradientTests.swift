import Tensor
import XCTest

/// The 3×3×3 weight gradient (Winograd F(4,3) along the scratch's stride-1 axis) against the
/// defining sum `dw[o,c,t] = Σ_n Σ_y g[n,o,y] · x[n,c,y+t-p]`, evaluated in Double.
final class ConvWeightGradientTests: XCTestCase {
    private func referenceWeightGradient(x: Tensor, g: Tensor, padding p: Int) -> [Double] {
        let (batch, inC, d, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], x.shape[4])
        let (outC, od, oh, ow) = (g.shape[1], g.shape[2], g.shape[3], g.shape[4])
        var dw = [Double](repeating: 0, count: outC * inC * 27)
        for n in 0..<batch {
            for o in 0..<outC {
                for c in 0..<inC {
                    for t in 0..<27 {
                        let (kd, kh, kw) = (t / 9, t / 3 % 3, t % 3)
                        var sum = 0.0
                        for a in 0..<od {
                            for b in 0..<oh {
                                for e in 0..<ow {
                                    let (i, j, k) = (a + kd - p, b + kh - p, e + kw - p)
                                    guard i >= 0, i < d, j >= 0, j < h, k >= 0, k < w else { continue }
                                    let gv = Double(g.data[(((n * outC + o) * od + a) * oh + b) * ow + e])
                                    sum += gv * Double(x.data[(((n * inC + c) * d + i) * h + j) * w + k])
                                }
                            }
                        }
                        dw[(o * inC + c) * 27 + t] += sum
                    }
                }
            }
        }
        return dw
    }

    private func assertWeightGradientMatchesReference(input: [Int], outChannels: Int, padding: Int, seed: UInt64,
                                                      file: StaticString = #filePath, line: UInt = #line) {
        let x = randomTensor(input, seed: seed, requiresGrad: false)
        let w = randomTensor([outChannels, input[1], 3, 3, 3], seed: seed + 1)
        let y = x.conv3d(weight: w, padding: padding)
        let g = randomTensor(y.shape, seed: seed + 2, requiresGrad: false)
        let dw = Gradients.of(y, wrt: [w], seed: g)[0]
        let expected = referenceWeightGradient(x: x, g: g, padding: padding)
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
