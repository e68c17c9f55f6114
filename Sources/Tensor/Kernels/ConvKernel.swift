import CKernels

/// The one 3-D convolution kernel (stride 1, zero padding, cubic kernel), for forward and both
/// gradients, on all cores.
///
/// 3×3×3 forwards, input gradients and weight gradients take a Winograd path: without a fixed
/// row axis, for wide convolutions, the two-axis F(4,3) × F(4,3) (``WinogradTiling``: 6.75 instead of 27
/// multiply-adds per output and input channel), else F(4,3) along one axis
/// (`ConvKernel+Winograd.swift`, `ConvKernel+WinogradWeightGradient.swift`: 13.5); other kernel
/// sizes the direct one.
///
/// Both C kernels (CKernels) work on a "wide" grid: the input is copied once into a zero-padded
/// scratch volume, where every tap is a constant shift of one flat index, so no im2col matrix is
/// built and nothing is packed. The input gradient is the forward kernel run on the output
/// gradient with the weights transposed (in ↔ out) and flipped, and padding `k - 1 - p`: a
/// gather instead of a col2im scatter, so workers never write the same voxel. Work is split
/// statically, so results are bit-identical from run to run.
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

        var outPlane: Int { outD * outH * outW }
        var inPlane: Int { inD * inH * inW }
        var outputShape: [Int] { [batch, outChannels, outD, outH, outW] }
    }

    /// `y = w ⋆ x` (cross-correlation, no bias). `y` must hold `geometry.outputShape` elements.
    ///
    /// Direct convolution (CKernels `wg_conv_wide`): the input is copied once into a zero-padded,
    /// axis-permuted scratch volume; there every tap is a constant shift of a flat index, so the
    /// output is computed on a "wide" grid (the scratch strides, a few junk columns where the
    /// inner axes wrap) by a register-blocked kernel that reads the input in place, then compacted.
    /// Columns are split into one contiguous range per worker.
    /// `rowAxis` (0, 1, 2 for D, H, W) fixes the scratch's stride-1 axis (default: the longest).
    /// A Winograd output's rounding then depends on its position modulo 4 along that axis and on
    /// the inputs of its quad (3 beyond what it reads, zeros past the volume's end): a window of a
    /// large volume starting at a multiple of 4 along it reproduces the volume's outputs bit for
    /// bit, except its last 3 along that axis unless it ends with the volume.
    /// - Complexity: 2·N·Cout·Cin·k³ flops on the wide grid (a few percent above the dense count).
    static func forward(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                        rowAxis: Int? = nil) {
        if usesWinogradPlanes(g, rowAxis: rowAxis) { return forwardWinogradPlanes(g, x: x, w: w, y: y) }
        if g.kernel == 3 { return forwardWinograd(g, x: x, w: w, y: y, rowAxis: rowAxis) }
        let layout = WideLayout(g, rowAxis: rowAxis)
        let (k, ldx, shifts) = (g.kernel, layout.ldx, layout.shifts)
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let ldy = (layout.columns + block - 1) / block * block
        let packed = packWeights(w, outChannels: g.outChannels, inChannels: g.inChannels, taps: k * k * k)
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * ldx) { padded in
            pool.withBuffer(g.outChannels * ldy) { wide in
                for n in 0..<g.batch {
                    fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
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
                    compact(g, layout, wide: wide, ldy: ldy, into: y + n * g.outChannels * g.outPlane)
                }
            }
        }
    }

    /// Whether a convolution takes the two-axis Winograd path (``WinogradTiling``): 3×3×3 kernels
    /// where no row axis is fixed (a fixed row axis, for tiled sampling, keeps the one-axis path,
    /// whose rounding depends only on positions along that axis), and only where it pays: its transforms move 36 values per 16 outputs where the one-axis path moves 6
    /// per 4, and run 16 tiles of a row per vector, so it needs many channels on both sides and
    /// long rows of tiles. Measured per convolution inside training (AVX-512, 2 cores): 64→64 on
    /// 42×16×42 outputs 0.85× the one-axis time, 64→64 on 36×10×36 0.86×, 32→64 on 44×18×44
    /// 0.85×, 64→32 on 40×14×40 0.90×; but 32→64 on 34×14×34 1.20×, 64→64 on 12×10×12 1.47×.
    static func usesWinogradPlanes(_ g: Geometry, rowAxis: Int?) -> Bool {
        guard g.kernel == 3, rowAxis == nil else { return false }
        switch WinogradAxes.current {
        case .one: return false
        case .two: return true
        case .automatic: break
        }
        let tiling = WinogradTiling(g)
        let channels = Double(g.inChannels * g.outChannels) / Double(g.inChannels + g.outChannels)
        let rowTiles = Double(min(tiling.tilesInner, tiling.tilesOuter, 16)) / 16
        return channels * rowTiles >= 13
    }

    /// Weights `[Cout, Cin, taps]` as `[⌈Cout/8⌉][Cin][taps][8]`, zero rows past Cout.
    static func packWeights(_ w: UnsafePointer<Float>, outChannels: Int, inChannels: Int, taps: Int) -> [Float] {
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

    /// Copies one image into the zero-padded, axis-permuted scratch volume (channel stride `ldx`).
    static func fillPadded(_ g: Geometry, _ layout: WideLayout, source: UnsafePointer<Float>,
                                   into padded: UnsafeMutablePointer<Float>) {
        let p = g.padding
        let (src, dst) = (SendableConstPointer(source), SendablePointer(padded))
        Parallel.forEach(g.inChannels) { _, c in
            let channel = dst.base + c * layout.ldx
            layout.zeroOutside(extents: [g.inD, g.inH, g.inW], offset: p, in: channel, length: layout.ldx)
            let image = src.base + c * g.inPlane
            layout.forEachLine(extents: [g.inD, g.inH, g.inW], offset: p) { dense, wide, count, stride in
                WideLayout.copy(image + dense, stride: stride, to: channel + wide, count: count)
            }
        }
    }

    /// Copies the valid voxels of the wide grid into the dense output.
    private static func compact(_ g: Geometry, _ layout: WideLayout, wide: UnsafeMutablePointer<Float>, ldy: Int,
                                into y: UnsafeMutablePointer<Float>) {
        let (src, dst) = (SendableConstPointer(UnsafePointer(wide)), SendablePointer(y))
        Parallel.forEach(g.outChannels) { _, o in
            let row = src.base + o * ldy, image = dst.base + o * g.outPlane
            layout.forEachLine(extents: [g.outD, g.outH, g.outW], offset: 0) { dense, wideStart, count, stride in
                WideLayout.copy(row + wideStart, to: image + dense, count: count, stride: stride)
            }
        }
    }

    /// `dw[o, c, k] = Σ_n Σ_y dy[n, o, y] · x[n, c, y + k - p]`, written to `dw` (`[Cout, Cin, k, k, k]`).
    /// 3×3×3 kernels take the Winograd F(4,3) path (`ConvKernel+WinogradWeightGradient.swift`).
    static func weightGradient(_ g: Geometry, x: UnsafePointer<Float>, dy: UnsafePointer<Float>, dw: UnsafeMutablePointer<Float>) {
        if usesWinogradPlanes(g, rowAxis: nil) { return weightGradientWinogradPlanes(g, x: x, dy: dy, dw: dw) }
        if g.kernel == 3 { return weightGradientWinograd(g, x: x, dy: dy, dw: dw) }
        let layout = WideLayout(g)
        let rowBlock = Int(WG_WGRAD_ROW_BLOCK)
        let rows = (g.outChannels + rowBlock - 1) / rowBlock * rowBlock
        let ldg = (layout.columns + 15) / 16 * 16
        let taps = g.kernel * g.kernel * g.kernel
        dw.update(repeating: 0, count: g.outChannels * g.inChannels * taps)
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(rows * ldg) { wide in
                for n in 0..<g.batch {
                    fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                    spread(g, layout, source: dy + n * g.outChannels * g.outPlane, into: wide, rows: rows, ldg: ldg)
                    let (xs, gs, ds) = (SendableConstPointer(UnsafePointer(padded)), SendableConstPointer(UnsafePointer(wide)),
                                        SendablePointer(dw))
                    let workers = min(Parallel.threadCount, g.inChannels)
                    layout.shifts.withUnsafeBufferPointer { shiftBuffer in
                        guard let sb = shiftBuffer.baseAddress else { return }
                        let ss = SendableConstPointer(sb)
                        Parallel.forEach(workers, workers: workers) { _, part in
                            wg_conv_weight_gradient(gs.base, ldg, g.outChannels, xs.base, layout.ldx, g.inChannels,
                                                    ss.base, taps, ldg, ds.base,
                                                    g.inChannels * part / workers, g.inChannels * (part + 1) / workers)
                        }
                    }
                }
            }
        }
    }

    /// Writes the output gradient into the wide grid (zeros in junk columns and padding rows).
    static func spread(_ g: Geometry, _ layout: WideLayout, source: UnsafePointer<Float>,
                               into wide: UnsafeMutablePointer<Float>, rows: Int, ldg: Int) {
        let (src, dst) = (SendableConstPointer(source), SendablePointer(wide))
        Parallel.forEach(rows) { _, o in
            let row = dst.base + o * ldg
            guard o < g.outChannels else { return row.update(repeating: 0, count: ldg) }
            layout.zeroOutside(extents: [g.outD, g.outH, g.outW], offset: 0, in: row, length: ldg)
            let image = src.base + o * g.outPlane
            layout.forEachLine(extents: [g.outD, g.outH, g.outW], offset: 0) { dense, wide, count, stride in
                WideLayout.copy(image + dense, stride: stride, to: row + wide, count: count)
            }
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
}

/// Index arithmetic of the wide grid: the zero-padded input's strides, the tap shifts, and the
/// number of flat output columns that cover every valid output voxel.
///
/// The scratch volume stores the spatial axes permuted so that the longest is innermost and the
/// shortest outermost: junk columns appear only where the two inner axes wrap, so this keeps the
/// wasted work small whatever the volume's layout (51×10×64 or 51×64×10 alike). The innermost
/// extent is padded to a whole number of Winograd tiles (a few more junk columns).
struct WideLayout {
    /// Strides in the scratch volume of the original spatial axes D, H, W.
    let strides: [Int]
    /// Channel stride of the padded input scratch, with slack for the kernels' vector over-reads.
    let ldx: Int
    /// Flat columns `0 ..< columns` hold every valid output (and junk elsewhere).
    let columns: Int
    /// The flat shift of each tap `(kd, kh, kw)`, in PyTorch's tap order (kw fastest).
    let shifts: [Int]

    /// - Parameter rowAxis: the stride-1 axis (nil: the longest).
    init(_ g: ConvKernel.Geometry, rowAxis: Int? = nil) {
        let p = g.padding
        let padded = [g.inD + 2 * p, g.inH + 2 * p, g.inW + 2 * p]
        // Innermost first: the longest axis (ties keep the later axis innermost), or the one asked for.
        var order = [2, 1, 0].sorted { padded[$0] > padded[$1] }
        if let rowAxis {
            // A fixed order of all three: the outer axes set the order in which the Winograd path
            // sums its row taps, which must not depend on the volume's extents.
            precondition((0..<3).contains(rowAxis), "WideLayout: row axis \(rowAxis) is not 0, 1 or 2")
            order = [rowAxis] + [2, 1, 0].filter { $0 != rowAxis }
        }
        var strides = [0, 0, 0]
        var running = 1
        for axis in order {
            strides[axis] = running
            // The innermost extent rounds up to whole Winograd tiles, so every row tap starts at
            // the same phase (tile boundary) and only one transformed copy of the input is needed.
            // With a fixed row axis, at least 3 zeros follow every row: the last quad of a row
            // (six inputs) then reads zeros, not the next row, so its rounding is the same in any
            // window that ends with the volume.
            let slack = rowAxis == nil ? 0 : 3
            running *= axis == order[0] ? (padded[axis] + slack + WinogradTile.outputs - 1) / WinogradTile.outputs * WinogradTile.outputs
                                        : padded[axis]
        }
        self.strides = strides
        ldx = (running + Int(WG_CONV_COLUMN_BLOCK) + 15) / 16 * 16
        columns = (g.outD - 1) * strides[0] + (g.outH - 1) * strides[1] + (g.outW - 1) * strides[2] + 1
        var shifts: [Int] = []
        for kd in 0..<g.kernel {
            for kh in 0..<g.kernel {
                for kw in 0..<g.kernel { shifts.append(kd * strides[0] + kh * strides[1] + kw * strides[2]) }
            }
        }
        self.shifts = shifts
    }

    /// Visits a dense NCDHW image of spatial `extents` line by line along the scratch's stride-1
    /// axis (so the scratch side is always contiguous): `body(denseStart, wideStart, count,
    /// denseStride)`, where wide positions are shifted by `offset` on every axis (the padding).
    func forEachLine(extents: [Int], offset: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let dense = [extents[1] * extents[2], extents[2], 1]
        let inner = strides.firstIndex(of: 1) ?? 2
        let outer = [0, 1, 2].filter { $0 != inner }
        let base = offset * (strides[0] + strides[1] + strides[2])
        for a in 0..<extents[outer[0]] {
            for b in 0..<extents[outer[1]] {
                body(a * dense[outer[0]] + b * dense[outer[1]], base + a * strides[outer[0]] + b * strides[outer[1]],
                     extents[inner], dense[inner])
            }
        }
    }

    /// Zeroes the elements of one scratch row `row[0 ..< length]` outside the box that
    /// ``forEachLine(extents:offset:_:)`` fills (every axis from `offset` for its extent), so the
    /// lines' voxels are written once, not zeroed first.
    func zeroOutside(extents: [Int], offset: Int, in row: UnsafeMutablePointer<Float>, length: Int) {
        let inner = strides.firstIndex(of: 1) ?? 2
        let outer = [0, 1, 2].filter { $0 != inner }.sorted { strides[$0] > strides[$1] }
        let (planeStride, lineStride) = (strides[outer[0]], strides[outer[1]])
        func zero(_ from: Int, _ to: Int) {
            let (a, b) = (min(from, length), min(to, length))
            if b > a { (row + a).update(repeating: 0, count: b - a) }
        }
        let (planes, lines) = (offset..<(offset + extents[outer[0]]), offset..<(offset + extents[outer[1]]))
        for plane in 0..<((length + planeStride - 1) / planeStride) {
            let base = plane * planeStride
            guard planes.contains(plane) else {
                zero(base, base + planeStride)
                continue
            }
            for line in 0..<(planeStride / lineStride) {
                let start = base + line * lineStride
                guard lines.contains(line) else {
                    zero(start, start + lineStride)
                    continue
                }
                zero(start, start + offset)
                zero(start + offset + extents[inner], start + lineStride)
            }
        }
    }

    /// Copies `count` floats from `source` (contiguous) to `destination` with stride `stride`.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int, stride: Int) {
        if stride == 1 {
            destination.update(from: source, count: count)
        } else {
            for i in 0..<count { destination[i * stride] = source[i] }
        }
    }

    /// Copies `count` floats from `source` with stride `stride` to `destination` (contiguous).
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, stride: Int, to destination: UnsafeMutablePointer<Float>, count: Int) {
        if stride == 1 {
            destination.update(from: source, count: count)
        } else {
            for i in 0..<count { destination[i] = source[i * stride] }
        }
    }
}
