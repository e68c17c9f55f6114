import CKernels

/// The two-axis Winograd forward F(4,3) × F(4,3) (``WinogradTiling``), used for forwards and input
/// gradients of 3×3×3 kernels where no row axis is fixed (training): per input channel and padded
/// plane, `U = Bᵀ d B` of every 6×6 patch; `M_k = Σ_{c, direct tap} G_k · U_k` for the 36
/// components (`wg_conv_wide` over tile indices, 3 taps); `y = Aᵀ M A` per output tile.
extension ConvKernel {
    static func forwardWinogradPlanes(_ g: Geometry, x: UnsafePointer<Float>, w: UnsafePointer<Float>,
                                      y: UnsafeMutablePointer<Float>) {
        let tiling = WinogradTiling(g)
        let weights = UnsafeBufferPointer(start: w, count: g.outChannels * g.inChannels * 27)
        let parameters = [g.outChannels, g.inChannels, tiling.direct, tiling.outer, tiling.inner]
        let components = WinogradTiling.components
        let pool = ScratchPool.shared
        pool.withBuffer(components * g.outChannels * tiling.ldm) { products in
            if KernelPrecision.current == .bf16 {
                let pairs = (g.inChannels + 1) / 2
                let packed = PackedWeightCache.shared.packed(weights, layout: .init(path: "planes-bf16", parameters: parameters)) {
                    pairWeights(components: packPlaneWeights(w, tiling), count: components, inChannels: g.inChannels,
                                outChannels: g.outChannels, taps: 3)
                }
                // One 32-bit word per channel pair and tile: as many Float slots.
                pool.withBuffer(pairs * tiling.channelStride) { buffer in
                    let rows = TileRows(base: UnsafeMutableRawPointer(buffer), format: .bf16Pairs, unitStride: tiling.channelStride,
                                        componentStride: tiling.ldu)
                    let words = UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt32.self)
                    for n in 0..<g.batch {
                        transformPlanes(tiling, input: x + n * g.inChannels * g.inPlane, into: rows)
                        forEachComponentRange(tiling.shifts, packed, componentSize: packed.count / components,
                                              columns: tiling.ldm) { k, shifts, weights, begin, end in
                            wg_conv_wide_bf16(words + k * tiling.ldu, tiling.channelStride, pairs, shifts, 3, weights,
                                              g.outChannels, products + k * g.outChannels * tiling.ldm, tiling.ldm, begin, end)
                        }
                        transformPlaneOutputs(tiling, products: products, into: y + n * g.outChannels * g.outPlane)
                    }
                }
                return
            }
            let packed = PackedWeightCache.shared.packed(weights, layout: .init(path: "planes", parameters: parameters)) {
                packPlaneWeights(w, tiling)
            }
            pool.withBuffer(g.inChannels * tiling.channelStride) { transformed in
                let rows = TileRows(base: UnsafeMutableRawPointer(transformed), format: .fp32, unitStride: tiling.channelStride,
                                    componentStride: tiling.ldu)
                for n in 0..<g.batch {
                    transformPlanes(tiling, input: x + n * g.inChannels * g.inPlane, into: rows)
                    forEachComponentRange(tiling.shifts, packed, componentSize: packed.count / components,
                                          columns: tiling.ldm) { k, shifts, weights, begin, end in
                        wg_conv_wide(transformed + k * tiling.ldu, tiling.channelStride, g.inChannels, shifts, 3, weights,
                                     g.outChannels, products + k * g.outChannels * tiling.ldm, tiling.ldm, begin, end)
                    }
                    transformPlaneOutputs(tiling, products: products, into: y + n * g.outChannels * g.outPlane)
                }
            }
        }
    }

    /// `U[c][k][T] = (Bᵀ d B)_k` of every channel's 6×6 patches, plane by plane, into `rows` (zeros
    /// on the padding planes, past the last plane up to `ldu`, and in the missing half of the
    /// last channel pair).
    static func transformPlanes(_ tiling: WinogradTiling, input: UnsafePointer<Float>, into rows: TileRows) {
        let g = tiling.geometry
        let src = SendableConstPointer(input)
        let strides = tiling.strides([g.inD, g.inH, g.inW])
        let end = tiling.paddedPlanes * tiling.planeTiles
        // A pair's two channels on one worker, so no two workers write the same words.
        let group = rows.format == .bf16Pairs ? 2 : 1
        WinogradTile.inputTransform.withUnsafeBufferPointer { matrix in
            guard let mb = matrix.baseAddress else { return }
            let ms = SendableConstPointer(mb)
            Parallel.forEach((g.inChannels + group - 1) / group) { _, unit in
                withPlaneScratch(tiling) { plane, scratch in
                    for c in (unit * group)..<((unit + 1) * group) {
                        guard c < g.inChannels else {
                            rows.zero(unit: c, tiles: 0..<tiling.ldu)
                            continue
                        }
                        let image = src.base + c * g.inPlane
                        for p in 0..<tiling.paddedPlanes {
                            let source = p - g.padding
                            guard (0..<tiling.inPlanes).contains(source) else {
                                rows.zero(unit: c, tiles: (p * tiling.planeTiles)..<((p + 1) * tiling.planeTiles))
                                continue
                            }
                            fillPlane(tiling, from: image + source * strides.direct, rows: tiling.inRows, columns: tiling.inColumns,
                                      rowStride: strides.outer, columnStride: strides.inner, offset: g.padding, into: plane)
                            rows.transform(plane, taps: WinogradTile.points, matrix: ms.base, tiling: tiling, scratch: scratch,
                                           unit: c, first: p * tiling.planeTiles)
                        }
                        rows.zero(unit: c, tiles: end..<tiling.ldu)
                    }
                }
            }
        }
    }

    /// Runs `body(plane, scratch)` with one zero-padded plane (`planeRows` rows of `rowLength`) and
    /// the scratch of `wg_winograd_plane`.
    static func withPlaneScratch(_ tiling: WinogradTiling,
                                 _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void) {
        let planeCount = tiling.planeRows * tiling.rowLength
        let scratchCount = WinogradTile.points * tiling.planeRows * (tiling.tilesInner + 1)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: planeCount + scratchCount) { buffer in
            guard let base = buffer.baseAddress else { return }
            body(base, base + planeCount)
        }
    }

    /// One plane of a volume into the plane scratch: `rows` rows of `columns` values (source
    /// strides `rowStride`, `columnStride`), each `offset` rows and columns in (the padding);
    /// zeros elsewhere.
    static func fillPlane(_ tiling: WinogradTiling, from image: UnsafePointer<Float>, rows: Int, columns: Int,
                          rowStride: Int, columnStride: Int, offset: Int, into plane: UnsafeMutablePointer<Float>) {
        wg_fill_plane(image, rows, columns, rowStride, columnStride, offset, plane, tiling.rowLength, tiling.planeRows)
    }

    /// `y = Aᵀ M A` of every output tile, compacted into the dense output: per output channel and
    /// plane, across rows (`wg_winograd_combine`, all tiles of the plane at once), then along them
    /// (`wg_winograd_output_row`).
    private static func transformPlaneOutputs(_ tiling: WinogradTiling, products: UnsafeMutablePointer<Float>,
                                              into y: UnsafeMutablePointer<Float>) {
        let g = tiling.geometry
        let (points, tile) = (WinogradTile.points, WinogradTile.outputs)
        let planeTiles = tiling.planeTiles
        let componentStride = g.outChannels * tiling.ldm
        let strides = tiling.strides([g.outD, g.outH, g.outW])
        let (src, dst) = (SendableConstPointer(UnsafePointer(products)), SendablePointer(y))
        let offsets = (0..<points).map { $0 * points * componentStride }
        WinogradTile.outputTransposed.withUnsafeBufferPointer { matrix in
            offsets.withUnsafeBufferPointer { offsetBuffer in
                guard let mb = matrix.baseAddress, let ob = offsetBuffer.baseAddress else { return }
                let (ms, os) = (SendableConstPointer(mb), SendableConstPointer(ob))
                Parallel.forEach(g.outChannels) { _, o in
                    withUnsafeTemporaryAllocation(of: Float.self, capacity: tile * points * planeTiles) { buffer in
                        withUnsafeTemporaryAllocation(of: UnsafePointer<Float>?.self, capacity: points) { rowPointers in
                            guard let rows = buffer.baseAddress, let m = rowPointers.baseAddress else { return }
                            for p in 0..<tiling.outPlanes {
                                // rows[ra][kb][tile of the plane] = Σ_ka Aᵀ[ra][ka] · M[ka · 6 + kb].
                                let first = src.base + o * tiling.ldm + p * planeTiles
                                for kb in 0..<points {
                                    wg_winograd_combine(first + kb * componentStride, os.base, points, ms.base, tile,
                                                        rows + kb * planeTiles, points * planeTiles, planeTiles)
                                }
                                let plane = dst.base + o * g.outPlane + p * strides.direct
                                for ta in 0..<tiling.tilesOuter {
                                    for ra in 0..<tile where tile * ta + ra < tiling.outRows {
                                        for kb in 0..<points {
                                            m[kb] = UnsafePointer(rows + (ra * points + kb) * planeTiles + ta * tiling.tilesInner)
                                        }
                                        wg_winograd_output_row(m, 0, tiling.outColumns, plane + (tile * ta + ra) * strides.outer,
                                                               strides.inner)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The 36 components of the transformed weights `G g Gᵀ` (across the tiled axes), each
    /// `[Cout, Cin, 3 direct taps]` packed as the direct kernel's weights (`[⌈Cout/8⌉][Cin][3][8]`,
    /// zero rows past Cout), one after the other.
    private static func packPlaneWeights(_ w: UnsafePointer<Float>, _ tiling: WinogradTiling) -> [Float] {
        let g = tiling.geometry
        let rowBlock = Int(WG_CONV_ROW_BLOCK)
        let size = (g.outChannels + rowBlock - 1) / rowBlock * g.inChannels * 3 * rowBlock
        let points = WinogradTile.points
        let matrix = WinogradTile.kernelTransform
        var flat = [Float](repeating: 0, count: WinogradTiling.components * size)
        let taps = (0..<27).map { tiling.tap($0 / 9, $0 / 3 % 3, $0 % 3) }
        flat.withUnsafeMutableBufferPointer { out in
            forEachPackedChannelPair(w, g, taps: 3) { weights, slot in
                for dp in 0..<3 {
                    let t = 9 * dp
                    let slab = (weights[taps[t]], weights[taps[t + 1]], weights[taps[t + 2]], weights[taps[t + 3]],
                                weights[taps[t + 4]], weights[taps[t + 5]], weights[taps[t + 6]], weights[taps[t + 7]],
                                weights[taps[t + 8]])   // [ma][mb]
                    for ka in 0..<points {
                        // Σ_ma G[ka][ma] · g[dp, ma, mb] for mb = 0, 1, 2, then Σ_mb G[kb][mb] · (that)
                        let (g0, g1, g2) = (matrix[ka][0], matrix[ka][1], matrix[ka][2])
                        let p0 = g0 * slab.0 + g1 * slab.3 + g2 * slab.6
                        let p1 = g0 * slab.1 + g1 * slab.4 + g2 * slab.7
                        let p2 = g0 * slab.2 + g1 * slab.5 + g2 * slab.8
                        for kb in 0..<points {
                            out[(ka * points + kb) * size + slot + dp * rowBlock] =
                                matrix[kb][0] * p0 + matrix[kb][1] * p1 + matrix[kb][2] * p2
                        }
                    }
                }
            }
        }
        return flat
    }
}
