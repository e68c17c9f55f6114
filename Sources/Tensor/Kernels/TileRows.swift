import CKernels

/// Where the two-axis Winograd transforms write (``WinogradTiling``): for every unit (an input
/// channel, or an output-gradient row) 36 component rows of tile values, in FP32 or in BF16 — as
/// plain rows, or as one half of each word of channel pairs (the operand layout of
/// `wg_conv_wide_bf16`: channels 2p and 2p+1 share word row p).
///
/// Element `T` of component `k` of unit `u` is at `start(u) + (k · componentStride + T) · step`.
struct TileRows: @unchecked Sendable {
    enum Format {
        case fp32
        case bf16
        case bf16Pairs
    }

    let base: UnsafeMutableRawPointer
    let format: Format
    /// Elements between consecutive units (words between consecutive pairs for ``Format/bf16Pairs``).
    let unitStride: Int
    /// Elements (words) between a unit's consecutive components.
    let componentStride: Int

    /// Elements between consecutive values of one row.
    var step: Int { format == .bf16Pairs ? 2 : 1 }

    /// The 16-bit element offset (or float offset for ``Format/fp32``) of unit `u`'s first value.
    private func start(_ u: Int) -> Int {
        format == .bf16Pairs ? 2 * (u / 2) * unitStride + u % 2 : u * unitStride
    }

    /// The 2-D transform of every tile of one zero-padded plane (``ConvKernel/withPlaneScratch(_:_:)``)
    /// into unit `u`'s rows from tile `first` on.
    func transform(_ plane: UnsafePointer<Float>, taps: Int, matrix: UnsafePointer<Float>, tiling: WinogradTiling,
                   scratch: UnsafeMutablePointer<Float>, unit u: Int, first: Int) {
        let offset = start(u) + first * step
        switch format {
        case .fp32:
            wg_winograd_plane(plane, tiling.tilesOuter, tiling.tilesInner, taps, matrix, scratch,
                              base.assumingMemoryBound(to: Float.self) + offset, componentStride)
        case .bf16, .bf16Pairs:
            wg_winograd_plane_bf16(plane, tiling.tilesOuter, tiling.tilesInner, taps, matrix, scratch,
                                   base.assumingMemoryBound(to: UInt16.self) + offset, componentStride, step)
        }
    }

    /// Zeros tiles `range` of every component of unit `u`.
    func zero(unit u: Int, tiles range: Range<Int>) {
        guard !range.isEmpty else { return }
        for k in 0..<WinogradTiling.components {
            let offset = start(u) + (k * componentStride + range.lowerBound) * step
            switch format {
            case .fp32:
                (base.assumingMemoryBound(to: Float.self) + offset).update(repeating: 0, count: range.count)
            case .bf16:
                (base.assumingMemoryBound(to: UInt16.self) + offset).update(repeating: 0, count: range.count)
            case .bf16Pairs:
                let halves = base.assumingMemoryBound(to: UInt16.self) + offset
                for i in 0..<range.count { halves[2 * i] = 0 }
            }
        }
    }
}
