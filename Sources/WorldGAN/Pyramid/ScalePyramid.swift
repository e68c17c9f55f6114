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
    public init(real: Tensor, factors: [Double], minimumExtent: Int) throws(TrainingError) {
        precondition(real.rank == 5 && real.shape[0] == 1, "ScalePyramid: real must be [1, C, X, Y, Z], got \(real.shape)")
        let size = Array(real.shape[2...])
        guard size.allSatisfy({ $0 >= minimumExtent }) else { throw .volumeTooSmall(size: size, minimum: minimumExtent) }
        shapes = Self.shapes(for: size, factors: factors, minimumExtent: minimumExtent)
        reals = shapes.map { $0 == size ? real : real.resized(to: $0) }
    }

    /// Per-axis `⌊extent · factor⌋`, at least `minimumExtent` (the original clamps the factor to
    /// ≥ min/extent; clamping the result avoids its float rounding down to min − 1).
    public static func shapes(for size: [Int], factors: [Double], minimumExtent: Int) -> [[Int]] {
        factors.map { factor in
            size.map { extent in min(extent, max(minimumExtent, Int((Double(extent) * factor + 1e-9).rounded(.down)))) }
        }
    }
}
