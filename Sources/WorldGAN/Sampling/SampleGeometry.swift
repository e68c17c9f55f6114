import Tensor

/// The whole-volume size of every scale of one sample, and which part of each scale a window of
/// the finest scale depends on: the receptive field of the pyramid, through each generator's
/// three unpadded 3×3×3 convolutions (3 voxels a side, replicated at the volume's faces) and the
/// align-corners trilinear upsampling between scales (whatever the factor).
///
/// A window is computed from the coarsest scale up over exactly these parts; every voxel is then
/// the same as in the whole-volume pass, bit for bit, because every step computes a voxel from
/// its whole-volume index (noise hashed from the coordinate, resize taps from the global index) and
/// the convolutions run along the same ``rowAxis`` with window origins at multiples of 4 on it.
///
/// ```swift
/// let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 4, finest: [384, 17, 384])
/// let parts = geometry.windows(for: [0..<64, 0..<17, 128..<192])    // per scale, coarsest first
/// ```
public struct SampleGeometry: Sendable, Equatable {
    /// Whole-volume spatial sizes `[X, Y, Z]` of every sampled scale, coarsest first.
    public let sizes: [[Int]]
    /// The axis (0 X, 1 Y, 2 Z) the convolutions run along: the longest of the finest size
    /// (ties: the later axis), the same for every window.
    public let rowAxis: Int
    /// Voxels a generator reads beyond its output on each side.
    public static let margin = 3
    /// Window origins along ``rowAxis`` are multiples of this (the Winograd tile).
    public static let alignment = 4
    /// Extra outputs computed past a window's end along ``rowAxis`` at every scale: a Winograd
    /// output's rounding depends on 3 inputs beyond those it reads, for each of the three layers.
    public static let quadSlack = 9

    /// Sizes `round(shape · factor)` per axis (at least 1), as `generate --scale`.
    public init(shapes: [[Int]], scales: Int, factors: (Double, Double, Double)) {
        let f = [factors.0, factors.1, factors.2]
        self.init(sizes: shapes.prefix(scales).map { shape in zip(shape, f).map { max(1, Int((Double($0) * $1).rounded())) } })
    }

    /// Sizes for a finest scale of exactly `finest`: each scale keeps its ratio to the finest
    /// trained shape (rounded, at least 1).
    public init(shapes: [[Int]], scales: Int, finest: [Int]) {
        let top = shapes[scales - 1]
        var sizes = shapes.prefix(scales).map { shape in
            (0..<3).map { max(1, Int((Double(shape[$0]) * Double(finest[$0]) / Double(top[$0])).rounded())) }
        }
        sizes[scales - 1] = finest
        self.init(sizes: sizes)
    }

    public init(sizes: [[Int]]) {
        precondition(!sizes.isEmpty && sizes.allSatisfy { $0.count == 3 && $0.allSatisfy { $0 > 0 } },
                     "SampleGeometry: bad sizes \(sizes)")
        self.sizes = sizes
        let finest = sizes[sizes.count - 1]
        rowAxis = [2, 1, 0].max { finest[$0] < finest[$1] } ?? 2
    }

    /// The finest scale's size.
    public var finest: [Int] { sizes[sizes.count - 1] }

    /// The whole finest volume as a window.
    public var whole: [Range<Int>] { finest.map { 0..<$0 } }

    /// Per scale (coarsest first), the output window that must be computed so that the finest
    /// scale's window `finest` is exact: clamped to the volume, on ``rowAxis`` its lower end
    /// rounded down to a multiple of ``alignment`` and its upper end ``quadSlack`` further.
    public func windows(for finest: [Range<Int>]) -> [[Range<Int>]] {
        var out = [align(clamp(finest, scale: sizes.count - 1), scale: sizes.count - 1)]
        for k in stride(from: sizes.count - 1, to: 0, by: -1) {
            let read = inputWindow(of: out[0], scale: k)
            let sources = (0..<3).map { Tensor.resizeSources(from: sizes[k - 1][$0], to: sizes[k][$0], outputs: read[$0]) }
            out.insert(align(sources, scale: k - 1), at: 0)
        }
        return out
    }

    /// The voxels of scale `k` its generator reads for the output window `window` (clamped).
    func inputWindow(of window: [Range<Int>], scale k: Int) -> [Range<Int>] {
        clamp(window.map { ($0.lowerBound - Self.margin)..<($0.upperBound + Self.margin) }, scale: k)
    }

    private func clamp(_ window: [Range<Int>], scale k: Int) -> [Range<Int>] {
        (0..<3).map { max(0, window[$0].lowerBound)..<min(sizes[k][$0], window[$0].upperBound) }
    }

    private func align(_ window: [Range<Int>], scale k: Int) -> [Range<Int>] {
        var window = window
        let lower = window[rowAxis].lowerBound / Self.alignment * Self.alignment
        window[rowAxis] = lower..<min(sizes[k][rowAxis], window[rowAxis].upperBound + Self.quadSlack)
        return window
    }
}
