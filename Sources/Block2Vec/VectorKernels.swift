/// The two dense kernels block2vec needs, on raw pointers, 8 lanes at a time (AVX2 with
/// `-target-cpu haswell`), with a scalar tail so any length works.
///
/// Kept here rather than borrowed from the Tensor module: skip-gram works on rows of 32 floats,
/// where a general tensor library's dispatch costs more than the arithmetic.
enum VectorKernels {
    /// `y[i] += a * x[i]` for `i < n`.
    @inline(__always)
    static func axpy(_ n: Int, _ a: Float, _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>) {
        let av = SIMD8<Float>(repeating: a)
        var i = 0
        while i + 8 <= n {
            let xv = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: av * xv + yv, as: SIMD8<Float>.self)
            i += 8
        }
        while i < n { y[i] = a * x[i] + y[i]; i += 1 }
    }

    /// `Σ x[i] * y[i]` for `i < n` (eight partial sums, then a horizontal sum).
    @inline(__always)
    static func dot(_ n: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
        var acc = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= n {
            let xv = UnsafeRawPointer(x + i).loadUnaligned(as: SIMD8<Float>.self)
            let yv = UnsafeRawPointer(y + i).loadUnaligned(as: SIMD8<Float>.self)
            acc = xv * yv + acc
            i += 8
        }
        var sum = acc.sum()
        while i < n { sum = x[i] * y[i] + sum; i += 1 }
        return sum
    }
}
