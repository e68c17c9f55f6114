import Anvil

/// `worldgan eval` in one call: tile-pattern KL of every sample against the real volume, the
/// block-histogram χ² of each, and the diversity among the samples.
///
/// ```swift
/// let report = try Evaluation(patternSizes: [5, 10]).run(
///     real: (name: "input.schem", volume: real),
///     samples: files.map { (name: $0.lastPathComponent, volume: try loadSchematic($0)) })
/// print(asJSON ? try report.jsonString() : report.table())
/// ```
/// - Throws: `MetricsError.noSamples`, `.invalidPatternSize`, `.volumeSmallerThanPattern` (naming
///   the too-small volume), `.paletteIndexOutOfRange` (naming the damaged volume).
/// - Complexity: O(voxels · samples) for KL and χ²; O(samples² · voxels²/64) for Levenshtein;
///   all spread over the cores.
public struct Evaluation: Sendable {
    /// Cube edge lengths of the tile patterns (the paper: 5 and 10).
    public var patternSizes: [Int]
    public var kl: TilePatternKL
    /// Levenshtein is the slowest part; turn it off for very large samples.
    public var includeLevenshtein: Bool
    /// Compare blocks by name only, dropping properties (`--tokens name`).
    public var ignoreProperties: Bool

    public init(patternSizes: [Int] = [5, 10], kl: TilePatternKL = TilePatternKL(), includeLevenshtein: Bool = true,
                ignoreProperties: Bool = false) {
        self.patternSizes = patternSizes
        self.kl = kl
        self.includeLevenshtein = includeLevenshtein
        self.ignoreProperties = ignoreProperties
    }

    public func run(real: (name: String, volume: BlockVolume),
                    samples: [(name: String, volume: BlockVolume)]) throws -> EvaluationReport {
        guard !samples.isEmpty else { throw MetricsError.noSamples }
        if let bad = patternSizes.first(where: { $0 < 1 }) { throw MetricsError.invalidPatternSize(bad) }
        var vocabulary = SharedVocabulary(ignoringProperties: ignoreProperties)
        let realTokens = try vocabulary.encode(real.volume, name: real.name)
        let sampleTokens = try samples.map { try vocabulary.encode($0.volume, name: $0.name) }
        return try run(real: realTokens, samples: sampleTokens)
    }

    /// The same on volumes already encoded over one `SharedVocabulary`.
    public func run(real: TokenVolume, samples: [TokenVolume]) throws -> EvaluationReport {
        guard !samples.isEmpty else { throw MetricsError.noSamples }
        let realCounts = try patternSizes.map { try PatternCounts(real, patternSize: $0) }
        let kl = self.kl, sizes = patternSizes
        let scores = try _Parallel.map(samples.count) { i -> SampleScores in
            let sample = samples[i]
            let divergences = try zip(sizes, realCounts).map { k, realCount in
                PatternScore(patternSize: k, value: kl.divergence(real: realCount, sample: try PatternCounts(sample, patternSize: k)))
            }
            return SampleScores(name: sample.name, size: sample.size, tilePatternKL: divergences,
                                histogramChiSquared: BlockHistogram.chiSquaredDistance(real, sample))
        }
        return EvaluationReport(
            real: real.name, realSize: real.size, patternSizes: patternSizes, epsilon: kl.epsilon,
            propertiesIgnored: ignoreProperties, samples: scores,
            hamming: Diversity.meanHamming(samples),
            levenshtein: includeLevenshtein ? Diversity.meanLevenshtein(samples) : nil)
    }
}
