import Foundation

/// One metric value for one pattern size.
public struct PatternScore: Sendable, Codable, Equatable {
    public var patternSize: Int
    public var value: Double
}

/// A sample's scores against the real volume.
public struct SampleScores: Sendable, Codable, Equatable {
    public var name: String
    public var size: VolumeSize
    /// Symmetric tile-pattern KL per pattern size (lower = closer to the real patterns).
    public var tilePatternKL: [PatternScore]
    /// Block-histogram χ² distance to the real volume, 0…1.
    public var histogramChiSquared: Double
    /// Mean over layers of the total variation between the layers' block histograms, 0…1.
    public var layerHistogramDistance: Double
    /// Mean over layers of |non-air fraction of real − of sample|, 0…1.
    public var solidProfileError: Double
    /// The largest `sample count / max(real count, 10)` over block states, and that state.
    public var rareBlockInflation: Double
    public var mostInflatedBlock: String
    /// Share of non-air voxels that float (see ``StructureMeasures``).
    public var floatingFraction: Double
    /// Fraction of voxels equal to the real volume's (`nil` for another size).
    public var equalToReal: Double?
}

/// The means of every measure over a set of samples (one row of the summary table).
public struct EvaluationSummary: Sendable, Codable, Equatable {
    /// What the row is ("samples", or the reference's folder).
    public var label: String
    public var sampleCount: Int
    public var tilePatternKL: [PatternScore]
    public var histogramChiSquared: Double
    public var layerHistogramDistance: Double
    public var solidProfileError: Double
    /// Mean over samples of each sample's largest inflation, and the largest of all with its block.
    public var rareBlockInflation: Double
    public var worstInflation: Double
    public var worstInflatedBlock: String
    public var floatingFraction: Double
    public var equalToReal: Double?
    /// Mean pairwise normalised Hamming distance, over all voxels and over non-air voxels only.
    public var hamming: PairMean?
    public var nonAirHamming: PairMean?
}

/// Everything `worldgan eval` prints: per-sample scores, their means, and sample diversity.
/// Encodes to JSON (`jsonString()`) and formats as a text table (`table()`).
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var real: String
    public var realSize: VolumeSize
    public var patternSizes: [Int]
    public var epsilon: Double
    /// Which properties decided that two voxels hold the same block.
    public var comparison: BlockComparison
    /// The real volume's own floating share (what a sample should match, not 0).
    public var realFloatingFraction: Double
    public var samples: [SampleScores]
    /// Mean pairwise normalised Hamming distance of equal-size samples; `nil` without such pairs.
    public var hamming: PairMean?
    /// The same counted only where one of the two voxels is not air.
    public var nonAirHamming: PairMean?
    /// Mean pairwise normalised Levenshtein distance; `nil` with one sample or when turned off.
    public var levenshtein: PairMean?
    /// Another set of samples of the same input (`eval --reference DIR`), summarised.
    public var reference: EvaluationSummary?

    /// Mean of the tile-pattern KL over the samples, per pattern size.
    public var meanTilePatternKL: [PatternScore] { Self.meanKL(samples, sizes: patternSizes) }

    /// Mean block-histogram χ² over the samples.
    public var meanHistogramChiSquared: Double { Self.mean(samples.map(\.histogramChiSquared)) }

    /// This report's samples as one summary row.
    public var summary: EvaluationSummary {
        Self.summarise(samples, label: "samples", sizes: patternSizes, hamming: hamming, nonAirHamming: nonAirHamming)
    }

    static func summarise(_ samples: [SampleScores], label: String, sizes: [Int], hamming: PairMean?,
                          nonAirHamming: PairMean?) -> EvaluationSummary {
        let worst = samples.max { $0.rareBlockInflation < $1.rareBlockInflation }
        let equal = samples.compactMap(\.equalToReal)
        return EvaluationSummary(
            label: label, sampleCount: samples.count, tilePatternKL: meanKL(samples, sizes: sizes),
            histogramChiSquared: mean(samples.map(\.histogramChiSquared)),
            layerHistogramDistance: mean(samples.map(\.layerHistogramDistance)),
            solidProfileError: mean(samples.map(\.solidProfileError)),
            rareBlockInflation: mean(samples.map(\.rareBlockInflation)),
            worstInflation: worst?.rareBlockInflation ?? 0, worstInflatedBlock: worst?.mostInflatedBlock ?? "",
            floatingFraction: mean(samples.map(\.floatingFraction)),
            equalToReal: equal.isEmpty ? nil : mean(equal), hamming: hamming, nonAirHamming: nonAirHamming)
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    static func meanKL(_ samples: [SampleScores], sizes: [Int]) -> [PatternScore] {
        sizes.map { k in
            PatternScore(patternSize: k, value: mean(samples.compactMap { $0.tilePatternKL.first { $0.patternSize == k }?.value }))
        }
    }

    /// Pretty-printed JSON with sorted keys (stable for diffs and snapshots).
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
