import CKernels

/// The BF16 products of the Winograd paths (``KernelPrecision/bf16``): the transformed operands
/// are rounded to bfloat16 once per call, then the same register-blocked kernels run with
/// `vdpbf16ps` (two products per FP32 lane) instead of FMA. Transforms, the combination of the
/// partial products and everything outside the convolutions stay FP32.
extension ConvKernel {
    /// `M_k` for k = 0…5 from the transformed input, as ``forwardWinograd(_:x:w:y:)``'s FP32 loop
    /// does, with input channels paired into BF16 words.
    static func winogradProductsBF16(_ g: Geometry, _ rows: WinogradRows, transformed: UnsafeMutablePointer<Float>, ldu: Int,
                                     packed: [[Float]], offsets: [Int], products: UnsafeMutablePointer<Float>, ldp: Int) {
        let ldc = WinogradRows.channelStride(ldu: ldu)
        let pairs = (g.inChannels + 1) / 2
        let weightPairs = packed.map { pairWeights($0, inChannels: g.inChannels, outChannels: g.outChannels, taps: 9) }
        ScratchPool.shared.withBuffer(pairs * ldc) { buffer in
            let words = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt32.self)
            let (src, dst) = (SendableConstPointer(UnsafePointer(transformed)), SendablePointer(words))
            let planes = rows.usedPhases.map { $0 * WinogradTile.points * ldu }
            Parallel.forEach(pairs) { _, p in
                for plane in planes {
                    let first = src.base + 2 * p * ldc + plane
                    wg_bf16_pack_pairs(first, 2 * p + 1 < g.inChannels ? first + ldc : nil, WinogradTile.points * ldu,
                                       dst.base + p * ldc + plane)
                }
            }
            offsets.withUnsafeBufferPointer { offsetBuffer in
                guard let os = offsetBuffer.baseAddress else { return }
                forEachColumnRange(ldp) { begin, end in
                    for k in 0..<WinogradTile.points {
                        weightPairs[k].withUnsafeBufferPointer { weights in
                            guard let wb = weights.baseAddress else { return }
                            wg_conv_wide_bf16(words + k * ldu, ldc, pairs, os, 9, wb, g.outChannels,
                                              products + k * g.outChannels * ldp, ldp, begin, end)
                        }
                    }
                }
            }
        }
    }

    /// Weights packed as `[⌈Cout/8⌉][Cin][taps][8]` (``packWeights(_:outChannels:inChannels:taps:)``)
    /// regrouped as `[⌈Cout/8⌉][⌈Cin/2⌉][taps][8]` BF16 channel-pair words.
    static func pairWeights(_ packed: [Float], inChannels: Int, outChannels: Int, taps: Int) -> [UInt32] {
        let rows = Int(WG_CONV_ROW_BLOCK)
        let blocks = (outChannels + rows - 1) / rows
        let pairs = (inChannels + 1) / 2
        let slab = taps * rows
        var words = [UInt32](repeating: 0, count: blocks * pairs * slab)
        packed.withUnsafeBufferPointer { source in
            words.withUnsafeMutableBufferPointer { out in
                guard let s = source.baseAddress, let o = out.baseAddress else { return }
                for b in 0..<blocks {
                    for p in 0..<pairs {
                        let first = s + (b * inChannels + 2 * p) * slab
                        wg_bf16_pack_pairs(first, 2 * p + 1 < inChannels ? first + slab : nil, slab, o + (b * pairs + p) * slab)
                    }
                }
            }
        }
        return words
    }

    /// `P_k += Σ_quads a_k · u_k` as ``weightGradientWinograd(_:x:dy:dw:)``'s FP32 loop does, on BF16
    /// copies: quad-gradient rows padded with zeros to a multiple of 32 columns, the transformed
    /// input's used phases.
    static func accumulateProductsBF16(_ g: Geometry, _ winogradRows: WinogradRows, transformed: UnsafeMutablePointer<Float>,
                                       ldu: Int, quadGradients: UnsafeMutablePointer<Float>, rows: Int, ldq: Int,
                                       into partials: UnsafeMutablePointer<Float>) {
        let ldc = WinogradRows.channelStride(ldu: ldu)
        let ldb = (ldq + 31) / 32 * 32
        let points = WinogradTile.points
        let pool = ScratchPool.shared
        // Two BF16 values per Float slot of the scratch buffers.
        pool.withBuffer((g.inChannels * ldc + 1) / 2) { xBuffer in
            pool.withBuffer((points * rows * ldb + 1) / 2) { gBuffer in
                let xb = UnsafeMutableRawPointer(xBuffer).assumingMemoryBound(to: UInt16.self)
                let gb = UnsafeMutableRawPointer(gBuffer).assumingMemoryBound(to: UInt16.self)
                let (xs, xo) = (SendableConstPointer(UnsafePointer(transformed)), SendablePointer(xb))
                let (gs, go) = (SendableConstPointer(UnsafePointer(quadGradients)), SendablePointer(gb))
                let planes = winogradRows.usedPhases.map { $0 * points * ldu }
                Parallel.forEach(g.inChannels) { _, c in
                    for plane in planes { wg_bf16_convert(xs.base + c * ldc + plane, points * ldu, xo.base + c * ldc + plane) }
                }
                Parallel.forEach(points * rows) { _, row in
                    let out = go.base + row * ldb
                    wg_bf16_convert(gs.base + row * ldq, ldq, out)
                    (out + ldq).update(repeating: 0, count: ldb - ldq)
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
