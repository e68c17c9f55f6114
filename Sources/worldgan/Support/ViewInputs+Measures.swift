import Anvil
import Foundation
import Metrics
import Render

extension ViewInputs {
    /// `worldgan eval`'s scores (tile-pattern KL at k = 5 and 10, where the volumes are that
    /// large, and the block-histogram χ²) on each sample, and the samples' diversity.
    static func addMeasures(to page: inout ViewPage) throws {
        guard let inputIndex = page.entries.firstIndex(where: { $0.role == .input }) else { return }
        let sampleIndices = page.entries.indices.filter { $0 != inputIndex }
        guard !sampleIndices.isEmpty else { return }
        let volumes = page.entries.map(\.volume)
        let smallest = volumes.map { min($0.sizeX, $0.sizeY, $0.sizeZ) }.min() ?? 0
        let evaluation = Evaluation(patternSizes: [5, 10].filter { $0 <= smallest },
                                    includeLevenshtein: volumes.allSatisfy { $0.count <= levenshteinLimit })
        let input = page.entries[inputIndex]
        let report = try evaluation.run(real: (name: input.name, volume: input.volume),
                                        samples: sampleIndices.map { (name: page.entries[$0].name, volume: page.entries[$0].volume) })
        for (i, scores) in zip(sampleIndices, report.samples) {
            page.entries[i].measures = scores.tilePatternKL.map { ViewMeasure("tile-pattern KL k=\($0.patternSize)", format($0.value)) }
                + [ViewMeasure("block histogram χ²", format(scores.histogramChiSquared))]
        }
        if let hamming = report.hamming { page.summary.append(ViewMeasure("diversity, Hamming (all)", format(hamming.mean))) }
        if let levenshtein = report.levenshtein {
            page.summary.append(ViewMeasure("diversity, Levenshtein (all)", format(levenshtein.mean)))
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.4f", value) }
}
