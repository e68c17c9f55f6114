import CKernels

/// The Winograd F(2,3) weight gradient for 3×3×3 kernels: the transpose of the forward path.
///
/// Along the scratch's stride-1 axis, output columns pair up as in the forward
/// (`ConvKernel+Winograd.swift`): `y0 = M0 + M1 + M2`, `y1 = M1 - M2 - M3` with `M_k = G_k · u_k`.
/// So `Σ dy·y = Σ_k A_k · G_k · u_k` with the transformed output gradient
/// `A0 = dy0, A1 = dy0 + dy1, A2 = dy0 - dy1, A3 = -dy1`, and `P_k = ∂/∂G_k = Σ_pairs A_k · u_k` are
/// four direct weight gradients with 9 row taps over output *pairs* (the same register-blocked
/// kernel). The chain rule through `G0 = g0, G1 = (g0+g1+g2)/2, G2 = (g0-g1+g2)/2, G3 = g2` gives
/// `dg0 = P0 + (P1+P2)/2`, `dg1 = (P1-P2)/2`, `dg2 = (P1+P2)/2 + P3`: 18 instead of 27
/// multiply-adds per output voxel, output and input channel.
extension ConvKernel {
    static func weightGradientWinograd(_ g: Geometry, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                                       dw: UnsafeMutablePointer<Float>) {
        let layout = WideLayout(g)
        let rows = WinogradRows(layout)
        let rowBlock = Int(WG_WGRAD_ROW_BLOCK)
        let outRows = (g.outChannels + rowBlock - 1) / rowBlock * rowBlock
        let ldq = ((layout.columns + 1) / 2 + 15) / 16 * 16    // output pairs, whole vectors
        let ldg = 2 * ldq                                     // wide output gradient, zero past `columns`
        let ldu = (ldq + (rows.pairShifts.max() ?? 0) + 16 + 255) / 256 * 256 + 16
        let shifts = zip(rows.parities, rows.pairShifts).map { $0 * 4 * ldu + $1 }
        let parities = Int32(rows.parities.reduce(0) { $0 | (1 << $1) })
        let products = 4 * g.outChannels * g.inChannels * 9
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(g.inChannels * 8 * ldu) { transformed in
                pool.withBuffer(outRows * ldg) { wide in
                    pool.withBuffer(4 * outRows * ldq) { pairGradients in
                        pool.withBuffer(products) { partials in
                            partials.update(repeating: 0, count: products)
                            for n in 0..<g.batch {
                                fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                                spread(g, layout, source: dy + n * g.outChannels * g.outPlane, into: wide, rows: outRows, ldg: ldg)
                                let (xs, us) = (SendableConstPointer(UnsafePointer(padded)), SendablePointer(transformed))
                                Parallel.forEach(g.inChannels) { _, c in
                                    wg_winograd_transform_input(xs.base + c * layout.ldx, layout.ldx, 1,
                                                                us.base + c * 8 * ldu, ldu, parities)
                                }
                                transformPairs(wide, ldg: ldg, rows: outRows, into: pairGradients, ldq: ldq)
                                accumulateProducts(g, transformed: transformed, ldu: ldu, shifts: shifts,
                                                   pairGradients: pairGradients, rows: outRows, ldq: ldq, into: partials)
                            }
                            combine(g, rows, partials: partials, into: dw)
                        }
                    }
                }
            }
        }
    }

    /// `A_k` of every output-gradient row, component-major: `[4][rows][ldq]`.
    private static func transformPairs(_ wide: UnsafeMutablePointer<Float>, ldg: Int, rows: Int,
                                       into pairs: UnsafeMutablePointer<Float>, ldq: Int) {
        let (src, dst) = (SendableConstPointer(UnsafePointer(wide)), SendablePointer(pairs))
        let plane = rows * ldq
        Parallel.forEach(rows) { _, o in
            let row = src.base + o * ldg
            let a0 = dst.base + o * ldq, a1 = a0 + plane, a2 = a1 + plane, a3 = a2 + plane
            for i in 0..<ldq {
                let (d0, d1) = (row[2 * i], row[2 * i + 1])
                a0[i] = d0
                a1[i] = d0 + d1
                a2[i] = d0 - d1
                a3[i] = -d1
            }
        }
    }

    /// `P_k[o, c, row tap] += Σ_pairs A_k[o] · u_k[c]` for k = 0…3, input channels split over workers.
    private static func accumulateProducts(_ g: Geometry, transformed: UnsafeMutablePointer<Float>, ldu: Int, shifts: [Int],
                                           pairGradients: UnsafeMutablePointer<Float>, rows: Int, ldq: Int,
                                           into partials: UnsafeMutablePointer<Float>) {
        let (us, gs, ps) = (SendableConstPointer(UnsafePointer(transformed)), SendableConstPointer(UnsafePointer(pairGradients)),
                            SendablePointer(partials))
        let workers = min(Parallel.threadCount, g.inChannels)
        let component = g.outChannels * g.inChannels * 9
        shifts.withUnsafeBufferPointer { shiftBuffer in
            guard let sb = shiftBuffer.baseAddress else { return }
            let ss = SendableConstPointer(sb)
            Parallel.forEach(workers, workers: workers) { _, part in
                let (begin, end) = (g.inChannels * part / workers, g.inChannels * (part + 1) / workers)
                for k in 0..<4 {
                    wg_conv_weight_gradient(gs.base + k * rows * ldq, ldq, g.outChannels, us.base + k * ldu, 8 * ldu,
                                            g.inChannels, ss.base, 9, ldq, ps.base + k * component, begin, end)
                }
            }
        }
    }

    /// `dw[o, c, taps of row t] = (P0 + (P1+P2)/2, (P1-P2)/2, (P1+P2)/2 + P3)` in PyTorch tap order.
    private static func combine(_ g: Geometry, _ rows: WinogradRows, partials: UnsafeMutablePointer<Float>,
                                into dw: UnsafeMutablePointer<Float>) {
        let component = g.outChannels * g.inChannels * 9
        let (p0, p1, p2, p3) = (partials, partials + component, partials + 2 * component, partials + 3 * component)
        for oc in 0..<(g.outChannels * g.inChannels) {
            let out = dw + oc * 27
            for t in 0..<9 {
                let i = oc * 9 + t
                let (half, halfDifference) = ((p1[i] + p2[i]) * 0.5, (p1[i] - p2[i]) * 0.5)
                out[rows.taps[t][0]] = p0[i] + half
                out[rows.taps[t][1]] = halfDifference
                out[rows.taps[t][2]] = half + p3[i]
            }
        }
    }
}
