#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small, fast, seedable random number generator: xoshiro256** (Blackman & Vigna, 2018), its
/// 256-bit state filled from the seed by SplitMix64 as the authors recommend. Same seed ⇒ same
/// stream on every platform — what makes block2vec, weight init, GAN noise and the sample world
/// reproducible bit for bit (the system generator is neither seedable nor stable). One generator
/// serves every module.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let i = rng.nextIndex(below: 10)     // 0..<10
/// let u = rng.nextUnitDouble()         // [0, 1)
/// let z = rng.nextNormal()             // N(0, 1)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second value of the last Box–Muller pair, handed out by the next `nextNormal()`.
    private var spareNormal: Float?

    /// A generator whose whole stream is determined by `seed`.
    public init(seed: UInt64) {
        var sm = seed
        s0 = SeededGenerator.splitMix64(&sm)
        s1 = SeededGenerator.splitMix64(&sm)
        s2 = SeededGenerator.splitMix64(&sm)
        s3 = SeededGenerator.splitMix64(&sm)
    }

    /// SplitMix64 step (Steele, Lea & Flood 2014); never yields an all-zero xoshiro state.
    public static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform float in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, unbiased).
    /// - Precondition: `bound > 0`.
    @inline(__always)
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "SeededGenerator.nextIndex: bound \(bound) must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A uniform float in `[-limit, limit)`, the distribution of PyTorch's `uniform_(-limit, limit)`.
    @inline(__always)
    public mutating func nextSymmetric(_ limit: Float) -> Float {
        Float((nextUnitDouble() * 2 - 1) * Double(limit))
    }

    /// A standard normal variate (Box–Muller; the second value of each pair is kept for the next call).
    public mutating func nextNormal() -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let u1 = Double(next() >> 11) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        let radius = (-2 * log(1 - u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareNormal = Float(radius * sin(angle))
        return Float(radius * cos(angle))
    }
}
