import Foundation

/// Labelled points as an SVG document, e.g. block2vec's 2-D projection with block names.
///
/// ```swift
/// let plot = SVGScatterPlot(title: "block2vec", points: zip(xy, names).map {
///     SVGScatterPlot.Point(x: $0.0, y: $0.1, label: $1) })
/// try plot.write(to: URL(fileURLWithPath: "embeddings/plot.svg"))
/// ```
/// - Complexity: O(points).
public struct SVGScatterPlot: Sendable {
    public struct Point: Sendable, Equatable {
        public var x: Double, y: Double
        public var label: String
        public init(x: Double, y: Double, label: String) { self.x = x; self.y = y; self.label = label }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var points: [Point]
    public var width: Int
    public var height: Int

    public init(title: String, xLabel: String = "", yLabel: String = "", points: [Point], width: Int = 800, height: Int = 640) {
        (self.title, self.xLabel, self.yLabel, self.points) = (title, xLabel, yLabel, points)
        (self.width, self.height) = (width, height)
    }

    public func svg() -> String {
        let shown = points.filter { $0.x.isFinite && $0.y.isFinite }
        let frame = _Frame(width: width, height: height, xs: shown.map(\.x), ys: shown.map(\.y), logY: false, rightMargin: 24)
        var body = frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel)
        body.append("<g class=\"points\" font-size=\"10\">")
        for (i, p) in shown.enumerated() {
            let px = frame.x.pixel(p.x), py = frame.y.pixel(p.y)
            let colour = _SVG.palette[i % _SVG.palette.count]
            body.append("<circle cx=\"\(_SVG.n(px))\" cy=\"\(_SVG.n(py))\" r=\"3.5\" fill=\"\(colour)\"><title>\(_SVG.escape(p.label))</title></circle>")
            body.append(_SVG.text(p.label, x: px + 5, y: py - 4, extra: "class=\"label\""))
        }
        body.append("</g>")
        return _SVG.document(width: width, height: height, title: title, body: body)
    }

    /// Writes `svg()` to `url`. - Throws: `RenderError.cannotWrite`.
    public func write(to url: URL) throws { try _SVG.write(svg(), to: url) }
}
