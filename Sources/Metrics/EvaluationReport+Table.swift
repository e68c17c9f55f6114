import Foundation

extension EvaluationReport {
    /// A plain-text table: one row per sample, the summary row (and the reference's, if any),
    /// then the diversity lines.
    ///
    /// ```
    /// real: input.schem (51×10×64), ε = 1e-07, floating 0.0000
    /// sample          size      TPKL-5  TPKL-10 hist-χ² layer  profile inflation floating equal
    /// sample_0.schem  51×10×64  0.8123  2.4410  0.0132  0.0712 0.0110  1.40      0.0021   0.4410
    /// samples (4)               0.8123  2.4410  0.0132  0.0712 0.0110  1.40      0.0021   0.4410  Hamming 0.31 non-air 0.52
    /// most inflated: minecraft:poppy ×1.40 (samples)
    /// diversity: Hamming 0.3120 (6 pairs), non-air Hamming 0.5210 (6 pairs), Levenshtein 0.2871 (6 pairs)
    /// ```
    public func table() -> String {
        let header = ["sample", "size"] + patternSizes.map { "TPKL-\($0)" }
            + ["hist-χ²", "layer", "profile", "inflation", "floating", "equal", "Hamming", "non-air H."]
        var rows = samples.map { s in
            [s.name, s.size.description]
                + patternSizes.map { k in Self.format(s.tilePatternKL.first { $0.patternSize == k }?.value) }
                + [Self.format(s.histogramChiSquared), Self.format(s.layerHistogramDistance),
                   Self.format(s.solidProfileError), Self.format(s.rareBlockInflation, digits: 2),
                   Self.format(s.floatingFraction), Self.format(s.equalToReal), "", ""]
        }
        let summaries = [summary] + (reference.map { [$0] } ?? [])
        rows += summaries.map { m in
            ["\(m.label) (\(m.sampleCount))", ""] + m.tilePatternKL.map { Self.format($0.value) }
                + [Self.format(m.histogramChiSquared), Self.format(m.layerHistogramDistance),
                   Self.format(m.solidProfileError), Self.format(m.rareBlockInflation, digits: 2),
                   Self.format(m.floatingFraction), Self.format(m.equalToReal),
                   Self.format(m.hamming?.mean), Self.format(m.nonAirHamming?.mean)]
        }
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                c + 1 == cells.count ? text : text.padding(toLength: widths[c] + 2, withPad: " ", startingAt: 0)
            }.joined().trimmingCharacters(in: .whitespaces)
        }
        let tokens = ", " + comparison.description
        var out = ["real: \(real) (\(realSize)), ε = \(epsilon)\(tokens), floating \(Self.format(realFloatingFraction))",
                   line(header)]
        out += rows.map(line)
        for m in summaries where m.worstInflation > 0 {
            out.append("most inflated (\(m.label)): \(m.worstInflatedBlock) ×\(Self.format(m.worstInflation, digits: 2))")
        }
        out.append("diversity: Hamming \(Self.describe(hamming)), non-air Hamming \(Self.describe(nonAirHamming)), "
                   + "Levenshtein \(Self.describe(levenshtein))")
        return out.joined(separator: "\n")
    }

    static func format(_ v: Double?, digits: Int = 4) -> String {
        guard let v else { return "-" }
        return String(format: "%.\(digits)f", v)
    }

    static func describe(_ m: PairMean?) -> String {
        guard let m else { return "n/a" }
        return "\(format(m.mean)) (\(m.pairs) pair\(m.pairs == 1 ? "" : "s"))"
    }
}
