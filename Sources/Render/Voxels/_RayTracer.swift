/// Casts one ray through the view-space scene (3-D DDA, Amanatides & Woo 1987) and composites
/// what it meets front to back: translucent faces blend, the first opaque face ends the ray.
struct _RayTracer: Sendable {
    let scene: _VoxelScene
    /// Shade of faces seen from above, from the right (+x) and from the left (+z).
    let shades: (top: Double, right: Double, left: Double) = (1.0, 0.8, 0.64)
    /// Block-unit width of the darker face outline; 0 turns outlines off.
    let outlineWidth: Double
    let edgeShade = 0.78
    /// Darken lower blocks (top-down pictures have no side faces to show height).
    let heightShading: Bool

    /// Premultiplied colour and coverage of the ray.
    struct Sample { var r = 0.0, g = 0.0, b = 0.0, a = 0.0 }

    func trace(origin o: (Double, Double, Double), direction d: (Double, Double, Double)) -> Sample {
        guard !scene.cells.isEmpty else { return Sample() }
        let n = (Double(scene.sizeX), Double(scene.sizeY), Double(scene.sizeZ))
        guard let (tEnter, enterAxis) = Self.enterBox(o, d, lower: (0, 0, 0), upper: n, after: 0) else { return Sample() }
        let p = (o.0 + d.0 * tEnter, o.1 + d.1 * tEnter, o.2 + d.2 * tEnter)
        var i = (Self.cell(p.0, d.0, scene.sizeX), Self.cell(p.1, d.1, scene.sizeY), Self.cell(p.2, d.2, scene.sizeZ))
        let step = (d.0 > 0 ? 1 : -1, d.1 > 0 ? 1 : -1, d.2 > 0 ? 1 : -1)
        func firstCrossing(_ i: Int, _ o: Double, _ d: Double) -> Double {
            d == 0 ? .infinity : (Double(i + (d > 0 ? 1 : 0)) - o) / d
        }
        var tMax = (firstCrossing(i.0, o.0, d.0), firstCrossing(i.1, o.1, d.1), firstCrossing(i.2, o.2, d.2))
        let tDelta = (d.0 == 0 ? .infinity : 1 / abs(d.0), d.1 == 0 ? .infinity : 1 / abs(d.1), d.2 == 0 ? .infinity : 1 / abs(d.2))
        var t = tEnter, face = enterAxis, previous: UInt32 = 0
        var out = Sample()
        while true {
            let id = scene.cells[(i.0 * scene.sizeY + i.1) * scene.sizeZ + i.2]
            let tNext = min(tMax.0, tMax.1, tMax.2)  // where the ray leaves this voxel
            if id != 0 && visit(id, previous: previous, cell: i, face: face, from: t, to: tNext, o, d, into: &out) {
                return out
            }
            previous = id
            // Advance to the neighbouring voxel across the nearest boundary (ties: x, then y, then z).
            if tMax.0 <= tMax.1 && tMax.0 <= tMax.2 {
                t = tMax.0; face = 0; i.0 += step.0; tMax.0 += tDelta.0
                if i.0 < 0 || i.0 >= scene.sizeX { return out }
            } else if tMax.1 <= tMax.2 {
                t = tMax.1; face = 1; i.1 += step.1; tMax.1 += tDelta.1
                if i.1 < 0 || i.1 >= scene.sizeY { return out }
            } else {
                t = tMax.2; face = 2; i.2 += step.2; tMax.2 += tDelta.2
                if i.2 < 0 || i.2 >= scene.sizeZ { return out }
            }
        }
    }

    /// Blends what the ray meets inside voxel `i` (entered at `t` through `face`, left at `tNext`);
    /// true when nothing behind can show any more.
    private func visit(_ id: UInt32, previous: UInt32, cell i: (Int, Int, Int), face: Int, from t: Double, to tNext: Double,
                       _ o: (Double, Double, Double), _ d: (Double, Double, Double), into out: inout Sample) -> Bool {
        let look = scene.looks[Int(id)]
        if look.isFull {
            if id != previous {
                paint(&out, look, face: face, at: t, o, d, cell: i)
            } else if look.bodyAlpha > 0 {
                // Inside a body of water or ice: no face, but each voxel of depth tints a little more.
                blend(&out, look.side, shade: 0.9, alpha: look.bodyAlpha)
            }
            return look.alpha >= 1 || out.a > 0.995
        }
        if look.isPlant && (d.0 != 0 || d.2 != 0) {
            if let shade = Self.billboard(o, d, cell: i, from: t, to: tNext, height: look.box.maxY) {
                blend(&out, look.side, shade: shade, alpha: look.alpha)
            }
            return out.a > 0.995
        }
        let lower = (Double(i.0) + look.box.minX, Double(i.1) + look.box.minY, Double(i.2) + look.box.minZ)
        let upper = (Double(i.0) + look.box.maxX, Double(i.1) + look.box.maxY, Double(i.2) + look.box.maxZ)
        guard let (tb, boxFace) = Self.enterBox(o, d, lower: lower, upper: upper, after: t - 1e-9), tb <= tNext,
              !(look.isPlant && Self.stippled(o, d, tb, boxFace, cell: i)) else { return false }
        paint(&out, look, face: boxFace, at: tb, o, d, cell: i, box: (lower, upper))
        return look.alpha >= 1 || out.a > 0.995
    }

    /// Shades the face on `axis` hit at `t` and blends it into `out`.
    private func paint(_ out: inout Sample, _ look: _Look, face axis: Int, at t: Double,
                       _ o: (Double, Double, Double), _ d: (Double, Double, Double), cell i: (Int, Int, Int),
                       box: ((Double, Double, Double), (Double, Double, Double))? = nil) {
        let p = (o.0 + d.0 * t, o.1 + d.1 * t, o.2 + d.2 * t)
        let lower = box?.0 ?? (Double(i.0), Double(i.1), Double(i.2))
        let upper = box?.1 ?? (Double(i.0 + 1), Double(i.1 + 1), Double(i.2 + 1))
        var shade = axis == 1 ? shades.top : (axis == 0 ? shades.right : shades.left)
        if outlineWidth > 0 && look.outlined {
            // Distance to the nearest edge of this face, measured along the face's two axes.
            let span = [(p.0 - lower.0, upper.0 - p.0), (p.1 - lower.1, upper.1 - p.1), (p.2 - lower.2, upper.2 - p.2)]
            var nearest = Double.infinity
            for (k, s) in span.enumerated() where k != axis { nearest = min(nearest, s.0, s.1) }
            if nearest < outlineWidth { shade *= edgeShade }
        }
        if heightShading { shade *= 0.72 + 0.28 * (p.1 / Double(max(1, scene.sizeY))) }
        blend(&out, axis == 1 ? look.top : look.side, shade: shade, alpha: look.alpha)
    }

    @inline(__always)
    private func blend(_ out: inout Sample, _ c: (Double, Double, Double), shade: Double, alpha: Double) {
        let w = (1 - out.a) * alpha
        out.r += w * c.0 * shade; out.g += w * c.1 * shade; out.b += w * c.2 * shade
        out.a += w
    }
}
