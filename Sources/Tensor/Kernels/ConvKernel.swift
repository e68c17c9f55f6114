import CBLAS
import CKernels

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
    ///
    /// Direct convolution (CKernels `wg_conv_wide`): the input is copied once into a zero-padded
    /// scratch volume; on that volume every tap is a constant shift of a flat index, so the output
    /// is computed on a "wide" grid (padded H·W strides, a few junk columns per row) by a register-
    /// blocked kernel that reads the input in place, then compacted. Columns are split into one
    /// contiguous range per worker.
    static func forward(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let k = g.kernel, p = g.padding
        let (pd, ph, pw) = (g.inD + 2 * p, g.inH + 2 * p, g.inW + 2 * p)
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let paddedPlane = pd * ph * pw
        let ldx = (paddedPlane + block + 15) / 16 * 16
        let columns = (g.outD - 1) * ph * pw + (g.outH - 1) * pw + g.outW
        let ldy = (columns + block - 1) / block * block
        var shifts: [Int] = []
        for kd in 0..<k { for kh in 0..<k { for kw in 0..<k { shifts.append((kd * ph + kh) * pw + kw) } } }
        let packed = packWeights(w, outChannels: g.outChannels, inChannels: g.inChannels, taps: k * k * k)
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * ldx) { padded in
            pool.withBuffer(g.outChannels * ldy) { wide in
                for n in 0..<g.batch {
                    fillPadded(g, source: x + n * g.inChannels * g.inPlane, into: padded, ldx: ldx)
                    let (xs, ys) = (SendableConstPointer(UnsafePointer(padded)), SendablePointer(wide))
                    let blocks = ldy / block
                    let workers = min(Parallel.threadCount, blocks)
                    shifts.withUnsafeBufferPointer { shiftBuffer in
                        packed.withUnsafeBufferPointer { packedBuffer in
                            guard let sb = shiftBuffer.baseAddress, let pb = packedBuffer.baseAddress else { return }
                            let (ss, ps) = (SendableConstPointer(sb), SendableConstPointer(pb))
                            Parallel.forEach(workers, workers: workers) { _, part in
                                let begin = blocks * part / workers * block, end = blocks * (part + 1) / workers * block
                                wg_conv_wide(xs.base, ldx, g.inChannels, ss.base, k * k * k, ps.base, g.outChannels,
                                             ys.base, ldy, begin, end)
                            }
                        }
                    }
                    compact(g, wide: wide, ldy: ldy, rowStride: pw, planeStride: ph * pw,
                            into: y + n * g.outChannels * g.outPlane)
                }
            }
        }
    }

    /// Weights `[Cout, Cin, taps]` as `[⌈Cout/8⌉][Cin][taps][8]`, zero rows past Cout.
    private static func packWeights(_ w: UnsafePointer<Float>, outChannels: Int, inChannels: Int, taps: Int) -> [Float] {
        let rows = Int(WG_CONV_ROW_BLOCK)
        let blocks = (outChannels + rows - 1) / rows
        var packed = [Float](repeating: 0, count: blocks * inChannels * taps * rows)
        for o in 0..<outChannels {
            let (b, r) = o.quotientAndRemainder(dividingBy: rows)
            for c in 0..<inChannels {
                for t in 0..<taps { packed[((b * inChannels + c) * taps + t) * rows + r] = w[(o * inChannels + c) * taps + t] }
            }
        }
        return packed
    }

    /// Copies one image into the zero-padded scratch volume (channel stride `ldx`).
    private static func fillPadded(_ g: Geometry, source: UnsafePointer<Float>, into padded: UnsafeMutablePointer<Float>, ldx: Int) {
        let p = g.padding
        let (ph, pw) = (g.inH + 2 * p, g.inW + 2 * p)
        let (src, dst) = (SendableConstPointer(source), SendablePointer(padded))
        Parallel.forEach(g.inChannels) { _, c in
            let channel = dst.base + c * ldx
            channel.update(repeating: 0, count: ldx)
            for d in 0..<g.inD {
                for h in 0..<g.inH {
                    (channel + ((d + p) * ph + h + p) * pw + p)
                        .update(from: src.base + c * g.inPlane + (d * g.inH + h) * g.inW, count: g.inW)
                }
            }
        }
    }

    /// Copies the valid voxels of the wide grid into the dense output.
    private static func compact(_ g: Geometry, wide: UnsafeMutablePointer<Float>, ldy: Int, rowStride: Int,
                                planeStride: Int, into y: UnsafeMutablePointer<Float>) {
        let (src, dst) = (SendableConstPointer(UnsafePointer(wide)), SendablePointer(y))
        Parallel.forEach(g.outChannels) { _, o in
            for d in 0..<g.outD {
                for h in 0..<g.outH {
                    (dst.base + o * g.outPlane + (d * g.outH + h) * g.outW)
                        .update(from: src.base + o * ldy + d * planeStride + h * rowStride, count: g.outW)
                }
            }
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
