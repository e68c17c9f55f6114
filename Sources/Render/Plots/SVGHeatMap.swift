import Foundation

/// A labelled square matrix as an SVG heat map (e.g. block2vec pairwise distances): one cell per
/// entry coloured from dark blue (smallest) to yellow (largest), labels on both axes, the value
/// in each cell's tooltip.
///
/// ```swift
/// let map = SVGHeatMap(title: "distances", labels: names, values: matrix)
/// try map.write(to: URL(fileURLWithPath: "embeddings/distances.svg"))
/// ```
/// - Precondition: `values` is `labels.count` rows of `labels.count` entries.
/// - Complexity: O(n²).
public struct SVGHeatMap: Sendable {
    public var title: String
    public var labels: [String]
    /// Row-major: `values[row][column]`.
    public var values: [[Double]]
    /// Side of one cell in pixels.
    public var cellSize: Int

    public init(title: String, labels: [String], values: [[Double]], cellSize: Int = 14) {
        precondition(values.count == labels.count && values.allSatisfy { $0.count == labels.count },
                     "SVGHeatMap: \(labels.count) labels need a \(labels.count)×\(labels.count) matrix, got \(values.count) rows of \(values.map(\.count))")
        (self.title, self.labels, self.values, self.cellSize) = (title, labels, values, cellSize)
    }

    public func svg() -> String {
        let n = labels.count
        let labelRoom = Double(min(240, 16 + 6 * (labels.map(\.count).max() ?? 0)))
        let c = Double(cellSize)
        let left = labelRoom, top = labelRoom + 24
        let finite = values.joined().filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        var body = [_SVG.text(title, x: left, y: 18, extra: "class=\"title\" font-size=\"14\"")]
        body.append("<g class=\"cells\">")
        for (r, row) in values.enumerated() {
            for (col, v) in row.enumerated() {
                let fill = v.isFinite ? Self.colour(hi > lo ? (v - lo) / (hi - lo) : 0.5).hexString : "#ffffff"
                body.append("<rect x=\"\(_SVG.n(left + Double(col) * c))\" y=\"\(_SVG.n(top + Double(r) * c))\" width=\"\(cellSize)\" height=\"\(cellSize)\" fill=\"\(fill)\"><title>\(_SVG.escape("\(labels[r]) – \(labels[col]): \(_SVG.label(v))"))</title></rect>")
            }
        }
        body.append("</g>")
        body.append("<g class=\"labels\" font-size=\"10\">")
        for (i, label) in labels.enumerated() {
            let mid = Double(i) * c + c / 2
            body.append(_SVG.text(label, x: left - 4, y: top + mid + 3, anchor: "end", extra: "class=\"row\""))
            let x = left + mid, y = top - 4
            body.append(_SVG.text(label, x: x, y: y, extra: "class=\"column\" transform=\"rotate(-90 \(_SVG.n(x)) \(_SVG.n(y)))\""))
        }
        body.append("</g>")
        let size = Int(left + c * Double(n)) + 8
        return _SVG.document(width: size, height: Int(top + c * Double(n)) + 8, title: title, body: body)
    }

    /// Writes `svg()` to `url`. - Throws: `RenderError.cannotWrite`.
    public func write(to url: URL) throws { try _SVG.write(svg(), to: url) }

    /// 0 → dark blue, 0.5 → teal, 1 → yellow (a perceptually ordered ramp of our choosing).
    static func colour(_ t: Double) -> RGBA {
        let stops: [(Double, Double, Double)] = [(40, 30, 100), (33, 145, 140), (250, 230, 40)]
        let f = max(0, min(1, t)) * 2
        let i = min(1, Int(f)), u = f - Double(i)
        let a = stops[i], b = stops[i + 1]
        return RGBA(RGBA.clamp(a.0 + (b.0 - a.0) * u), RGBA.clamp(a.1 + (b.1 - a.1) * u), RGBA.clamp(a.2 + (b.2 - a.2) * u))
    }
}
