/// A width × height RGBA8 raster, rows top to bottom, pixels left to right, 4 bytes per pixel
/// (straight alpha) — the layout PNG colour type 6 stores.
///
/// ```swift
/// var image = Image(width: 4, height: 2, fill: .white)
/// image[1, 0] = RGBA(255, 0, 0)
/// try image.writePNG(to: URL(fileURLWithPath: "/tmp/dot.png"))
/// ```
public struct Image: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// `width * height * 4` bytes: R, G, B, A per pixel, row-major from the top-left.
    public internal(set) var pixels: [UInt8]

    /// An image of one colour (transparent by default).
    public init(width: Int, height: Int, fill: RGBA = .clear) {
        precondition(width >= 0 && height >= 0, "Image: negative size \(width)×\(height)")
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 4)
        if fill != .clear { fillRect(x: 0, y: 0, width: width, height: height, with: fill) }
    }

    /// An image from raw RGBA bytes; `nil` when the byte count is not `width * height * 4`.
    public init?(width: Int, height: Int, rgba: [UInt8]) {
        guard width >= 0, height >= 0, rgba.count == width * height * 4 else { return nil }
        self.width = width
        self.height = height
        pixels = rgba
    }

    /// The pixel at column `x`, row `y` (both must be inside the image).
    public subscript(x: Int, y: Int) -> RGBA {
        get {
            precondition(contains(x, y), "Image: pixel (\(x), \(y)) outside \(width)×\(height)")
            let o = (y * width + x) * 4
            return RGBA(pixels[o], pixels[o + 1], pixels[o + 2], pixels[o + 3])
        }
        set {
            precondition(contains(x, y), "Image: pixel (\(x), \(y)) outside \(width)×\(height)")
            let o = (y * width + x) * 4
            pixels[o] = newValue.red; pixels[o + 1] = newValue.green
            pixels[o + 2] = newValue.blue; pixels[o + 3] = newValue.alpha
        }
    }

    /// True when (x, y) is a pixel of the image.
    public func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Paints a rectangle, clipped to the image.
    public mutating func fillRect(x: Int, y: Int, width w: Int, height h: Int, with colour: RGBA) {
        let x0 = max(0, x), y0 = max(0, y), x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for row in y0..<y1 {
            for col in x0..<x1 {
                let o = (row * width + col) * 4
                pixels[o] = colour.red; pixels[o + 1] = colour.green
                pixels[o + 2] = colour.blue; pixels[o + 3] = colour.alpha
            }
        }
    }

    /// Copies `other` with its top-left corner at (x, y), alpha-compositing it over this image
    /// ("source over"); parts outside are clipped.
    public mutating func draw(_ other: Image, atX x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for col in 0..<other.width where x + col >= 0 && x + col < width {
                let src = other[col, row]
                guard src.alpha > 0 else { continue }
                self[x + col, y + row] = src.alpha == 255 ? src : Self.over(src, self[x + col, y + row])
            }
        }
    }

    /// `top` composited over `bottom` with straight alpha.
    static func over(_ top: RGBA, _ bottom: RGBA) -> RGBA {
        let ta = Double(top.alpha) / 255, ba = Double(bottom.alpha) / 255
        let outA = ta + ba * (1 - ta)
        guard outA > 0 else { return .clear }
        func mix(_ t: UInt8, _ b: UInt8) -> UInt8 {
            RGBA.clamp((Double(t) * ta + Double(b) * ba * (1 - ta)) / outA)
        }
        return RGBA(mix(top.red, bottom.red), mix(top.green, bottom.green),
                    mix(top.blue, bottom.blue), RGBA.clamp(outA * 255))
    }
}
