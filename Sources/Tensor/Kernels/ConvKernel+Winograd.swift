import CKernels

/// The Winograd F(2,3) forward path for 3×3×3 kernels, used for the forward and the input gradient.
///
/// On the wide grid, the kernel axis that runs along the scratch's stride-1 axis is a 3-tap 1-D
/// correlation of the flat index, so output pairs need four products instead of six:
/// `M_k = Σ_{c, row tap} G_k · u_k` for k = 0…3 are four direct convolutions with 9 row taps over
/// the transformed input (same register-blocked kernel, over output *pairs*), and
/// `y0 = M0 + M1 + M2`, `y1 = M1 - M2 - M3` (G0 = g0, G1 = (g0+g1+g2)/2, G2 = (g0-g1+g2)/2, G3 = g2).
/// That is 18 instead of 27 multiply-adds per output and input channel.
extension ConvKernel {
    static func forwardWinograd(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        let layout = WideLayout(g)
        let rows = WinogradRows(layout)
        let block = Int(WG_CONV_COLUMN_BLOCK)
        let pairs = (layout.columns + 1) / 2
        let ldp = (pairs + block - 1) / block * block
        // Rows sit 64 bytes off a 1 KiB multiple apart, so rows read together do not share cache sets.
        let ldu = (ldp + (rows.pairShifts.max() ?? 0) + block + 255) / 256 * 256 + 16
        let shifts = zip(rows.parities, rows.pairShifts).map { $0 * 4 * ldu + $1 }
        let packed = (0..<4).map { packTransformedWeights(w, g, rows, component: $0) }
        let pool = ScratchPool.shared
        pool.withBuffer(g.inChannels * layout.ldx) { padded in
            pool.withBuffer(g.inChannels * 8 * ldu) { transformed in
                pool.withBuffer(4 * g.outChannels * ldp) { products in
                    for n in 0..<g.batch {
                        fillPadded(g, layout, source: x + n * g.inChannels * g.inPlane, into: padded)
                        let (xs, us, ms) = (SendableConstPointer(UnsafePointer(padded)), SendablePointer(transformed),
                                            SendablePointer(products))
                        // Only the parities some row tap starts at (often just the even one).
                        let parities = Int32(rows.parities.reduce(0) { $0 | (1 << $1) })
                        Parallel.forEach(g.inChannels) { _, c in
                            wg_winograd_transform_input(xs.base + c * layout.ldx, layout.ldx, 1, us.base + c * 8 * ldu, ldu,
                                                        parities)
                        }
                        let blocks = ldp / block
                        let workers = min(Parallel.threadCount, blocks)
                        shifts.withUnsafeBufferPointer { shiftBuffer in
                            guard let sb = shiftBuffer.baseAddress else { return }
                            let ss = SendableConstPointer(sb)
                            Parallel.forEach(workers, workers: workers) { _, part in
                                let (begin, end) = (blocks * part / workers * block, blocks * (part + 1) / workers * block)
                                for k in 0..<4 {
                                    packed[k].withUnsafeBufferPointer { weights in
                                        guard let wb = weights.baseAddress else { return }
                                        wg_conv_wide(us.base + k * ldu, 8 * ldu, g.inChannels, ss.base, 9, wb, g.outChannels,
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

    /// `y0 = M0 + M1 + M2` at even wide columns, `y1 = M1 - M2 - M3` at odd ones, compacted.
    /// Lines run along the scratch's stride-1 axis, so the products are read contiguously whatever
    /// the output layout.
    private static func transformOutput(_ g: Geometry, _ layout: WideLayout, products: UnsafeMutablePointer<Float>,
                                        ldp: Int, into y: UnsafeMutablePointer<Float>) {
        let plane = g.outChannels * ldp
        let (src, dst) = (SendableConstPointer(UnsafePointer(products)), SendablePointer(y))
        Parallel.forEach(g.outChannels) { _, o in
            let m0 = src.base + o * ldp, m1 = m0 + plane, m2 = m1 + plane, m3 = m2 + plane
            let out = dst.base + o * g.outPlane
            layout.forEachLine(extents: [g.outD, g.outH, g.outW], offset: 0) { dense, wide, count, stride in
                wg_winograd_output_row(m0, m1, m2, m3, wide, count, out + dense, stride)
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
                let (g0, g1, g2) = (weights[rows.taps[t][0]], weights[rows.taps[t][1]], weights[rows.taps[t][2]])
                let value: Float
                switch k {
                case 0: value = g0
                case 1: value = (g0 + g1 + g2) * 0.5
                case 2: value = (g0 - g1 + g2) * 0.5
                default: value = g2
                }
                transformed[oc * 9 + t] = value
            }
        }
        return transformed.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return packWeights(base, outChannels: g.outChannels, inChannels: g.inChannels, taps: 9)
        }
    }
}

/// The 9 row taps of a 3×3×3 kernel on the wide grid: the taps of the two outer scratch axes, each
/// with its flat shift split into whole pairs and a parity, and the PyTorch tap indices of its
/// three taps along the stride-1 axis.
struct WinogradRows {
    var pairShifts: [Int] = []
    var parities: [Int] = []
    var taps: [[Int]] = []

    init(_ layout: WideLayout) {
        let inner = layout.strides.firstIndex(of: 1) ?? 2
        let outer = [0, 1, 2].filter { $0 != inner }
        for a in 0..<3 {
            for b in 0..<3 {
                var kernelIndex = [0, 0, 0]
                kernelIndex[outer[0]] = a
                kernelIndex[outer[1]] = b
                let shift = a * layout.strides[outer[0]] + b * layout.strides[outer[1]]
                pairShifts.append(shift / 2)
                parities.append(shift % 2)
                taps.append((0..<3).map { k in
                    var index = kernelIndex
                    index[inner] = k
                    return (index[0] * 3 + index[1]) * 3 + index[2]
                })
            }
        }
    }
}
