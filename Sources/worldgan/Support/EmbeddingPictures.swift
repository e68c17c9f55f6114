import Block2Vec
import Foundation
import Render

/// The pictures users judge an embedding by: a labelled 2D PCA projection and a distance heat map.
enum EmbeddingPictures {
    /// Writes `<base>.svg` (projection) and `<base>-distances.svg` (pairwise L2 distances).
    static func write(_ embeddings: Embeddings, base: URL) throws {
        let projection = Projection(embeddings)
        let labels = projection.tokens.map(shortLabel)
        let (v0, v1) = projection.explainedVariance
        let scatter = SVGScatterPlot(
            title: "block2vec: \(labels.count) tokens, PCA (\(percent(v0)) + \(percent(v1)) of variance)",
            xLabel: "PC 1", yLabel: "PC 2",
            points: zip(projection.points, labels).map { SVGScatterPlot.Point(x: $0.x, y: $0.y, label: $1) })
        try scatter.write(to: base.appendingPathExtension("svg"))
        let n = labels.count
        let matrix = (0..<n).map { i in (0..<n).map { j in Double(projection.distances[i * n + j]) } }
        try SVGHeatMap(title: "block2vec: pairwise L2 distances", labels: labels, values: matrix)
            .write(to: URL(fileURLWithPath: base.path + "-distances.svg"))
    }

    /// `minecraft:oak_stairs[facing=east,half=top,…]` → `oak_stairs[east,top,…]`: short enough to read.
    static func shortLabel(_ token: String) -> String {
        var s = token.hasPrefix("minecraft:") ? String(token.dropFirst(10)) : token
        if let open = s.firstIndex(of: "[") {
            let props = s[s.index(after: open)..<s.index(before: s.endIndex)].split(separator: ",")
                .map { $0.split(separator: "=").last.map(String.init) ?? "" }
            s = String(s[..<open]) + "[" + props.joined(separator: ",") + "]"
        }
        return s
    }

    private static func percent(_ x: Double) -> String { String(format: "%.0f%%", x * 100) }
}
