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
        let packed = (0..<points).map { packTransformedWeights(w, g, rows, component: $0) }
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(g.inChannels * ldc) { transformed in
                pool.withBuffer(points * g.outChannels * ldp) { products in
                    for n in 0..<g.batch {
                        fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                        transformInput(g, layout, rows, padded: padded, into: transformed, ldu: ldu)
                        let (us, ms) = (SendableConstPointer(UnsafePointer(transformed)), SendablePointer(products))
                        let blocks = ldp / block
                        let workers = min(Parallel.threadCount, blocks)
                        offsets.withUnsafeBufferPointer { offsetBuffer in
                            guard let ob = offsetBuffer.baseAddress else { return }
                            let os = SendableConstPointer(ob)
                            Parallel.forEach(workers, workers: workers) { _, part in
                                let (begin, end) = (blocks * part / workers * block, blocks * (part + 1) / workers * block)
                                for k in 0..<points {
                                    packed[k].withUnsafeBufferPointer { weights in
                                        guard let wb = weights.baseAddress else { return }
                                        wg_conv_wide(us.base + k * ldu, ldc, g.inChannels, os.base, 9, wb, g.outChannels,
                                                     ms.base + k * g.outChannels * ldp, ldp, begin, end)
                                    }
                                }
                            }
                        }
                        transformOutput(g, layout, products: products, ldp: ldp, into: y + n * g.outChannels * g.outPlane)
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

    /// Component `k` of the transformed weights, `[Cout, Cin, 9 row taps]`, packed like the direct
    /// kernel's weights (`[⌈Cout/8⌉][Cin][9][8]`).
    private static func packTransformedWeights(_ w: UnsafePointer<Float>, _ g: Geometry, _ rows: WinogradRows,
                                               component k: Int) -> [Float] {
        var transformed = [Float](repeating: 0, count: g.outChannels * g.inChannels * 9)
        for oc in 0..<(g.outChannels * g.inChannels) {
            let weights = w + oc * 27
            for t in 0..<9 {
                transformed[oc * 9 + t] = WinogradTile.transformedKernel(
                    weights[rows.taps[t][0]], weights[rows.taps[t][1]], weights[rows.taps[t][2]], component: k)
            }
        }
        return transformed.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return packWeights(base, outChannels: g.outChannels, inChannels: g.inChannels, taps: 9)
        }
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
