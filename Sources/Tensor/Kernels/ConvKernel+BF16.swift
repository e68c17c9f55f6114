import CKernels

/// The BF16 products of the Winograd paths (``KernelPrecision/bf16``): the Winograd transforms
/// write their results straight as bfloat16 (`wg_winograd_quads_bf16`), then the same
/// register-blocked kernels run with `vdpbf16ps` (two products per FP32 lane) instead of FMA.
/// The transforms' arithmetic, the combination of the partial products and everything outside
/// the convolutions stay FP32.
extension ConvKernel {
    /// `M_k` for k = 0…5 from the padded input, as the FP32 forward computes them, with the
    /// transformed input channels paired into BF16 words `[⌈Cin/2⌉][phase][component][ldu]`.
    static func winogradProductsBF16(_ g: Geometry, _ layout: WideLayout, _ rows: WinogradRows, padded: UnsafeMutablePointer<Float>,
                                     ldu: Int, packed: [Float], offsets: [Int], products: UnsafeMutablePointer<Float>, ldp: Int) {
        let ldc = rows.usedChannelStride(ldu: ldu)
        let pairs = (g.inChannels + 1) / 2
        let weightPairs = pairWeights(components: packed, count: WinogradTile.points, inChannels: g.inChannels,
                                      outChannels: g.outChannels, taps: 9)
        ScratchPool.shared.withBuffer(pairs * ldc) { buffer in
            let words = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt32.self)
            let halves = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt16.self)
            let planes = rows.usedPhases.map { $0 * WinogradTile.points * ldu }
            WinogradTile.inputTransform.withUnsafeBufferPointer { matrix in
                guard let mb = matrix.baseAddress else { return }
                // One worker per pair: both halves of a word are written by the same thread.
                Parallel.forEach(pairs) { _, p in
                    for (phase, plane) in zip(rows.usedPhases, planes) {
                        let out = halves + 2 * (p * ldc + plane)
                        for c in (2 * p)..<min(2 * p + 2, g.inChannels) {
                            wg_winograd_quads_bf16(padded + c * layout.ldx, layout.ldx, phase, mb, WinogradTile.points,
                                                   out + c % 2, ldu, ldu, 2)
                        }
                        if 2 * p + 1 == g.inChannels {
                            for i in 0..<(WinogradTile.points * ldu) { out[2 * i + 1] = 0 }
                        }
                    }
                }
            }
            forEachComponentRange(offsets, weightPairs, componentSize: weightPairs.count / WinogradTile.points,
                                  columns: ldp) { k, os, wb, begin, end in
                wg_conv_wide_bf16(words + k * ldu, ldc, pairs, os, 9, wb, g.outChannels,
                                  products + k * g.outChannels * ldp, ldp, begin, end)
            }
        }
    }

    /// `count` components of packed weights, one after the other, each regrouped by
    /// ``pairWeights(_:inChannels:outChannels:taps:)``.
    static func pairWeights(components packed: [Float], count: Int, inChannels: Int, outChannels: Int, taps: Int) -> [UInt32] {
        let size = packed.count / count
        return packed.withUnsafeBufferPointer { flat in
            (0..<count).flatMap { k in
                pairWeights(UnsafeBufferPointer(rebasing: flat[(k * size)..<((k + 1) * size)]),
                            inChannels: inChannels, outChannels: outChannels, taps: taps)
            }
        }
    }

    /// Weights packed as `[⌈Cout/8⌉][Cin][taps][8]` (``packWeights(_:outChannels:inChannels:taps:)``)
    /// regrouped as `[⌈Cout/8⌉][⌈Cin/2⌉][taps][8]` BF16 channel-pair words.
    static func pairWeights(_ packed: UnsafeBufferPointer<Float>, inChannels: Int, outChannels: Int, taps: Int) -> [UInt32] {
        let rows = Int(WG_CONV_ROW_BLOCK)
        let blocks = (outChannels + rows - 1) / rows
        let pairs = (inChannels + 1) / 2
        let slab = taps * rows
        var words = [UInt32](repeating: 0, count: blocks * pairs * slab)
        words.withUnsafeMutableBufferPointer { out in
            guard let s = packed.baseAddress, let o = out.baseAddress else { return }
            for b in 0..<blocks {
                for p in 0..<pairs {
                    let first = s + (b * inChannels + 2 * p) * slab
                    wg_bf16_pack_pairs(first, 2 * p + 1 < inChannels ? first + slab : nil, slab, o + (b * pairs + p) * slab)
                }
            }
        }
        return words
    }

    /// `P_k += Σ_quads a_k · u_k` from the padded input and the wide output gradient, as the FP32
    /// weight gradient computes them, on BF16 transforms: the input's used phases
    /// `[Cin][phase][component][ldu]` and the output gradient's quads `[6][rows][ldb]`, zero past
    /// `ldq` up to a multiple of 32 columns.
    static func accumulateProductsBF16(_ g: Geometry, _ layout: WideLayout, _ winogradRows: WinogradRows,
                                       padded: UnsafeMutablePointer<Float>, ldu: Int, wide: UnsafeMutablePointer<Float>,
                                       ldg: Int, rows: Int, ldq: Int, into partials: UnsafeMutablePointer<Float>) {
        let ldc = winogradRows.usedChannelStride(ldu: ldu)
        let ldb = (ldq + 31) / 32 * 32
        let points = WinogradTile.points
        let pool = ScratchPool.shared
        // Two BF16 values per Float slot of the scratch buffers.
        pool.withBuffer((g.inChannels * ldc + 1) / 2) { xBuffer in
            pool.withBuffer((points * rows * ldb + 1) / 2) { gBuffer in
                let xb = UnsafeMutableRawPointer(xBuffer).assumingMemoryBound(to: UInt16.self)
                let gb = UnsafeMutableRawPointer(gBuffer).assumingMemoryBound(to: UInt16.self)
                WinogradTile.inputTransform.withUnsafeBufferPointer { matrix in
                    guard let mb = matrix.baseAddress else { return }
                    Parallel.forEach(g.inChannels) { _, c in
                        for phase in winogradRows.usedPhases {
                            wg_winograd_quads_bf16(padded + c * layout.ldx, layout.ldx, phase, mb, points,
                                                   xb + c * ldc + phase * points * ldu, ldu, ldu, 1)
                        }
                    }
                }
                WinogradTile.outputGradientTransform.withUnsafeBufferPointer { matrix in
                    guard let mb = matrix.baseAddress else { return }
                    // Quads past the row's end read zeros, so the padding to ldb comes out zero.
                    Parallel.forEach(rows) { _, o in
                        wg_winograd_quads_bf16(wide + o * ldg, ldg, 0, mb, WinogradTile.outputs, gb + o * ldb, rows * ldb, ldb, 1)
                    }
                }
                let component = g.outChannels * g.inChannels * 9
                winogradRows.offsets(ldu: ldu).withUnsafeBufferPointer { offsetBuffer in
                    guard let os = offsetBuffer.baseAddress else { return }
                    forEachChannelRange(g.inChannels) { begin, end in
                        for k in 0..<points {
                            wg_conv_weight_gradient_bf16(gb + k * rows * ldb, ldb, g.outChannels, xb + k * ldu, ldc,
                                                         g.inChannels, os, 9, ldb, partials + k * component, begin, end)
                        }
                    }
                }
            }
        }
    }
}
