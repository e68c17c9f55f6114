/// The plot area of a chart with x/y axes, ticks, grid lines and axis labels, shared by the line
/// chart and the scatter plot.
struct _Frame {
    let x: _Axis, y: _Axis
    let left: Double, top: Double, right: Double, bottom: Double

    init(width: Int, height: Int, xs: [Double], ys: [Double], logY: Bool, rightMargin: Double) {
        (left, top) = (64, 34)
        right = Double(width) - rightMargin
        bottom = Double(height) - 46
        x = _Axis(values: xs, pixels: (left, right), logarithmic: false)
        y = _Axis(values: ys, pixels: (bottom, top), logarithmic: logY)
    }

    /// Axis lines, grid, tick labels, axis titles and the chart title.
    func decorations(title: String, xLabel: String, yLabel: String) -> [String] {
        var out = ["<g class=\"axes\" stroke=\"#333\" stroke-width=\"1\">",
                   "<line x1=\"\(_SVG.n(left))\" y1=\"\(_SVG.n(bottom))\" x2=\"\(_SVG.n(right))\" y2=\"\(_SVG.n(bottom))\"/>",
                   "<line x1=\"\(_SVG.n(left))\" y1=\"\(_SVG.n(top))\" x2=\"\(_SVG.n(left))\" y2=\"\(_SVG.n(bottom))\"/>",
                   "</g>"]
        out.append("<g class=\"xticks\">")
        for t in x.ticks {
            let px = _SVG.n(x.pixel(t))
            out.append("<line x1=\"\(px)\" y1=\"\(_SVG.n(bottom))\" x2=\"\(px)\" y2=\"\(_SVG.n(bottom + 4))\" stroke=\"#333\"/>")
            out.append(_SVG.text(_SVG.label(t), x: x.pixel(t), y: bottom + 17, anchor: "middle"))
        }
        out.append("</g>")
        out.append("<g class=\"yticks\">")
        for t in y.ticks {
            let py = _SVG.n(y.pixel(t))
            out.append("<line x1=\"\(_SVG.n(left))\" y1=\"\(py)\" x2=\"\(_SVG.n(right))\" y2=\"\(py)\" stroke=\"#e4e4e4\"/>")
            out.append(_SVG.text(_SVG.label(t), x: left - 6, y: y.pixel(t) + 4, anchor: "end"))
        }
        out.append("</g>")
        out.append(_SVG.text(xLabel, x: (left + right) / 2, y: bottom + 36, anchor: "middle", extra: "class=\"xlabel\""))
        let cy = _SVG.n((top + bottom) / 2)
        out.append(_SVG.text(yLabel, x: 16, y: (top + bottom) / 2, anchor: "middle",
                             extra: "class=\"ylabel\" transform=\"rotate(-90 16 \(cy))\""))
        out.append(_SVG.text(title, x: (left + right) / 2, y: 20, anchor: "middle", extra: "class=\"title\" font-size=\"14\""))
        return out
    }
}
