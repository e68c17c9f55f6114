import Foundation

/// A line chart of named series as an SVG document: axes with nice ticks, optional log-scaled y,
/// a legend. Made for per-scale training losses.
///
/// ```swift
/// var chart = SVGLineChart(title: "scale 0", xLabel: "iteration", yLabel: "loss", logY: true)
/// chart.add("errD", points: zip(steps, errD).map { SVGPoint(x: $0, y: $1) })
/// try chart.write(to: URL(fileURLWithPath: "runs/x/loss-0.svg"))
/// ```
/// Non-finite points (and non-positive ones on a log axis) are left out of the lines.
/// - Complexity: O(total points).
public struct SVGLineChart: Sendable {
    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [SVGPoint]
        public init(name: String, points: [SVGPoint]) { self.name = name; self.points = points }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var logY: Bool
    public var width: Int
    public var height: Int
    public var series: [Series] = []

    public init(title: String, xLabel: String, yLabel: String, logY: Bool = false, width: Int = 720, height: Int = 420) {
        (self.title, self.xLabel, self.yLabel, self.logY) = (title, xLabel, yLabel, logY)
        (self.width, self.height) = (width, height)
    }

    public mutating func add(_ name: String, points: [SVGPoint]) { series.append(Series(name: name, points: points)) }

    /// The SVG text.
    public func svg() -> String {
        let legendWidth = Double(min(220, 40 + 7 * (series.map(\.name.count).max() ?? 0)))
        let all = series.flatMap(\.points)
        let frame = _Frame(width: width, height: height, xs: all.map(\.x), ys: all.map(\.y), logY: logY,
                           rightMargin: legendWidth + 12)
        var body = frame.decorations(title: title, xLabel: xLabel, yLabel: yLabel)
        for (i, s) in series.enumerated() {
            let colour = _SVG.palette[i % _SVG.palette.count]
            let drawn = s.points.filter { frame.x.accepts($0.x) && frame.y.accepts($0.y) }
            let coordinates = drawn.map { "\(_SVG.n(frame.x.pixel($0.x))),\(_SVG.n(frame.y.pixel($0.y)))" }
            body.append("<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\" points=\"\(coordinates.joined(separator: " "))\"><title>\(_SVG.escape(s.name))</title></polyline>")
            let ly = frame.top + 8 + Double(i) * 18
            body.append("<g class=\"legend\"><line x1=\"\(_SVG.n(frame.right + 14))\" y1=\"\(_SVG.n(ly))\" x2=\"\(_SVG.n(frame.right + 34))\" y2=\"\(_SVG.n(ly))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
                + _SVG.text(s.name, x: frame.right + 40, y: ly + 4) + "</g>")
        }
        return _SVG.document(width: width, height: height, title: title, body: body)
    }

    /// Writes `svg()` to `url`. - Throws: `RenderError.cannotWrite`.
    public func write(to url: URL) throws { try _SVG.write(svg(), to: url) }
}

/// A data point of a plot.
public struct SVGPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}
