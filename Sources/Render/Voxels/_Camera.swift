/// Maps picture pixels to rays through the view-space box, for both projections.
///
/// Isometric: a point (x, y, z) lands at screen `sx = a·(x − z)`, `sy = a/2·(x + z) − h·y` with
/// `a = blockSize / 2` and `h = a·cos 30° / cos 45° ≈ 1.22·a` rounded to whole pixels: in a 2:1
/// (dimetric, elevation 30°) view a unit horizontal edge spans `cos 45°` across, a vertical one `cos 30°`.
/// All points on the line through (x, y, z) along `(1, a/h, 1)` share a pixel, so that is the ray.
struct _Camera: Sendable {
    let projection: IsometricRenderer.Projection
    let a: Double, h: Double, margin: Double
    let sizeX: Double, sizeY: Double, sizeZ: Double
    let width: Int, height: Int

    init(projection: IsometricRenderer.Projection, blockSize: Int, margin: Int, sizeX: Int, sizeY: Int, sizeZ: Int) {
        self.projection = projection
        self.margin = Double(margin)
        (self.sizeX, self.sizeY, self.sizeZ) = (Double(sizeX), Double(sizeY), Double(sizeZ))
        switch projection {
        case .isometric:
            a = Double(blockSize) / 2
            h = max(1, (a * 1.225).rounded())
            width = Int((a * Double(sizeX + sizeZ)).rounded(.up)) + 2 * margin
            height = Int((a / 2 * Double(sizeX + sizeZ) + h * Double(sizeY)).rounded(.up)) + 2 * margin
        case .topDown:
            a = Double(blockSize)
            h = a
            width = sizeX * blockSize + 2 * margin
            height = sizeZ * blockSize + 2 * margin
        }
    }

    /// Approximate size of one pixel in block units (for one-pixel outlines).
    var pixelInBlocks: Double { 1 / a }

    /// Origin and direction of the ray through the centre of pixel (px, py).
    @inline(__always)
    func ray(_ px: Int, _ py: Int) -> (origin: (Double, Double, Double), direction: (Double, Double, Double)) {
        let cx = Double(px) + 0.5 - margin, cy = Double(py) + 0.5 - margin
        switch projection {
        case .isometric:
            let sx = cx - a * sizeZ, sy = cy - h * sizeY
            let u = sx / a, w = 2 * sy / a  // u = x − z, w = x + z on the plane y = 0
            let reach = sizeX + sizeY + sizeZ + 4
            let dy = a / h
            return (((u + w) / 2 + reach, reach * dy, (w - u) / 2 + reach), (-1, -dy, -1))
        case .topDown:
            return ((cx / a, sizeY + 1, cy / a), (0, -1, 0))
        }
    }
}
