import Foundation

/// Tile-pattern KL divergence (TOAD-GAN / World-GAN), computed between the real volume and a
/// sample over the union of both pattern sets — not over the generated patterns only, which is
/// the original's bug (research/worldgan.md §5).
///
/// With pattern counts c (real) and d (sample), totals N and M, and ε = 1e-7, each pattern's
/// smoothed probabilities are
/// `p = (c + ε) / ((N + ε)(1 + ε))` and `q = (d + ε) / ((M + ε)(1 + ε))`,
/// and the result is `w·Σ p·ln(p/q) + (1 − w)·Σ q·ln(q/p)` with `w = 0.5` (natural log).
/// Identical volumes give 0.
///
/// ```swift
/// let real = try PatternCounts(realTokens, patternSize: 10)
/// let kl = TilePatternKL().divergence(real: real, sample: try PatternCounts(sampleTokens, patternSize: 10))
/// ```
/// - Complexity: O(distinct patterns of both).
public struct TilePatternKL: Sendable {
    public var epsilon: Double
    /// Weight of KL(P‖Q); 1 − weight goes to KL(Q‖P).
    public var weight: Double

    public init(epsilon: Double = 1e-7, weight: Double = 0.5) {
        self.epsilon = epsilon
        self.weight = weight
    }

    /// The divergence between two pattern counts of the same pattern size.
    public func divergence(real: PatternCounts, sample: PatternCounts) -> Double {
        precondition(real.patternSize == sample.patternSize,
                     "TilePatternKL: pattern sizes \(real.patternSize) and \(sample.patternSize) differ")
        let eps = epsilon
        let realNorm = (Double(real.total) + eps) * (1 + eps)
        let sampleNorm = (Double(sample.total) + eps) * (1 + eps)
        var forward = 0.0, backward = 0.0
        real.forEachInUnion(with: sample) { c, d in
            let p = (Double(c) + eps) / realNorm
            let q = (Double(d) + eps) / sampleNorm
            let logRatio = log(p / q)
            forward += p * logRatio
            backward -= q * logRatio
        }
        return weight * forward + (1 - weight) * backward
    }

    /// The divergence between two volumes for one pattern size.
    /// - Throws: `MetricsError.volumeSmallerThanPattern` naming the volume that is too small.
    public func divergence(real: TokenVolume, sample: TokenVolume, patternSize: Int) throws -> Double {
        divergence(real: try PatternCounts(real, patternSize: patternSize),
                   sample: try PatternCounts(sample, patternSize: patternSize))
    }
}
