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
}

/// Everything `worldgan eval` prints: per-sample scores, their means, and sample diversity.
/// Encodes to JSON (`jsonString()`) and formats as a text table (`table()`).
public struct EvaluationReport: Sendable, Codable, Equatable {
    public var real: String
    public var realSize: VolumeSize
    public var patternSizes: [Int]
    public var epsilon: Double
    /// True when blocks were compared by name only.
    public var propertiesIgnored: Bool
    public var samples: [SampleScores]
    /// Mean pairwise normalised Hamming distance of equal-size samples; `nil` without such pairs.
    public var hamming: PairMean?
    /// Mean pairwise normalised Levenshtein distance; `nil` with one sample or when turned off.
    public var levenshtein: PairMean?

    /// Mean and variance of the tile-pattern KL over the samples, per pattern size.
    public var meanTilePatternKL: [PatternScore] {
        patternSizes.map { k in
            let values = samples.compactMap { $0.tilePatternKL.first { $0.patternSize == k }?.value }
            return PatternScore(patternSize: k, value: values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count))
        }
    }

    /// Mean block-histogram χ² over the samples.
    public var meanHistogramChiSquared: Double {
        samples.isEmpty ? 0 : samples.map(\.histogramChiSquared).reduce(0, +) / Double(samples.count)
    }

    /// Pretty-printed JSON with sorted keys (stable for diffs and snapshots).
    public func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
