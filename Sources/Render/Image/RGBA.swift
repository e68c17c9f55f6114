/// An 8-bit-per-channel colour with straight (not premultiplied) alpha.
///
/// ```swift
/// let brick = RGBA(150, 97, 83)
/// brick.scaled(by: 0.8)            // a darker shade, alpha kept
/// RGBA.clear.alpha                 // 0
/// ```
public struct RGBA: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8
    public var alpha: UInt8

    /// A colour from its channels; alpha defaults to opaque.
    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8, _ alpha: UInt8 = 255) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }

    /// A colour from a `0xRRGGBB` literal, opaque.
    public init(hex: UInt32) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
    }

    public static let clear = RGBA(0, 0, 0, 0)
    public static let black = RGBA(0, 0, 0)
    public static let white = RGBA(255, 255, 255)

    /// The colour with red, green and blue multiplied by `factor` (clamped to 0…255), alpha kept.
    public func scaled(by factor: Double) -> RGBA {
        RGBA(Self.clamp(Double(red) * factor), Self.clamp(Double(green) * factor),
             Self.clamp(Double(blue) * factor), alpha)
    }

    /// A colour from hue (degrees), saturation and value in 0…1.
    public static func hsv(hue: Double, saturation: Double, value: Double) -> RGBA {
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 60
        let c = value * saturation
        let x = c * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double)
        switch Int(h) {
        case 0: (r, g, b) = (c, x, 0)
        case 1: (r, g, b) = (x, c, 0)
        case 2: (r, g, b) = (0, c, x)
        case 3: (r, g, b) = (0, x, c)
        case 4: (r, g, b) = (x, 0, c)
        default: (r, g, b) = (c, 0, x)
        }
        let m = value - c
        return RGBA(clamp((r + m) * 255), clamp((g + m) * 255), clamp((b + m) * 255))
    }

    /// `#rrggbb` (alpha dropped), as used in SVG.
    public var hexString: String {
        "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    public var description: String { "RGBA(\(red), \(green), \(blue), \(alpha))" }

    @inline(__always)
    static func clamp(_ v: Double) -> UInt8 {
        v <= 0 ? 0 : (v >= 255 ? 255 : UInt8(v.rounded()))
    }
}
