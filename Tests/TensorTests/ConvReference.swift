import Tensor

/// The defining sums of the 3×3×3 convolution and its weight gradient, evaluated in Double, for
/// checking every kernel path.
enum ConvReference {
    /// `y[n, o, a, b, e] = Σ_c Σ_t w[o, c, t] · x[n, c, a + kd - p, b + kh - p, e + kw - p]` (zeros outside).
    static func forward(x: Tensor, w: Tensor, padding p: Int) -> [Double] {
        let (batch, inC, d, h, wd) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3], x.shape[4])
        let outC = w.shape[0]
        let (od, oh, ow) = (d + 2 * p - 2, h + 2 * p - 2, wd + 2 * p - 2)
        var y = [Double](repeating: 0, count: batch * outC * od * oh * ow)
        for n in 0..<batch {
            for o in 0..<outC {
                for a in 0..<od {
                    for b in 0..<oh {
                        for e in 0..<ow {
                            var sum = 0.0
                            for c in 0..<inC {
                                for t in 0..<27 {
                                    let (i, j, k) = (a + t / 9 - p, b + t / 3 % 3 - p, e + t % 3 - p)
                                    guard i >= 0, i < d, j >= 0, j < h, k >= 0, k < wd else { continue }
                                    sum += Double(w.data[(o * inC + c) * 27 + t])
                                        * Double(x.data[(((n * inC + c) * d + i) * h + j) * wd + k])
                                }
                            }
                            y[(((n * outC + o) * od + a) * oh + b) * ow + e] = sum
                        }
                    }
                }
            }
        }
        return y
    }

    /// `dw[o, c, t] = Σ_n Σ_y g[n, o, y] · x[n, c, y + t - p]`.
    static func weightGradient(x: Tensor, g: Tensor, padding p: Int) -> [Double] {
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

    /// The largest error of `actual` against `expected`, relative to max(largest |expected|, 1).
    static func relativeError(_ actual: [Float], _ expected: [Double]) -> Double {
        let scale = max(expected.map(abs).max() ?? 1, 1)
        return (zip(actual, expected).map { abs(Double($0) - $1) }.max() ?? 0) / scale
    }
}
