import Tensor

/// Independent random streams derived from the run's seed, one per purpose and position.
///
/// Every iteration draws from its own stream `(seed, scale, iteration)`, so a resumed run needs
/// no generator state: iteration i of scale n draws the same numbers whether or not the run was
/// interrupted before it.
enum SeedStream {
    enum Purpose: UInt64 {
        case networks = 1, fixedNoise, iteration, preview
    }

    static func generator(seed: UInt64, _ purpose: Purpose, _ a: Int = 0, _ b: Int = 0) -> SeededGenerator {
        var h = seed
        for word in [purpose.rawValue, UInt64(truncatingIfNeeded: a), UInt64(truncatingIfNeeded: b)] {
            h = mix(h ^ mix(word &+ 0x9E37_79B9_7F4A_7C15))
        }
        return SeededGenerator(seed: h)
    }

    /// SplitMix64's finaliser: a bijective avalanche of 64 bits.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
