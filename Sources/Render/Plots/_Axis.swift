import Foundation

/// Maps data values to pixels along one axis and picks readable tick values ("nice numbers":
/// steps of 1, 2 or 5 × 10ⁿ; powers of ten on log axes).
struct _Axis {
    let low: Double, high: Double
    let pixelLow: Double, pixelHigh: Double
    let logarithmic: Bool

    /// An axis covering `values` (non-finite values, and non-positive ones on log axes, ignored).
    init(values: [Double], pixels: (Double, Double), logarithmic: Bool) {
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        var lo = usable.min() ?? (logarithmic ? 1 : 0), hi = usable.max() ?? (logarithmic ? 10 : 1)
        if logarithmic {
            lo = pow(10, floor(log10(lo))); hi = pow(10, ceil(log10(hi)))
            if lo == hi { hi = lo * 10 }
        } else {
            if lo == hi { lo -= 0.5; hi += 0.5 }
            let step = Self.niceStep((hi - lo) / 5)
            lo = floor(lo / step) * step; hi = ceil(hi / step) * step
        }
        (low, high) = (lo, hi)
        self.logarithmic = logarithmic
        (pixelLow, pixelHigh) = pixels
    }

    func pixel(_ v: Double) -> Double {
        let f = logarithmic ? (log10(v) - log10(low)) / (log10(high) - log10(low)) : (v - low) / (high - low)
        return pixelLow + f * (pixelHigh - pixelLow)
    }

    /// True when `v` can be drawn on this axis.
    func accepts(_ v: Double) -> Bool { v.isFinite && (!logarithmic || v > 0) }

    var ticks: [Double] {
        if logarithmic {
            let a = Int(log10(low).rounded()), b = Int(log10(high).rounded())
            let stride = max(1, (b - a + 7) / 8)
            return Swift.stride(from: a, through: b, by: stride).map { pow(10, Double($0)) }
        }
        let step = Self.niceStep((high - low) / 5)
        return Swift.stride(from: low, through: high + step / 2, by: step).map { abs($0) < step * 1e-9 ? 0 : $0 }
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let f = raw / magnitude
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude
    }
}
