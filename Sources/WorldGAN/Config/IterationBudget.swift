/// A preset's time budget, kept when the input is smaller than the one it was timed on: the
/// iterations of each scale are multiplied by how many times fewer voxels that scale has than
/// the reference's same scale (at least 1, at most ``maximumFactor``), so a small build trains
/// for about as long as the reference input instead of stopping while its reconstruction is still
/// improving.
///
/// The coarsest scales before ``firstFittedScale`` keep their count: their adversarial training
/// sets the free samples' layout, and a longer run there lets the critic run further away.
///
/// ```swift
/// let budget = IterationBudget(referenceVoxels: [1152, 4608, 15552, 39168], maximumFactor: 4, firstFittedScale: 1)
/// budget.iterations([500, 300, 110, 50], shapes: [[8, 8, 8], [8, 15, 8], [11, 22, 11], [15, 30, 15]])
/// // [500, 1200, 440, 200]: a 15×30×15 tower has 4.8, 5.8 and 5.8 times fewer voxels than the 48×17×48 sample there
/// ```
public struct IterationBudget: Codable, Sendable, Equatable {
    /// Voxels of each scale of the input the preset was timed on, coarsest first (a shorter
    /// list repeats its last entry).
    public var referenceVoxels: [Int]
    /// The largest multiplier of any scale's iterations.
    public var maximumFactor: Double
    /// Scales before this one (from 0, coarsest first) keep their iterations.
    public var firstFittedScale: Int

    public init(referenceVoxels: [Int], maximumFactor: Double, firstFittedScale: Int) {
        self.referenceVoxels = referenceVoxels
        self.maximumFactor = maximumFactor
        self.firstFittedScale = firstFittedScale
    }

    /// The iterations of each scale of `shapes` (coarsest first), from the preset's `base` counts.
    public func iterations(_ base: [Int], shapes: [[Int]]) -> [Int] {
        shapes.indices.map { k in
            let count = base.isEmpty ? 1 : base[min(k, base.count - 1)]
            guard k >= firstFittedScale, !referenceVoxels.isEmpty else { return count }
            let reference = Double(referenceVoxels[min(k, referenceVoxels.count - 1)])
            let voxels = Double(max(1, shapes[k].reduce(1, *)))
            let factor = min(maximumFactor, max(1, reference / voxels))
            return Int((Double(count) * factor).rounded())
        }
    }
}
