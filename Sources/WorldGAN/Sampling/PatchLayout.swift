import Tensor

/// New layouts of the coarsest scale by patch nearest neighbours (GPNN: Granot, Feinstein,
/// Shocher, Bagon, Irani, "Drop the GAN", CVPR 2022), for the finer generators to refine.
///
/// Why: the coarsest generator sees its whole volume at once (10×8×10 for a 40×14×40 hamlet,
/// receptive field 7) and, from one example, learns to reproduce it from `z_opt` but hedges on
/// fresh noise — a meadow with a few loose planks where the input has four houses. Rebuilding
/// the coarse image from the input's own coarse patches keeps whole objects (a house, a pillar,
/// a tower's shaft) while moving and recombining them, and it is sharp like the reconstruction
/// the finer generators learnt to refine.
///
/// The algorithm, on a pyramid of ``levels`` levels (factor ``levelRatio``; one by default): the
/// start image (the coarsest generator's sample in `generate`; else the source) resized to the
/// first level, plus normal noise of ``noiseDeviation``; then at every level
/// ``iterations`` rounds of: every patch of the output (a `p × height × p` column, or a `p³`
/// cube without ``columnPatches``) takes its nearest source patch by squared distance divided by
/// `completeness + ` that source patch's smallest distance to any output patch (so that every
/// source patch is used somewhere, not the commonest everywhere), never one from near its own
/// position (``exclusion``), and each voxel becomes the mean of the chosen patches covering it;
/// the result is upsampled (trilinear) to the next level.
///
/// The finer scales keep what the layout placed: ``refined(_:source:)`` runs
/// ``refinementRounds`` of the same rounds on a finer generator's output against that scale's
/// reconstruction (the finest scale against the input's own image, when the sampler has it):
/// where the generator left a pillar one block thin or a roof ragged, the patches of the input's
/// pillars and roofs take their place (``TiledSampler`` does this for every scale within
/// ``refinementBudget``).
///
/// ```swift
/// let source = pyramid.reconstructions()[0]    // the input, coarsest scale
/// let layout = PatchLayout().generate(source: source, start: generatorSample, size: [10, 8, 10], seed: 7)
/// ```
public struct PatchLayout: Sendable, Equatable {
    /// Side of the cubic patches.
    public var patchSize = 3
    /// Nearest-neighbour rounds per level.
    public var iterations = 10
    /// Standard deviation of the noise added to the first level's image.
    public var noiseDeviation: Float = 1
    /// GPNN's α: small values force every source patch into use.
    public var completeness: Float = 0.005
    /// Size ratio between consecutive levels of the layout's own pyramid.
    public var levelRatio = 0.75
    /// Levels of that pyramid (an axis never shrinks below ``patchSize`` + 2). One by default:
    /// the coarsest generator's scale is already small (8–10 blocks across), and a smaller first
    /// level leaves too few columns to arrange. With three levels an 8×8 coarsest scale started
    /// at 5×5, nine source columns: seeds settled on the same few arrangements, most often the
    /// whole input shifted just past ``exclusion`` (a forest hillside: 3 of 10 samples were its
    /// input moved 8 blocks, 87% of the overlap equal, and equal to each other). One level, the
    /// same quick runs: mean pairwise non-air Hamming of a hamlet .413 → .442, a colonnade
    /// .492 → .514, the forest .762 → .791 over 20 samples; no two samples near-identical, and
    /// forest samples that are the input shifted sideways 13 → 7 of 40.
    public var levels = 1
    /// Whether the layout's patches span the whole height (`p × height × p` columns) instead of
    /// `p³` cubes: a column moves with its ground, trunk and canopy, so strata stay at their
    /// heights and fewer canopies are left without their trunks.
    public var columnPatches = true
    /// The layout may not take a patch from within this share of the horizontal extent of the
    /// patch's own (rescaled) position, along X and along Z, where the output is small enough to
    /// be a copy of the source (each horizontal extent under 1.5 times the source's).
    /// Nearest-patch rounds with completeness otherwise fall back onto the identity arrangement,
    /// the input itself (three of five free samples of a forest hillside were copies of it); 0
    /// allows copies.
    public var exclusion = 0.25

    /// Nearest-patch rounds on each finer scale's generator output (0: the generators' alone).
    public var refinementRounds = 3
    /// GPNN's α in the refinement rounds: weaker than the layout's ``completeness``, so that a
    /// rare source patch (a cave pocket, a tuft of grass) is not pressed onto every output patch
    /// that lacks an exact match (α 0.005 there let such blocks inflate 2–4×; measured on a
    /// forest hillside, a hamlet and a colonnade, 0.5 kept them within 1.6× at the quick budget).
    public var refinementCompleteness: Float = 0.5
    /// At most this many principal directions for the refinement's patch distances
    /// (``PatchProjection``). The input's own exact blocks are far less correlated than a
    /// reconstruction's smooth values: 99% of the variance of a 48×17×48 ruin's one-hot patches
    /// takes 447 of 972 directions (its reconstruction's: about 130), and the refined sample
    /// took twice as long (45 s instead of 21); the choice among near-equal patches is all the
    /// remaining directions decide.
    public var refinementDirections = 160
    /// The most (output patches × source patches) a finer scale's refinement may cost; larger
    /// scales are left to their generators (the cost grows with the square of the volume).
    public var refinementBudget = 2_000_000_000

    public init() {}

    /// Whether ``refined(_:source:)`` is worth its cost for an output of `size` against a source
    /// of `sourceSize` (both `[X, Y, Z]`).
    public func refines(size: [Int], sourceSize: [Int]) -> Bool {
        refinementRounds > 0 && patchCount(size) * patchCount(sourceSize) <= refinementBudget
    }

    /// `image` (`[1, C, X, Y, Z]`, a finer generator's output) after ``refinementRounds`` rounds
    /// of nearest source patches from `source` (`[1, C] + that scale's training shape`), with
    /// ``refinementCompleteness``. Each voxel takes, of the values the chosen patches put on it,
    /// the one nearest to their mean (``PatchMatrix/FoldRule/nearestToMean``): a value of
    /// `source` itself, not a blend, so against the input's own image every refined voxel is one
    /// of its blocks and one-block features (trunks, lanterns, flowers) are kept.
    public func refined(_ image: Tensor, source: Tensor) -> Tensor {
        precondition(image.rank == 5 && source.rank == 5, "PatchLayout.refined: image \(image.shape), source \(source.shape)")
        return GradMode.withoutRecording {
            replacingPatches(of: image, from: PatchMatrix(source, side: patchSize), rounds: refinementRounds,
                             completeness: refinementCompleteness, directions: refinementDirections, fold: .nearestToMean)
        }
    }

    private func patchCount(_ size: [Int]) -> Int {
        size.reduce(1) { $0 * max(0, $1 - patchSize + 1) }
    }

    /// `rounds` rounds in which every patch of `image` takes its nearest patch of `keys`
    /// (distances in the keys' principal subspace, ``PatchProjection``, weighed by
    /// `completeness`, in at most `directions` of its principal directions), never one within
    /// `exclusion` of its own position (see ``exclusion``), the chosen patches folded by `fold`.
    private func replacingPatches(of image: Tensor, from keys: PatchMatrix, rounds: Int, completeness: Float,
                                  exclusion: Double = 0, directions: Int = .max, fold: PatchMatrix.FoldRule = .mean) -> Tensor {
        let projection = PatchProjection(keys.rows, maximumDirections: directions)
        let keyOperand = projection.keyOperand(keys.rows)
        let excluded = exclusion > 0
            ? ExcludedNeighbourhood(queryGrid: PatchMatrix.grid(image.shape, sides: keys.sides), keyGrid: keys.grid, radius: exclusion)
            : nil
        var image = image
        for _ in 0..<rounds {
            let queries = PatchMatrix(image, sides: keys.sides)
            let choice = CompletenessSearch(completeness: completeness, excluded: excluded).choose(projection.queryOperand(queries.rows), keyOperand)
            image = queries.folded(choosing: choice, from: keys, rule: fold)
        }
        return image
    }

    /// A new image of `size` (`[X, Y, Z]`) from the patches of `source` (`[1, C, X', Y', Z']`).
    /// The same seed gives the same image.
    /// - Complexity: per round, (output patches) × (source patches) × r multiply-adds, r the
    ///   directions ``PatchProjection`` keeps (at most C·p³).
    /// - Parameter start: the image to begin from (`[1, C] + size`), resized to the first level;
    ///   nil: the source resized to it.
    public func generate(source: Tensor, start: Tensor? = nil, size: [Int], seed: UInt64) -> Tensor {
        precondition(source.rank == 5 && size.count == 3, "PatchLayout: source \(source.shape), size \(size)")
        return GradMode.withoutRecording {
            let sourceSize = Array(source.shape[2...])
            let shapes = (0..<levels).reversed().map { level in
                (levelShape(sourceSize, level: level), levelShape(size, level: level))
            }
            var rng = SeededGenerator(seed: seed)
            var image = (start ?? source.resized(to: shapes[0].0)).resized(to: shapes[0].1)
            image = image + Tensor.randomNormal(image.shape, using: &rng) * noiseDeviation
            for (index, (sourceShape, outputShape)) in shapes.enumerated() {
                if index > 0 { image = image.resized(to: outputShape) }
                let sides = columnPatches ? [patchSize, min(sourceShape[1], outputShape[1]), patchSize] : [patchSize, patchSize, patchSize]
                image = replacingPatches(of: image, from: PatchMatrix(source.resized(to: sourceShape), sides: sides),
                                         rounds: iterations, completeness: completeness, exclusion: couldCopy(sourceShape, outputShape) ? exclusion : 0)
            }
            return image
        }
    }

    /// Whether an output of `output`'s extents could be mostly a copy of a source of `source`'s:
    /// each horizontal extent under 1.5 times the source's. Larger outputs cannot be filled by
    /// one copy, and there the exclusion would only pin every patch to the few far positions
    /// left (the same layout for every seed).
    private func couldCopy(_ source: [Int], _ output: [Int]) -> Bool {
        [0, 2].allSatisfy { Double(output[$0]) < 1.5 * Double(source[$0]) }
    }

    private func levelShape(_ size: [Int], level: Int) -> [Int] {
        let factor = (0..<level).reduce(1.0) { f, _ in f * levelRatio }
        return size.map { extent in min(extent, max(patchSize + 2, Int((Double(extent) * factor).rounded()))) }
    }
}
