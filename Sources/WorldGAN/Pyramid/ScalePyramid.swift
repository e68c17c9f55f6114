import Tensor

/// The multi-scale pyramid of the real volume: each scale's shape and its trilinear downsampling
/// (align_corners = true) of the embedded volume, coarsest first.
///
/// Tensor layout: every real is NCDHW `[1, C, X, Y, Z]` (channel-major, the block volume's axes).
///
/// ```swift
/// let shapes = ScalePyramid.shapes(for: [48, 17, 48], factors: [0.25, 0.5, 0.75, 1], minimumExtent: 8)
/// // [[12, 8, 12], [24, 8, 24], [36, 12, 36], [48, 17, 48]]
/// ```
public struct ScalePyramid {
    /// Spatial shapes `[X, Y, Z]`, coarsest first.
    public let shapes: [[Int]]
    /// The real volume at each scale, `[1, C] + shapes[n]`.
    public let reals: [Tensor]

    /// Downsamples `real` (`[1, C, X, Y, Z]`) to every factor.
    /// - Throws: ``TrainingError/volumeTooSmall(size:minimum:)`` if an axis is below `minimumExtent`.
    /// - Parameter keepRareTokens: for one-hot volumes: each downsampled voxel becomes the rarest
    ///   token present in its interpolation (the original's one-hot downsampling), so that a wall
    ///   one block thick survives the coarse scales instead of averaging into the air around it.
    public init(real: Tensor, factors: [Double], minimumExtent: Int, keepRareTokens: Bool = false) throws(TrainingError) {
        precondition(real.rank == 5 && real.shape[0] == 1, "ScalePyramid: real must be [1, C, X, Y, Z], got \(real.shape)")
        let size = Array(real.shape[2...])
        guard size.allSatisfy({ $0 >= minimumExtent }) else { throw .volumeTooSmall(size: size, minimum: minimumExtent) }
        shapes = Self.shapes(for: size, factors: factors, minimumExtent: minimumExtent)
        let counts = keepRareTokens ? Self.channelSums(real) : []
        reals = shapes.map { shape in
            guard shape != size else { return real }
            let resized = real.resized(to: shape)
            return keepRareTokens ? Self.rarestTokenPresent(resized, counts: counts) : resized
        }
    }

    /// Per-axis `⌊extent · factor⌋`, at least `minimumExtent` (the original clamps the factor to
    /// ≥ min/extent; clamping the result avoids its float rounding down to min − 1).
    public static func shapes(for size: [Int], factors: [Double], minimumExtent: Int) -> [[Int]] {
        factors.map { factor in
            size.map { extent in min(extent, max(minimumExtent, Int((Double(extent) * factor + 1e-9).rounded(.down)))) }
        }
    }

    /// Σ over voxels of each channel (a one-hot volume's token counts).
    static func channelSums(_ t: Tensor) -> [Float] {
        let c = t.shape[1], n = t.count / c, data = t.data
        return (0..<c).map { k in data[(k * n)..<((k + 1) * n)].reduce(0, +) }
    }

    /// One-hot of the rarest channel with a weight above 1e-6 at each voxel (argmax if none).
    static func rarestTokenPresent(_ t: Tensor, counts: [Float]) -> Tensor {
        let c = t.shape[1], n = t.count / c, data = t.data
        var out = [Float](repeating: 0, count: t.count)
        for voxel in 0..<n {
            var best = -1, bestCount = Float.infinity, argmax = 0
            for k in 0..<c {
                let w = data[k * n + voxel]
                if w > data[argmax * n + voxel] { argmax = k }
                if w > 1e-6, counts[k] < bestCount { best = k; bestCount = counts[k] }
            }
            out[(best >= 0 ? best : argmax) * n + voxel] = 1
        }
        return Tensor(shape: t.shape, data: out)
    }
}
