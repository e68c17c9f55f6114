/// How often each k×k×k tile pattern occurs in a volume (stride-1 sliding window, as World-GAN's
/// `quantitative_experiments.py` takes them), keyed by a 61-bit polynomial hash of the window
/// instead of the original's string of the flattened slice.
///
/// ```swift
/// let counts = try PatternCounts(real, patternSize: 5)
/// counts.total      // (X−4)·(Y−4)·(Z−4) windows
/// counts.distinct   // number of different patterns
/// ```
/// - Complexity: O(voxels + windows · log windows).
public struct PatternCounts: Sendable {
    public let patternSize: Int
    /// Number of windows, N in the smoothing formula.
    public let total: Int
    /// Pattern hashes, ascending, each once.
    let hashes: [UInt64]
    /// Occurrences of `hashes[i]`.
    let counts: [Int]

    /// Counts the patterns of `volume`.
    /// - Throws: `MetricsError.invalidPatternSize` for k < 1, `.volumeSmallerThanPattern` when an
    ///   axis is shorter than k.
    public init(_ volume: TokenVolume, patternSize k: Int) throws {
        guard k >= 1 else { throw MetricsError.invalidPatternSize(k) }
        let s = volume.size
        guard s.x >= k, s.y >= k, s.z >= k else {
            throw MetricsError.volumeSmallerThanPattern(volume: volume.name, size: s, patternSize: k)
        }
        var windows = _WindowHash.windows(of: volume, k: k)
        windows.sort()
        var hashes: [UInt64] = [], counts: [Int] = []
        for h in windows {
            if hashes.last == h { counts[counts.count - 1] += 1 } else { hashes.append(h); counts.append(1) }
        }
        patternSize = k
        total = windows.count
        self.hashes = hashes
        self.counts = counts
    }

    /// Number of different patterns.
    public var distinct: Int { hashes.count }

    /// Walks the union of both pattern sets in hash order, giving each pattern's two counts.
    func forEachInUnion(with other: PatternCounts, _ body: (Int, Int) -> Void) {
        var i = 0, j = 0
        while i < hashes.count || j < other.hashes.count {
            if j == other.hashes.count || (i < hashes.count && hashes[i] < other.hashes[j]) {
                body(counts[i], 0); i += 1
            } else if i == hashes.count || other.hashes[j] < hashes[i] {
                body(0, other.counts[j]); j += 1
            } else {
                body(counts[i], other.counts[j]); i += 1; j += 1
            }
        }
    }
}
