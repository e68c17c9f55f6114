import CKernels

/// The two-axis Winograd weight gradient for 3×3×3 kernels: the transpose of
/// ``ConvKernel/forwardWinogradPlanes(_:x:w:y:)``.
///
/// With `y = Aᵀ M A` and `M_k = G_k · U_k` per tile, `Σ dy·y = Σ_k D_k · G_k · U_k` for the
/// transformed output gradient `D = A dy Aᵀ` (zeros past the volume), so
/// `P_k[o, c, direct tap] = Σ_tiles D_k[o] · U_k[c]` are 36 three-tap weight gradients over tile
/// indices, and `dg[ma, mb] = Σ_k G[ka][ma] · G[kb][mb] · P_k`.
extension ConvKernel {
    static func weightGradientWinogradPlanes(_ g: Geometry, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
                                             dw: UnsafeMutablePointer<Float>) {
        let tiling = WinogradTiling(g)
        let components = WinogradTiling.components
        let rowBlock = Int(WG_WGRAD_FEW_TAPS_ROW_BLOCK)
        let rows = (g.outChannels + rowBlock - 1) / rowBlock * rowBlock
        let component = g.outChannels * g.inChannels * 3
        let bf16 = KernelPrecision.current == .bf16
        // BF16 rows hold 32 columns per vector: the output gradient is zero-padded to a multiple of 32.
        let ldq = bf16 ? (tiling.columns + 31) / 32 * 32 : tiling.ldq
        // Two BF16 values per Float slot of the scratch buffers.
        let slots = { (count: Int) in bf16 ? (count + 1) / 2 : count }
        let pool = ScratchPool.shared
        pool.withBuffer(slots(g.inChannels * tiling.channelStride)) { transformed in
            pool.withBuffer(slots(components * rows * ldq)) { gradients in
                pool.withBuffer(components * component) { partials in
                    partials.update(repeating: 0, count: components * component)
                    let format: TileRows.Format = bf16 ? .bf16 : .fp32
                    let inputRows = TileRows(base: UnsafeMutableRawPointer(transformed), format: format,
                                             unitStride: tiling.channelStride, componentStride: tiling.ldu)
                    let gradientRows = TileRows(base: UnsafeMutableRawPointer(gradients), format: format, unitStride: ldq,
                                                componentStride: rows * ldq)
                    for n in 0..<g.batch {
                        transformPlanes(tiling, input: x + n * g.inChannels * g.inPlane, into: inputRows)
                        transformOutputGradient(tiling, dy + n * g.outChannels * g.outPlane, rows: rows, ldq: ldq, into: gradientRows)
                        let shifts = tiling.shifts
                        forEachChannelRange(g.inChannels) { begin, end in
                            for k in 0..<components {
                                if bf16 {
                                    let (u, d) = (UnsafeRawPointer(transformed).assumingMemoryBound(to: UInt16.self),
                                                  UnsafeRawPointer(gradients).assumingMemoryBound(to: UInt16.self))
                                    wg_conv_weight_gradient_few_taps_bf16(d + k * rows * ldq, ldq, g.outChannels, u + k * tiling.ldu,
                                                                          tiling.channelStride, g.inChannels, shifts, ldq,
                                                                          partials + k * component, begin, end)
                                } else {
                                    wg_conv_weight_gradient_few_taps(gradients + k * rows * ldq, ldq, g.outChannels,
                                                                     transformed + k * tiling.ldu, tiling.channelStride, g.inChannels,
                                                                     shifts, ldq, partials + k * component, begin, end)
                                }
                            }
                        }
                    }
                    combinePlanes(tiling, partials: partials, into: dw)
                }
            }
        }
    }

    /// `D[k][o][T] = (A dy Aᵀ)_k` of every 4×4 output tile into `rows` (`[36][rows][ldq]`): zeros
    /// past the volume's outputs, past the last tile up to `ldq`, and in the rows past Cout.
    private static func transformOutputGradient(_ tiling: WinogradTiling, _ dy: UnsafePointer<Float>, rows: Int, ldq: Int,
                                                into gradientRows: TileRows) {
        let g = tiling.geometry
        let strides = tiling.strides([g.outD, g.outH, g.outW])
        let src = SendableConstPointer(dy)
        WinogradTile.outputGradientTransform.withUnsafeBufferPointer { matrix in
            guard let mb = matrix.baseAddress else { return }
            let ms = SendableConstPointer(mb)
            Parallel.forEach(rows) { _, o in
                guard o < g.outChannels else { return gradientRows.zero(unit: o, tiles: 0..<ldq) }
                let image = src.base + o * g.outPlane
                withPlaneScratch(tiling) { plane, scratch in
                    for p in 0..<tiling.outPlanes {
                        fillPlane(tiling, from: image + p * strides.direct, rows: tiling.outRows, columns: tiling.outColumns,
                                  rowStride: strides.outer, columnStride: strides.inner, offset: 0, into: plane)
                        gradientRows.transform(plane, taps: WinogradTile.outputs, matrix: ms.base, tiling: tiling, scratch: scratch,
                                               unit: o, first: p * tiling.planeTiles)
                    }
                }
                gradientRows.zero(unit: o, tiles: tiling.columns..<ldq)
            }
        }
    }

    /// `dw[o, c, tap(dp, ma, mb)] = Σ_{ka, kb} G[ka][ma] · G[kb][mb] · P_{ka·6+kb}[o, c, dp]`: both
    /// sums as `wg_winograd_combine` over all `(o, c, dp)` at once, then scattered into PyTorch
    /// tap order.
    private static func combinePlanes(_ tiling: WinogradTiling, partials: UnsafeMutablePointer<Float>,
                                      into dw: UnsafeMutablePointer<Float>) {
        let g = tiling.geometry
        let points = WinogradTile.points
        let component = g.outChannels * g.inChannels * 3
        // Gᵀ (3×6): row m holds G[k][m] for k = 0…5.
        let transposed = (0..<(3 * points)).map { WinogradTile.kernelTransform[$0 % points][$0 / points] }
        let taps = (0..<27).map { tiling.tap($0 / 9, $0 / 3 % 3, $0 % 3) }
        let pool = ScratchPool.shared
        pool.withBuffer(points * 3 * component) { half in
            pool.withBuffer(9 * component) { full in
                transposed.withUnsafeBufferPointer { matrix in
                    guard let mb = matrix.baseAddress else { return }
                    // half[ka][mb] = Σ_kb G[kb][mb] · P[ka·6+kb]
                    let byComponent = (0..<points).map { $0 * component }
                    for ka in 0..<points {
                        wg_winograd_combine(partials + ka * points * component, byComponent, points, mb, 3,
                                            half + ka * 3 * component, component, component)
                    }
                    // full[ma][mb] = Σ_ka G[ka][ma] · half[ka][mb]
                    let byRow = (0..<points).map { $0 * 3 * component }
                    for m in 0..<3 {
                        wg_winograd_combine(half + m * component, byRow, points, mb, 3, full + m * component, 3 * component, component)
                    }
                }
                for oc in 0..<(g.outChannels * g.inChannels) {
                    let out = dw + oc * 27
                    for t in 0..<27 {
                        let (dp, ma, m) = (t / 9, t / 3 % 3, t % 3)
                        out[taps[t]] = full[(ma * 3 + m) * component + oc * 3 + dp]
                    }
                }
            }
        }
    }
}
