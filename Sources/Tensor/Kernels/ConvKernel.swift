import CBLAS

/// The one 3-D convolution kernel (stride 1, zero padding, cubic kernel), for forward and both
/// gradients: cache-sized im2col tiles multiplied by OpenBLAS SGEMM (single-threaded calls), the
/// tiles spread over ``Parallel/threadCount`` workers.
///
/// The input gradient is the same forward kernel run on the output gradient with the weights
/// transposed (in ↔ out) and flipped, and padding `k - 1 - p`: a gather instead of a col2im
/// scatter, so workers never write the same voxel and the result is deterministic.
enum ConvKernel {
    /// Shapes of one convolution; `x` is `[N, Cin, D, H, W]`, `w` is `[Cout, Cin, k, k, k]`.
    struct Geometry {
        let batch, inChannels, outChannels, kernel, padding: Int
        let inD, inH, inW, outD, outH, outW: Int

        init(input: [Int], weight: [Int], padding: Int, op: String) {
            precondition(input.count == 5 && weight.count == 5,
                         "\(op): expects input NCDHW and weight [out, in, k, k, k], got \(input) and \(weight)")
            precondition(input[1] == weight[1], "\(op): input \(input) has \(input[1]) channels, weight \(weight) expects \(weight[1])")
            precondition(weight[2] == weight[3] && weight[3] == weight[4], "\(op): kernel must be cubic, weight \(weight)")
            (batch, inChannels, outChannels, kernel, self.padding) = (input[0], input[1], weight[0], weight[2], padding)
            (inD, inH, inW) = (input[2], input[3], input[4])
            (outD, outH, outW) = (inD + 2 * padding - kernel + 1, inH + 2 * padding - kernel + 1, inW + 2 * padding - kernel + 1)
            precondition(outD > 0 && outH > 0 && outW > 0, "\(op): input \(input) too small for kernel \(kernel), padding \(padding)")
        }

        var columns: Int { inChannels * kernel * kernel * kernel }
        var outPlane: Int { outD * outH * outW }
        var inPlane: Int { inD * inH * inW }
        var outputShape: [Int] { [batch, outChannels, outD, outH, outW] }

        /// Output rows (one (d, h) line of W voxels) per tile: about 512 K floats of columns.
        var rowsPerTile: Int { max(1, min(outD * outH, (1 << 19) / max(1, columns * outW))) }
        var tilesPerImage: Int { (outD * outH + rowsPerTile - 1) / rowsPerTile }
    }

    private static let singleThreadedBLAS: Void = { openblas_set_num_threads(1) }()

    /// `y = w ⋆ x` (cross-correlation, no bias). `y` must hold `geometry.outputShape` elements.
    static func forward(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        _ = singleThreadedBLAS
        let (xs, ws, ys) = (SendableConstPointer(x), SendableConstPointer(w), SendablePointer(y))
        let buffers = ColumnBuffers(workers: Parallel.threadCount, floats: g.columns * g.rowsPerTile * g.outW)
        Parallel.forEach(g.batch * g.tilesPerImage) { worker, item in
            let (n, tile) = item.quotientAndRemainder(dividingBy: g.tilesPerImage)
            let (rowStart, rows) = tileRows(g, tile)
            let cols = buffers.buffer(worker)
            im2col(g, input: xs.base + n * g.inChannels * g.inPlane, rowStart: rowStart, rows: rows, into: cols)
            let width = rows * g.outW
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(g.outChannels), Int32(width), Int32(g.columns),
                        1, ws.base, Int32(g.columns), cols, Int32(width),
                        0, ys.base + n * g.outChannels * g.outPlane + rowStart * g.outW, Int32(g.outPlane))
        }
    }

    /// `dw[o, c, k] = Σ_n Σ_y dy[n, o, y] · x[n, c, y + k - p]`, written to `dw` (`[Cout, Cin·k³]`).
    static func weightGradient(_ g: Geometry, x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>) {
        _ = singleThreadedBLAS
        let workers = min(Parallel.threadCount, g.batch * g.tilesPerImage)
        let size = g.outChannels * g.columns
        let partials = ColumnBuffers(workers: workers, floats: size, zeroed: true)
        let buffers = ColumnBuffers(workers: workers, floats: g.columns * g.rowsPerTile * g.outW)
        let (xs, dys) = (SendableConstPointer(x), SendableConstPointer(dy))
        Parallel.forEach(g.batch * g.tilesPerImage, workers: workers) { worker, item in
            let (n, tile) = item.quotientAndRemainder(dividingBy: g.tilesPerImage)
            let (rowStart, rows) = tileRows(g, tile)
            let cols = buffers.buffer(worker)
            im2col(g, input: xs.base + n * g.inChannels * g.inPlane, rowStart: rowStart, rows: rows, into: cols)
            let width = rows * g.outW
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(g.outChannels), Int32(g.columns), Int32(width),
                        1, dys.base + n * g.outChannels * g.outPlane + rowStart * g.outW, Int32(g.outPlane),
                        cols, Int32(width), 1, partials.buffer(worker), Int32(g.columns))
        }
        // Fixed-order reduction of the per-worker partial sums.
        dw.update(from: partials.buffer(0), count: size)
        for worker in 1..<max(workers, 1) {
            let partial = partials.buffer(worker)
            for i in 0..<size { dw[i] += partial[i] }
        }
    }

    /// The weights of the input-gradient convolution: `[Cin, Cout, k, k, k]`, spatially flipped.
    static func transposedFlipped(_ w: UnsafeBufferPointer<Float>, shape: [Int]) -> [Float] {
        let (outC, inC, k) = (shape[0], shape[1], shape[2])
        let taps = k * k * k
        var result = [Float](repeating: 0, count: w.count)
        for o in 0..<outC {
            for c in 0..<inC {
                for t in 0..<taps { result[(c * outC + o) * taps + (taps - 1 - t)] = w[(o * inC + c) * taps + t] }
            }
        }
        return result
    }

    private static func tileRows(_ g: Geometry, _ tile: Int) -> (start: Int, count: Int) {
        let start = tile * g.rowsPerTile
        return (start, min(g.rowsPerTile, g.outD * g.outH - start))
    }

    /// Writes the `[Cin·k³, rows·outW]` column matrix of output rows `rowStart ..< rowStart+rows`.
    private static func im2col(_ g: Geometry, input: UnsafePointer<Float>, rowStart: Int, rows: Int,
                               into cols: UnsafeMutablePointer<Float>) {
        let width = rows * g.outW
        let k = g.kernel, p = g.padding
        for c in 0..<g.inChannels {
            let channel = input + c * g.inPlane
            for kd in 0..<k {
                for kh in 0..<k {
                    for kw in 0..<k {
                        let dest = cols + (((c * k + kd) * k + kh) * k + kw) * width
                        let lo = max(0, p - kw), hi = min(g.outW, g.inW + p - kw)
                        for r in 0..<rows {
                            let (od, oh) = (rowStart + r).quotientAndRemainder(dividingBy: g.outH)
                            let (id, ih) = (od + kd - p, oh + kh - p)
                            let out = dest + r * g.outW
                            if id < 0 || id >= g.inD || ih < 0 || ih >= g.inH || lo >= hi {
                                out.update(repeating: 0, count: g.outW)
                                continue
                            }
                            if lo > 0 { out.update(repeating: 0, count: lo) }
                            (out + lo).update(from: channel + (id * g.inH + ih) * g.inW + lo + kw - p, count: hi - lo)
                            if hi < g.outW { (out + hi).update(repeating: 0, count: g.outW - hi) }
                        }
                    }
                }
            }
        }
    }
}

/// One scratch buffer per worker, freed when the call ends.
final class ColumnBuffers: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Float>
    private let floats: Int
    private let workers: Int

    init(workers: Int, floats: Int, zeroed: Bool = false) {
        self.workers = max(workers, 1)
        self.floats = floats
        storage = .allocate(capacity: self.workers * floats)
        if zeroed { storage.initialize(repeating: 0, count: self.workers * floats) }
    }

    func buffer(_ worker: Int) -> UnsafeMutablePointer<Float> { storage + worker * floats }

    deinit { storage.deallocate() }
}
