/// How different generated samples are from each other (the real volume is not involved).
///
/// - Hamming: the fraction of voxels that differ, for two samples of the same size.
/// - Levenshtein: edit distance between the flattened token sequences (x, y, z storage order, as
///   the paper flattens them), divided by the longer length.
///
/// Both are averaged over unordered pairs of distinct samples. (World-GAN averaged over ordered
/// pairs including each sample with itself, which adds zeros; we leave those out.)
///
/// ```swift
/// Diversity.normalizedHamming(a, b)   // 0.25 when a quarter of the voxels differ; nil if sizes differ
/// Diversity.meanLevenshtein([a, b, c])
/// ```
public enum Diversity {
    /// Fraction of voxels whose tokens differ; `nil` when the sizes differ.
    public static func normalizedHamming(_ a: TokenVolume, _ b: TokenVolume) -> Double? {
        guard a.size == b.size else { return nil }
        guard !a.tokens.isEmpty else { return 0 }
        var differing = 0
        for i in 0..<a.tokens.count where a.tokens[i] != b.tokens[i] { differing += 1 }
        return Double(differing) / Double(a.tokens.count)
    }

    /// Edit distance of the flattened sequences divided by the longer length (0 for two empties).
    /// - Complexity: O(n · ⌈m / 64⌉), see `EditDistance`.
    public static func normalizedLevenshtein(_ a: TokenVolume, _ b: TokenVolume) -> Double {
        let longer = max(a.tokens.count, b.tokens.count)
        return longer == 0 ? 0 : Double(EditDistance.levenshtein(a.tokens, b.tokens)) / Double(longer)
    }

    /// Mean normalised Hamming distance over pairs of equal-size samples, with the pair count;
    /// `nil` when no two samples have the same size.
    public static func meanHamming(_ samples: [TokenVolume]) -> PairMean? {
        let pairs = self.pairs(samples.count).filter { samples[$0.0].size == samples[$0.1].size }
        let values = _Parallel.map(pairs.count) { normalizedHamming(samples[pairs[$0].0], samples[pairs[$0].1]) ?? 0 }
        return PairMean(values)
    }

    /// Mean normalised Levenshtein distance over all pairs, on all cores; `nil` for fewer than two samples.
    public static func meanLevenshtein(_ samples: [TokenVolume]) -> PairMean? {
        let pairs = self.pairs(samples.count)
        let values = _Parallel.map(pairs.count) { normalizedLevenshtein(samples[pairs[$0].0], samples[pairs[$0].1]) }
        return PairMean(values)
    }

    /// Unordered pairs (i < j) of `0..<n`.
    static func pairs(_ n: Int) -> [(Int, Int)] {
        (0..<n).flatMap { i in ((i + 1)..<max(i + 1, n)).map { (i, $0) } }
    }
}

/// A mean over sample pairs, with its variance and how many pairs it covers.
public struct PairMean: Sendable, Codable, Equatable {
    public var mean: Double
    public var variance: Double
    public var pairs: Int

    /// `nil` for no values.
    init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        pairs = values.count
    }
}
