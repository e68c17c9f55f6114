import CKernels

/// The Winograd F(4,3) weight gradient for 3×3×3 kernels: the transpose of the forward path.
///
/// Along the scratch's stride-1 axis, output columns group into quads as in the forward
/// (`ConvKernel+Winograd.swift`, `WinogradTile`): `y = Aᵀ M` with `M_k = G_k · u_k`. So
/// `Σ dy·y = Σ_k a_k · G_k · u_k` with the transformed output gradient `a = A dy`, and
/// `P_k = ∂/∂G_k = Σ_quads a_k · u_k` are six direct weight gradients with 9 row taps over output
/// *quads* (the same register-blocked kernel). The chain rule through `G_k = Σ_m G[k][m] g_m` gives
/// `dg_m = Σ_k G[k][m] · P_k`: 13.5 instead of 27 multiply-adds per output voxel, output and input channel.
extension ConvKernel {
    static func weightGradientWinograd(_ g: Geometry, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                                       dw: UnsafeMutablePointer<Float>) {
        let layout = WideLayout(g)
        let rows = WinogradRows(layout)
        let (tile, points) = (WinogradTile.outputs, WinogradTile.points)
        let rowBlock = Int(WG_WGRAD_ROW_BLOCK)
        let outRows = (g.outChannels + rowBlock - 1) / rowBlock * rowBlock
        let ldq = ((layout.columns + tile - 1) / tile + 15) / 16 * 16    // output quads, whole vectors
        let ldg = tile * ldq                                              // wide output gradient, zero past `columns`
        let ldu = (ldq + (rows.tileShifts.max() ?? 0) + 16 + 255) / 256 * 256 + 16
        let products = points * g.outChannels * g.inChannels * 9
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(outRows * ldg) { wide in
                pool.withBuffer(products) { partials in
                    partials.update(repeating: 0, count: products)
                    for n in 0..<g.batch {
                        fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                        spread(g, layout, source: dy + n * g.outChannels * g.outPlane, into: wide, rows: outRows, ldg: ldg)
                        if KernelPrecision.current == .bf16 {
                            accumulateProductsBF16(g, layout, rows, padded: padded, ldu: ldu, wide: wide, ldg: ldg,
                                                   rows: outRows, ldq: ldq, into: partials)
                            continue
                        }
                        pool.withBuffer(g.inChannels * rows.usedChannelStride(ldu: ldu)) { transformed in
                            pool.withBuffer(points * outRows * ldq) { quadGradients in
                                transformInput(g, layout, rows, padded: padded, into: transformed, ldu: ldu)
                                transformQuads(wide, ldg: ldg, rows: outRows, into: quadGradients, ldq: ldq)
                                accumulateProducts(g, rows, transformed: transformed, ldu: ldu,
                                                   quadGradients: quadGradients, rows: outRows, ldq: ldq, into: partials)
                            }
                        }
                    }
                    combine(g, rows, partials: partials, into: dw)
                }
            }
        }
    }

    /// `a = A dy` of every output-gradient row, component-major: `[6][rows][ldq]`.
    private static func transformQuads(_ wide: UnsafeMutablePointer<Float>, ldg: Int, rows: Int,
                                       into quads: UnsafeMutablePointer<Float>, ldq: Int) {
        let (src, dst) = (SendableConstPointer(UnsafePointer(wide)), SendablePointer(quads))
        WinogradTile.outputGradientTransform.withUnsafeBufferPointer { matrix in
            guard let mb = matrix.baseAddress else { return }
            let ms = SendableConstPointer(mb)
            Parallel.forEach(rows) { _, o in
                wg_winograd_quads(src.base + o * ldg, ldg, 0, ms.base, WinogradTile.outputs, dst.base + o * ldq,
                                  rows * ldq, ldq)
            }
        }
    }

    /// `P_k[o, c, row tap] += Σ_quads a_k[o] · u_k[c]` for k = 0…5, input channels split over workers.
    private static func accumulateProducts(_ g: Geometry, _ winogradRows: WinogradRows, transformed: UnsafeMutablePointer<Float>,
                                           ldu: Int, quadGradients: UnsafeMutablePointer<Float>, rows: Int, ldq: Int,
                                           into partials: UnsafeMutablePointer<Float>) {
        let component = g.outChannels * g.inChannels * 9
        let ldc = winogradRows.usedChannelStride(ldu: ldu)
        winogradRows.offsets(ldu: ldu).withUnsafeBufferPointer { offsetBuffer in
            guard let os = offsetBuffer.baseAddress else { return }
            forEachChannelRange(g.inChannels) { begin, end in
                for k in 0..<WinogradTile.points {
                    wg_conv_weight_gradient(quadGradients + k * rows * ldq, ldq, g.outChannels, transformed + k * ldu, ldc,
                                            g.inChannels, os, 9, ldq, partials + k * component, begin, end)
                }
            }
        }
    }

    /// Runs `body(begin, end)` on every worker, each with its own contiguous range of `0 ..< channels`.
    static func forEachChannelRange(_ channels: Int, _ body: (_ begin: Int, _ end: Int) -> Void) {
        let workers = min(Parallel.threadCount, channels)
        Parallel.forEach(workers, workers: workers) { _, part in body(channels * part / workers, channels * (part + 1) / workers) }
    }

    /// `dw[o, c, taps of row t][m] = Σ_k G[k][m] · P_k[o, c, t]` in PyTorch tap order.
    private static func combine(_ g: Geometry, _ rows: WinogradRows, partials: UnsafeMutablePointer<Float>,
                                into dw: UnsafeMutablePointer<Float>) {
        let component = g.outChannels * g.inChannels * 9
        let matrix = WinogradTile.kernelTransform.flatMap { $0 }
        let taps = rows.taps.flatMap { $0 }
        for oc in 0..<(g.outChannels * g.inChannels) {
            let out = dw + oc * 27
            for t in 0..<9 {
                let i = oc * 9 + t
                for m in 0..<3 {
                    var sum: Float = 0
                    for k in 0..<WinogradTile.points { sum += matrix[3 * k + m] * partials[k * component + i] }
                    out[taps[3 * t + m]] = sum
                }
            }
        }
    }
}
