import Foundation

/// Normal noise as a pure function of a key and a grid position: the value at `(channel, x, y, z)`
/// is the same whichever part of the grid is computed, in which order, on how many threads. This
/// is what lets a large volume be generated tile by tile and still be one seamless sample.
///
/// Channels `2j` and `2j + 1` of a position are the cosine and sine halves of one Box–Muller pair
/// drawn from a SplitMix64 hash of `(key, j, x, y, z)`.
///
/// ```swift
/// let noise = CoordinateNoise(key: CoordinateNoise.key(seed: 7, stream: 2))
/// let a = noise.normal(channel: 3, x: -100, y: 4, z: 20_000)   // N(0, 1), always the same
/// ```
public struct CoordinateNoise: Sendable {
    /// The hash key, from the seed and a stream number (e.g. the scale).
    public let key: UInt64

    public init(key: UInt64) { self.key = key }

    /// A key for `seed` and `stream` (distinct streams are independent).
    public static func key(seed: UInt64, stream: UInt64) -> UInt64 {
        mix(mix(seed ^ 0x7E57_C0DE_0000_0000) ^ mix(stream &+ 0x9E37_79B9_7F4A_7C15))
    }

    /// The N(0, 1) value of `channel` at grid position `(x, y, z)`.
    @inline(__always)
    public func normal(channel: Int, x: Int, y: Int, z: Int) -> Float {
        let pair = normals(pair: channel >> 1, x: x, y: y, z: z)
        return channel & 1 == 0 ? pair.0 : pair.1
    }

    /// Channels `2 · pair` and `2 · pair + 1` at `(x, y, z)`.
    @inline(__always)
    public func normals(pair: Int, x: Int, y: Int, z: Int) -> (Float, Float) {
        var h = Self.mix(key ^ Self.spread(pair))
        h = Self.mix(h ^ Self.spread(x))
        h = Self.mix(h ^ Self.spread(y))
        h = Self.mix(h ^ Self.spread(z))
        // Float32 Box–Muller (24-bit uniforms: tails to 5.8σ), twice as fast as in Double; the
        // noise is a large share of sampling's time.
        let u1 = Float(h >> 40) * 0x1p-24
        let u2 = Float(Self.mix(h ^ 0xA076_1D64_78BD_642F) >> 40) * 0x1p-24
        let radius = (-2 * Foundation.log(1 - u1)).squareRoot()
        let angle = 2 * Float.pi * u2
        return (radius * Foundation.cos(angle), radius * Foundation.sin(angle))
    }

    @inline(__always)
    static func spread(_ word: Int) -> UInt64 { UInt64(bitPattern: Int64(word)) &* 0xD6E8_FEB8_6659_FD93 }

    /// SplitMix64's finaliser: a bijective avalanche of 64 bits.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
