/// Hashes of every k×k×k window of a token volume, without building any key strings.
///
/// Each window's hash is the polynomial Σ t(x+i, y+j, z+m)·Bx^i·By^j·Bz^m over the prime field
/// p = 2⁶¹ − 1 (tokens shifted by one so id 0 still counts), computed as three separable rolling
/// passes (z, then y, then x), each O(voxels). Two different windows collide only if the
/// difference polynomial vanishes at (Bx, By, Bz): by Schwartz–Zippel at most 3(k−1)/p ≈ 10⁻¹⁷
/// for k = 10 with bases chosen independently of the data. Ours are fixed arbitrary constants
/// (so results are reproducible); block volumes are not adversarial.
enum _WindowHash {
    static let prime: UInt64 = (1 << 61) - 1
    static let bases: (x: UInt64, y: UInt64, z: UInt64) = (0x1A2B_3C4D_5E6F_7081 % prime, 0x0F1E_2D3C_4B5A_6978 % prime,
                                                          0x1357_9BDF_2468_ACE1 % prime)

    /// Window hashes in (x, y, z) order of the window's lower corner.
    static func windows(of volume: TokenVolume, k: Int) -> [UInt64] {
        let s = volume.size
        var values = volume.tokens.map { UInt64($0) + 1 }
        var dims = (s.x, s.y, s.z)
        values = roll(values, dims: dims, axis: 2, k: k, base: bases.z); dims.2 -= k - 1
        values = roll(values, dims: dims, axis: 1, k: k, base: bases.y); dims.1 -= k - 1
        values = roll(values, dims: dims, axis: 0, k: k, base: bases.x)
        return values
    }

    /// Sliding-window polynomial hash of length `k` along one axis of a row-major (d0, d1, d2) grid;
    /// the result has that axis shortened to `d − k + 1`.
    static func roll(_ input: [UInt64], dims: (Int, Int, Int), axis: Int, k: Int, base: UInt64) -> [UInt64] {
        var outDims = [dims.0, dims.1, dims.2]
        let n = outDims[axis]
        outDims[axis] = n - k + 1
        let inStrides = [dims.1 * dims.2, dims.2, 1]
        let outStrides = [outDims[1] * outDims[2], outDims[2], 1]
        let others = [0, 1, 2].filter { $0 != axis }
        var top: UInt64 = 1  // base^(k-1), the weight of the element leaving the window
        for _ in 1..<max(1, k) { top = mulmod(top, base) }
        var output = [UInt64](repeating: 0, count: outDims[0] * outDims[1] * outDims[2])
        input.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                for a in 0..<outDims[others[0]] {
                    for b in 0..<outDims[others[1]] {
                        let inBase = a * inStrides[others[0]] + b * inStrides[others[1]]
                        let outBase = a * outStrides[others[0]] + b * outStrides[others[1]]
                        let step = inStrides[axis], outStep = outStrides[axis]
                        var h: UInt64 = 0
                        for i in 0..<k { h = addmod(mulmod(h, base), src[inBase + i * step]) }
                        dst[outBase] = h
                        for w in 1..<(n - k + 1) {
                            let leaving = mulmod(src[inBase + (w - 1) * step], top)
                            h = addmod(mulmod(submod(h, leaving), base), src[inBase + (w + k - 1) * step])
                            dst[outBase + w * outStep] = h
                        }
                    }
                }
            }
        }
        return output
    }

    @inline(__always)
    static func mulmod(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (high, low) = a.multipliedFullWidth(by: b)
        // x mod (2^61 − 1) = (x & p) + (x >> 61), folded twice.
        var s = (low & prime) &+ ((low >> 61) | (high << 3))
        s = (s & prime) &+ (s >> 61)
        return s >= prime ? s - prime : s
    }

    @inline(__always)
    static func addmod(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let s = a &+ b
        return s >= prime ? s - prime : s
    }

    @inline(__always)
    static func submod(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a - b : a &+ prime &- b }
}
