import Anvil

/// `worldgan eval` in one call: per sample, tile-pattern KL against the real volume, the
/// block-histogram χ² and the structure measures (``StructureMeasures``); diversity among the
/// samples; and optionally the same summary for a reference set of samples of the same input.
///
/// ```swift
/// let report = try Evaluation(patternSizes: [5, 10]).run(
///     real: (name: "input.schem", volume: real),
///     samples: files.map { (name: $0.lastPathComponent, volume: try loadSchematic($0)) })
/// print(asJSON ? try report.jsonString() : report.table())
/// ```
/// - Throws: `MetricsError.noSamples`, `.invalidPatternSize`, `.volumeSmallerThanPattern` (naming
///   the too-small volume), `.paletteIndexOutOfRange` (naming the damaged volume).
/// - Complexity: O(voxels · samples) for KL, χ² and the structure measures;
///   O(samples² · voxels²/64) for Levenshtein; all spread over the cores.
public struct Evaluation: Sendable {
    /// Cube edge lengths of the tile patterns (the paper: 5 and 10).
    public var patternSizes: [Int]
    public var kl: TilePatternKL
    /// Levenshtein is the slowest part; turn it off for very large samples.
    public var includeLevenshtein: Bool
    /// Which properties decide that two voxels hold the same block (default: canonical states,
    /// neighbour-derived properties set aside, as training sees them).
    public var comparison: BlockComparison

    public init(patternSizes: [Int] = [5, 10], kl: TilePatternKL = TilePatternKL(), includeLevenshtein: Bool = true,
                comparison: BlockComparison = .canonical) {
        self.patternSizes = patternSizes
        self.kl = kl
        self.includeLevenshtein = includeLevenshtein
        self.comparison = comparison
    }

    /// - Parameter reference: another set of samples of the same input (e.g. another tool's run),
    ///   summarised in ``EvaluationReport/reference`` under `referenceLabel`.
    public func run(real: (name: String, volume: BlockVolume), samples: [(name: String, volume: BlockVolume)],
                    reference: [(name: String, volume: BlockVolume)] = [],
                    referenceLabel: String = "reference") throws -> EvaluationReport {
        guard !samples.isEmpty else { throw MetricsError.noSamples }
        if let bad = patternSizes.first(where: { $0 < 1 }) { throw MetricsError.invalidPatternSize(bad) }
        var vocabulary = SharedVocabulary(comparison: comparison)
        let realTokens = try vocabulary.encode(real.volume, name: real.name)
        let sampleTokens = try samples.map { try vocabulary.encode($0.volume, name: $0.name) }
        let referenceTokens = try reference.map { try vocabulary.encode($0.volume, name: $0.name) }
        let measures = StructureMeasures(roles: vocabulary.states.map(BlockRole.init))
        var report = try run(real: realTokens, samples: sampleTokens, measures: measures,
                             names: vocabulary.states.map(\.token))
        if !referenceTokens.isEmpty {
            let other = try run(real: realTokens, samples: referenceTokens, measures: measures,
                                names: vocabulary.states.map(\.token))
            report.reference = EvaluationReport.summarise(other.samples, label: referenceLabel, sizes: patternSizes,
                                                          hamming: other.hamming, nonAirHamming: other.nonAirHamming)
        }
        return report
    }

    /// The same on volumes already encoded over one `SharedVocabulary` (built with this
    /// evaluation's ``comparison``); `measures.roles` and `names` are indexed by its ids.
    public func run(real: TokenVolume, samples: [TokenVolume], measures: StructureMeasures,
                    names: [String]) throws -> EvaluationReport {
        guard !samples.isEmpty else { throw MetricsError.noSamples }
        let realCounts = try patternSizes.map { try PatternCounts(real, patternSize: $0) }
        let kl = self.kl, sizes = patternSizes
        let scores = try _Parallel.map(samples.count) { i -> SampleScores in
            let sample = samples[i]
            let divergences = try zip(sizes, realCounts).map { k, realCount in
                PatternScore(patternSize: k, value: kl.divergence(real: realCount, sample: try PatternCounts(sample, patternSize: k)))
            }
            let inflation = measures.rareBlockInflation(real: real, sample: sample)
            return SampleScores(
                name: sample.name, size: sample.size, tilePatternKL: divergences,
                histogramChiSquared: BlockHistogram.chiSquaredDistance(real, sample),
                layerHistogramDistance: measures.layerHistogramDistance(real: real, sample: sample),
                solidProfileError: measures.solidProfileError(real: real, sample: sample),
                rareBlockInflation: inflation.ratio,
                mostInflatedBlock: Int(inflation.token) < names.count ? names[Int(inflation.token)] : "#\(inflation.token)",
                floatingFraction: measures.floatingFraction(sample),
                equalToReal: Diversity.normalizedHamming(real, sample).map { 1 - $0 })
        }
        let pairs = Diversity.pairs(samples.count).filter { samples[$0.0].size == samples[$0.1].size }
        let nonAir = _Parallel.map(pairs.count) { measures.nonAirHamming(samples[pairs[$0].0], samples[pairs[$0].1]) ?? 0 }
        return EvaluationReport(
            real: real.name, realSize: real.size, patternSizes: patternSizes, epsilon: kl.epsilon,
            comparison: comparison, realFloatingFraction: measures.floatingFraction(real), samples: scores,
            hamming: Diversity.meanHamming(samples), nonAirHamming: PairMean(nonAir),
            levenshtein: includeLevenshtein ? Diversity.meanLevenshtein(samples) : nil, reference: nil)
    }
}
