import Foundation

extension EvaluationReport {
    /// A plain-text table: one row per sample, a mean row, then the diversity lines.
    ///
    /// ```
    /// real: input.schem (51×10×64), ε = 1e-07
    /// sample          size       TPKL-5   TPKL-10  hist-χ²
    /// sample_0.schem  51×10×64   0.8123   2.4410   0.0132
    /// mean                       0.8123   2.4410   0.0132
    /// diversity: Hamming 0.3120 (45 pairs), Levenshtein 0.2871 (45 pairs)
    /// ```
    public func table() -> String {
        let header = ["sample", "size"] + patternSizes.map { "TPKL-\($0)" } + ["hist-χ²"]
        var rows = samples.map { s in
            [s.name, s.size.description]
                + patternSizes.map { k in Self.format(s.tilePatternKL.first { $0.patternSize == k }?.value) }
                + [Self.format(s.histogramChiSquared)]
        }
        rows.append(["mean", ""] + meanTilePatternKL.map { Self.format($0.value) } + [Self.format(meanHistogramChiSquared)])
        let widths = header.indices.map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, text in
                c + 1 == cells.count ? text : text.padding(toLength: widths[c] + 2, withPad: " ", startingAt: 0)
            }.joined()
        }
        let tokens = propertiesIgnored ? ", blocks compared by name only" : ""
        var out = ["real: \(real) (\(realSize)), ε = \(epsilon)\(tokens)", line(header)]
        out += rows.map(line)
        out.append("diversity: Hamming \(Self.describe(hamming)), Levenshtein \(Self.describe(levenshtein))")
        return out.joined(separator: "\n")
    }

    static func format(_ v: Double?) -> String {
        guard let v else { return "-" }
        return String(format: "%.4f", v)
    }

    static func describe(_ m: PairMean?) -> String {
        guard let m else { return "n/a" }
        return "\(format(m.mean)) (\(m.pairs) pair\(m.pairs == 1 ? "" : "s"))"
    }
}
