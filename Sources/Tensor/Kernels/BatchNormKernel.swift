/// Fused per-channel loops of training-mode batch normalisation over NCDHW volumes: statistics,
/// the normalisation, and the first-order backward. Channels run in parallel; within a channel
/// the summation order is fixed (sequential rows, 8-lane partial sums).
enum BatchNormKernel {
    struct Layout {
        let batch, channels, plane: Int
        init(_ shape: [Int]) {
            (batch, channels) = (shape[0], shape[1])
            plane = shape[2...].reduce(1, *)
        }
        var perChannel: Int { batch * plane }
        func offset(_ n: Int, _ c: Int) -> Int { (n * channels + c) * plane }
    }

    /// Per-channel mean and biased variance (two passes: mean, then Σ(x - mean)²).
    static func statistics(_ x: UnsafeBufferPointer<Float>, _ layout: Layout) -> (mean: [Float], variance: [Float]) {
        var mean = [Float](repeating: 0, count: layout.channels)
        var variance = mean
        mean.withUnsafeMutableBufferPointer { meanBuffer in
            variance.withUnsafeMutableBufferPointer { varianceBuffer in
                let (m, v) = (SendableMutableBuffer(meanBuffer), SendableMutableBuffer(varianceBuffer))
                Parallel.forEach(layout.channels) { _, c in
                    var total: Float = 0
                    for n in 0..<layout.batch { total += Tensor.sumOfRow(x, from: layout.offset(n, c), count: layout.plane) }
                    let mu = total / Float(layout.perChannel)
                    var squares = SIMD8<Float>()
                    var tail: Float = 0
                    for n in 0..<layout.batch {
                        let start = layout.offset(n, c)
                        var i = 0
                        while i + 8 <= layout.plane {
                            var lanes = SIMD8<Float>()
                            for k in 0..<8 { lanes[k] = x[start + i + k] }
                            let d = lanes - mu
                            squares += d * d
                            i += 8
                        }
                        while i < layout.plane { let d = x[start + i] - mu; tail += d * d; i += 1 }
                    }
                    m.buffer[c] = mu
                    v.buffer[c] = (squares.sum() + tail) / Float(layout.perChannel)
                }
            }
        }
        return (mean, variance)
    }

    /// `y = (x - mean) · inverse · weight + bias`, per channel.
    static func normalize(_ x: UnsafeBufferPointer<Float>, _ layout: Layout, mean: [Float], inverse: [Float],
                          weight: [Float], bias: [Float], into y: UnsafeMutableBufferPointer<Float>) {
        let out = SendableMutableBuffer(y)
        Parallel.forEach(layout.channels) { _, c in
            let scale = inverse[c] * weight[c]
            let (mu, shift) = (mean[c], bias[c])
            for n in 0..<layout.batch {
                let start = layout.offset(n, c)
                for i in start..<(start + layout.plane) { out.buffer[i] = (x[i] - mu) * scale + shift }
            }
        }
    }

    /// First-order backward: `dx = w·inv/n · (n·g - Σg - x̂·Σ(g·x̂))`, `dw = Σ(g·x̂)`, `db = Σg`.
    static func backward(_ g: UnsafeBufferPointer<Float>, _ x: UnsafeBufferPointer<Float>, _ layout: Layout,
                         mean: [Float], inverse: [Float], weight: [Float],
                         dx: UnsafeMutableBufferPointer<Float>?, dw: inout [Float], db: inout [Float]) {
        let out = dx.map(SendableMutableBuffer.init)
        dw.withUnsafeMutableBufferPointer { dwBuffer in
            db.withUnsafeMutableBufferPointer { dbBuffer in
                let (dws, dbs) = (SendableMutableBuffer(dwBuffer), SendableMutableBuffer(dbBuffer))
                Parallel.forEach(layout.channels) { _, c in
                    let (mu, inv) = (mean[c], inverse[c])
                    var sumG: Float = 0, sumGX: Float = 0
                    for n in 0..<layout.batch {
                        let start = layout.offset(n, c)
                        var lanesG = SIMD8<Float>(), lanesGX = SIMD8<Float>()
                        var i = start
                        let end = start + layout.plane
                        while i + 8 <= end {
                            var gv = SIMD8<Float>(), xv = SIMD8<Float>()
                            for k in 0..<8 { gv[k] = g[i + k]; xv[k] = x[i + k] }
                            lanesG += gv
                            lanesGX += gv * ((xv - mu) * inv)
                            i += 8
                        }
                        var tailG: Float = 0, tailGX: Float = 0
                        while i < end { tailG += g[i]; tailGX += g[i] * ((x[i] - mu) * inv); i += 1 }
                        sumG += lanesG.sum() + tailG
                        sumGX += lanesGX.sum() + tailGX
                    }
                    dws.buffer[c] = sumGX
                    dbs.buffer[c] = sumG
                    guard let out else { return }
                    let count = Float(layout.perChannel)
                    let factor = weight[c] * inv / count
                    for n in 0..<layout.batch {
                        let start = layout.offset(n, c)
                        for i in start..<(start + layout.plane) {
                            out.buffer[i] = factor * (count * g[i] - sumG - (x[i] - mu) * inv * sumGX)
                        }
                    }
                }
            }
        }
    }
}

/// A mutable buffer that workers write at disjoint indices.
struct SendableMutableBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Float>
    init(_ buffer: UnsafeMutableBufferPointer<Float>) { self.buffer = buffer }
}
