import CKernels

/// The Winograd F(4,3) forward path for 3×3×3 kernels, used for the forward and the input gradient.
///
/// On the wide grid, the kernel axis that runs along the scratch's stride-1 axis is a 3-tap 1-D
/// correlation of the flat index, so output quads need six products instead of twelve
/// (`WinogradTile`): `M_k = Σ_{c, row tap} G_k · u_k` for k = 0…5 are six direct convolutions with
/// 9 row taps over the transformed input (same register-blocked kernel, over output *quads*), and
/// `y = Aᵀ M`. That is 13.5 instead of 27 multiply-adds per output and input channel.
extension ConvKernel {
    static func forwardWinograd(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                                rowAxis: Int? = nil) {
        let plan = WinogradForwardPlan(g, rowAxis: rowAxis)
        let (layout, rows, ldp, ldu, ldc) = (plan.layout, plan.rows, plan.ldp, plan.ldu, plan.ldc)
        let points = WinogradTile.points
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let offsets = rows.offsets(ldu: ldu)
        let packing = PackedWeightCache.Layout(path: "rows", parameters: [g.outChannels, g.inChannels] + rows.taps.flatMap { $0 })
        let packed = PackedWeightCache.shared.packed(UnsafeBufferPointer(start: w, count: g.outChannels * g.inChannels * 27),
                                                     layout: packing) { packTransformedWeights(w, g, rows) }
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(points * g.outChannels * ldp) { products in
                for n in 0..<g.batch {
                    fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                    if KernelPrecision.current == .bf16 {
                        winogradProductsBF16(g, layout, rows, padded: padded, ldu: ldu, packed: packed, offsets: offsets,
                                             products: products, ldp: ldp)
                    } else {
                        pool.withBuffer(g.inChannels * ldc) { transformed in
                            transformInput(g, layout, rows, padded: padded, into: transformed, ldu: ldu)
                            winogradProducts(g, transformed: transformed, ldu: ldu, ldc: ldc, packed: packed, offsets: offsets,
                                             products: products, ldp: ldp)
                        }
                    }
                    transformOutput(g, layout, products: products, ldp: ldp, into: y + n * g.outChannels * g.outPlane)
                }
            }
        }
    }

    /// `M_k = Σ_{c, row tap} G_k · u_k` for k = 0…5 (FP32), output quads split over workers.
    private static func winogradProducts(_ g: Geometry, transformed: UnsafeMutablePointer<Float>, ldu: Int, ldc: Int,
                                         packed: [Float], offsets: [Int], products: UnsafeMutablePointer<Float>, ldp: Int) {
        forEachComponentRange(offsets, packed, componentSize: packed.count / WinogradTile.points, columns: ldp) { k, os, wb, begin, end in
            wg_conv_wide(transformed + k * ldu, ldc, g.inChannels, os, 9, wb, g.outChannels,
                         products + k * g.outChannels * ldp, ldp, begin, end)
        }
    }

    /// Runs `kernel(k, offsets, weights of component k, begin, end)` for the `weights.count /
    /// componentSize` Winograd components (each `componentSize` values of `weights`) on every
    /// worker, each with its own contiguous range of whole column blocks (`WG_CONV_COLUMN_BLOCK`)
    /// of `0 ..< columns`.
    static func forEachComponentRange<Weight>(
        _ offsets: [Int], _ weights: [Weight], componentSize: Int, columns: Int,
        _ kernel: (_ k: Int, _ offsets: UnsafePointer<Int>, _ weights: UnsafePointer<Weight>, _ begin: Int, _ end: Int) -> Void
    ) {
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let blocks = columns / block
        let workers = min(Parallel.threadCount, blocks)
        offsets.withUnsafeBufferPointer { offsetBuffer in
            weights.withUnsafeBufferPointer { weightBuffer in
                guard let os = offsetBuffer.baseAddress, let wb = weightBuffer.baseAddress else { return }
                let (offsetsBase, weightsBase) = (SendableConstPointer(os), SendableConstPointer(wb))
                Parallel.forEach(workers, workers: workers) { _, part in
                    let (begin, end) = (blocks * part / workers * block, blocks * (part + 1) / workers * block)
                    for k in 0..<(weights.count / componentSize) {
                        kernel(k, offsetsBase.base, weightsBase.base + k * componentSize, begin, end)
                    }
                }
            }
        }
    }

    /// `u = Bᵀ d` of every channel and used phase: `transformed[c][phase][component][ldu]`.
    static func transformInput(_ g: Geometry, _ layout: WideLayout, _ rows: WinogradRows,
                               padded: UnsafeMutablePointer<Float>, into transformed: UnsafeMutablePointer<Float>, ldu: Int) {
        let ldc = rows.usedChannelStride(ldu: ldu)
        let phases = rows.usedPhases
        let (xs, us) = (SendableConstPointer(UnsafePointer(padded)), SendablePointer(transformed))
        WinogradTile.inputTransform.withUnsafeBufferPointer { matrix in
            guard let mb = matrix.baseAddress else { return }
            let ms = SendableConstPointer(mb)
            Parallel.forEach(g.inChannels) { _, c in
                for phase in phases {
                    wg_winograd_quads(xs.base + c * layout.ldx, layout.ldx, phase, ms.base, WinogradTile.points,
                                      us.base + c * ldc + phase * WinogradTile.points * ldu, ldu, ldu)
                }
            }
        }
    }

    /// Floats of scratch the forward checks out (padded input, transformed input, products).
    static func forwardScratchCount(_ g: Geometry, rowAxis: Int?) -> Int {
        if usesWinogradPlanes(g, rowAxis: rowAxis) {
            let tiling = WinogradTiling(g)
            return g.inChannels * tiling.channelStride + WinogradTiling.components * g.outChannels * tiling.ldm
        }
        guard g.kernel == 3 else {
            let layout = WideLayout(g, rowAxis: rowAxis)
            let block = Int(WG_CONV_COLUMN_BLOCK)
            return g.inChannels * layout.ldx + g.outChannels * ((layout.columns + block - 1) / block * block)
        }
        let plan = WinogradForwardPlan(g, rowAxis: rowAxis)
        return g.inChannels * plan.layout.ldx + g.inChannels * plan.ldc + WinogradTile.points * g.outChannels * plan.ldp
    }

    /// `y = Aᵀ M` per output quad, compacted. Lines run along the scratch's stride-1 axis, so the
    /// products are read contiguously whatever the output layout.
    private static func transformOutput(_ g: Geometry, _ layout: WideLayout, products: UnsafeMutablePointer<Float>,
                                        ldp: Int, into y: UnsafeMutablePointer<Float>) {
        let plane = g.outChannels * ldp
        let (src, dst) = (SendableConstPointer(UnsafePointer(products)), SendablePointer(y))
        Parallel.forEach(g.outChannels) { _, o in
            let first = src.base + o * ldp
            let out = dst.base + o * g.outPlane
            withUnsafeTemporaryAllocation(of: UnsafePointer<Float>?.self, capacity: WinogradTile.points) { rowsOfM in
                for k in 0..<WinogradTile.points { rowsOfM[k] = first + k * plane }
                guard let m = rowsOfM.baseAddress else { return }
                layout.forEachLine(extents: [g.outD, g.outH, g.outW], offset: 0) { dense, wide, count, stride in
                    wg_winograd_output_row(m, wide, count, out + dense, stride)
                }
            }
        }
    }

    /// Calls `body(w[o, c], slot)` for every output and input channel: the 27 weights of the pair,
    /// and the index of its first tap in weights packed like the direct kernel's,
    /// `[⌈Cout/8⌉][Cin][taps][8]` (tap `t` at `slot + 8t`).
    static func forEachPackedChannelPair(_ w: UnsafePointer<Float>, _ g: Geometry, taps: Int,
                                         _ body: (UnsafePointer<Float>, Int) -> Void) {
        let rowBlock = Int(WG_CONV_ROW_BLOCK)
        for o in 0..<g.outChannels {
            let (b, r) = o.quotientAndRemainder(dividingBy: rowBlock)
            for c in 0..<g.inChannels { body(w + (o * g.inChannels + c) * 27, (b * g.inChannels + c) * taps * rowBlock + r) }
        }
    }

    /// The six components of the transformed weights, each `[Cout, Cin, 9 row taps]` packed like
    /// the direct kernel's weights (`[⌈Cout/8⌉][Cin][9][8]`, zero rows past Cout), one after the
    /// other, made in one pass.
    private static func packTransformedWeights(_ w: UnsafePointer<Float>, _ g: Geometry, _ rows: WinogradRows) -> [Float] {
        let rowBlock = Int(WG_CONV_ROW_BLOCK)
        let size = (g.outChannels + rowBlock - 1) / rowBlock * g.inChannels * 9 * rowBlock
        let points = WinogradTile.points
        let matrix = WinogradTile.kernelTransform.flatMap { $0 }
        let taps = rows.taps.flatMap { $0 }
        var flat = [Float](repeating: 0, count: points * size)
        flat.withUnsafeMutableBufferPointer { out in
            forEachPackedChannelPair(w, g, taps: 9) { weights, slot in
                for t in 0..<9 {
                    let (g0, g1, g2) = (weights[taps[3 * t]], weights[taps[3 * t + 1]], weights[taps[3 * t + 2]])
                    for k in 0..<points {
                        out[k * size + slot + t * rowBlock] = matrix[3 * k] * g0 + matrix[3 * k + 1] * g1 + matrix[3 * k + 2] * g2
                    }
                }
            }
        }
        return flat
    }
}

/// The scratch strides of one Winograd forward: products per output quad (`ldp`), transformed
/// input rows (`ldu`) and channels (`ldc`, only the phases row taps start at).
struct WinogradForwardPlan {
    let layout: WideLayout
    let rows: WinogradRows
    let ldp, ldu, ldc: Int

    init(_ g: ConvKernel.Geometry, rowAxis: Int?) {
        layout = WideLayout(g, rowAxis: rowAxis)
        rows = WinogradRows(layout)
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let quads = (layout.columns + WinogradTile.outputs - 1) / WinogradTile.outputs
        ldp = (quads + block - 1) / block * block
        // Rows sit 64 bytes off a 1 KiB multiple apart, so rows read together do not share cache sets.
        ldu = (ldp + (rows.tileShifts.max() ?? 0) + block + 255) / 256 * 256 + 16
        ldc = rows.usedChannelStride(ldu: ldu)
    }
}
