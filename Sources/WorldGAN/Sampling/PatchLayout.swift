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
/// The algorithm, on a small pyramid of its own (factor ``levelRatio``): the start image (the
/// coarsest generator's sample in `generate`; else the source) resized to the first level, plus
/// normal noise of ``noiseDeviation``; then at every level
/// ``iterations`` rounds of: every `p³` patch of the output takes its nearest source patch by
/// squared distance divided by `completeness + ` that source patch's smallest distance to any
/// output patch (so that every source patch is used somewhere, not the commonest everywhere),
/// and each voxel becomes the mean of the chosen patches covering it; the result is upsampled
/// (trilinear) to the next level.
///
/// ```swift
/// let source = Tensor(shape: [1, pyramid.channels] + pyramid.shapes[0],
///                     data: pyramid.reconstruction(scales: 1).values)    // the input, coarsest scale
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
    /// Levels of that pyramid (an axis never shrinks below ``patchSize`` + 2).
    public var levels = 3

    public init() {}

    /// A new image of `size` (`[X, Y, Z]`) from the patches of `source` (`[1, C, X', Y', Z']`).
    /// The same seed gives the same image.
    /// - Complexity: per round, (output patches) × (source patches) × C·p³ multiply-adds.
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
                let keys = PatchMatrix(source.resized(to: sourceShape), side: patchSize)
                for _ in 0..<iterations {
                    let queries = PatchMatrix(image, side: patchSize)
                    image = queries.folded(choosing: nearest(queries, keys), from: keys)
                }
            }
            return image
        }
    }

    private func levelShape(_ size: [Int], level: Int) -> [Int] {
        let factor = (0..<level).reduce(1.0) { f, _ in f * levelRatio }
        return size.map { extent in min(extent, max(patchSize + 2, Int((Double(extent) * factor).rounded()))) }
    }

    /// Per query patch, the key patch of least `distance / (completeness + min over queries)`.
    /// Distances are computed in blocks of queries (twice: the minimum over all queries comes
    /// first), so memory stays bounded for large layouts.
    private func nearest(_ queries: PatchMatrix, _ keys: PatchMatrix) -> [Int] {
        let k = keys.count, block = max(1, (1 << 22) / max(1, k))
        let blocks = stride(from: 0, to: queries.count, by: block).map { $0..<min($0 + block, queries.count) }
        // One block (every layout of a normal sample) keeps its distances for the second pass.
        let kept = blocks.count == 1 ? queries.squaredDistances(rows: blocks[0], to: keys) : nil
        func distances(_ rows: Range<Int>) -> [Float] { kept ?? queries.squaredDistances(rows: rows, to: keys) }
        var smallest = [Float](repeating: .infinity, count: k)
        for rows in blocks {
            let d = distances(rows)
            for row in 0..<rows.count {
                for key in 0..<k where d[row * k + key] < smallest[key] { smallest[key] = d[row * k + key] }
            }
        }
        let alpha = completeness
        var choice: [Int] = []
        choice.reserveCapacity(queries.count)
        for rows in blocks {
            let d = distances(rows)
            for row in 0..<rows.count {
                var best = 0, bestScore = Float.infinity
                for key in 0..<k {
                    let score = d[row * k + key] / (alpha + smallest[key])
                    if score < bestScore { best = key; bestScore = score }
                }
                choice.append(best)
            }
        }
        return choice
    }
}

/// Every `side³` patch of a `[1, C, X, Y, Z]` image (stride 1, no padding) as the rows of a
/// matrix, `C·side³` values each.
struct PatchMatrix {
    let rows: Tensor
    /// `‖row‖²` of every row.
    let squaredNorms: [Float]
    let imageShape: [Int]
    let side: Int

    init(_ image: Tensor, side: Int) {
        imageShape = image.shape
        self.side = side
        let width = image.shape[1] * side * side * side
        var values = [Float](repeating: 0, count: Self.patchCount(image.shape, side: side) * width)
        image.data.withUnsafeBufferPointer { source in
            Self.walk(image.shape, side: side) { row, column, element in values[row * width + column] = source[element] }
        }
        rows = Tensor(shape: [values.count / width, width], data: values)
        squaredNorms = Self.squaredNorms(rows)
    }

    var count: Int { rows.shape[0] }

    private static func patchCount(_ shape: [Int], side: Int) -> Int {
        (2...4).reduce(1) { $0 * (shape[$1] - side + 1) }
    }

    /// Calls `visit(patch row, column in the row, element of the image)` for every value of every
    /// patch, patches in X-, then Y-, then Z-order, each patch channel-major then X, Y, Z.
    private static func walk(_ shape: [Int], side: Int, _ visit: (Int, Int, Int) -> Void) {
        let channels = shape[1], (sx, sy, sz) = (shape[2], shape[3], shape[4])
        let voxels = sx * sy * sz
        var row = 0
        for x in 0...(sx - side) { for y in 0...(sy - side) { for z in 0...(sz - side) {
            var column = 0
            for c in 0..<channels {
                for dx in 0..<side { for dy in 0..<side { for dz in 0..<side {
                    visit(row, column, c * voxels + ((x + dx) * sy + y + dy) * sz + z + dz)
                    column += 1
                } } }
            }
            row += 1
        } } }
    }

    /// `‖a − b‖²` for the rows `rows` of self against every row b of `other`, row-major
    /// `[rows.count, other.count]`.
    func squaredDistances(rows range: Range<Int>, to other: PatchMatrix) -> [Float] {
        let width = rows.shape[1]
        let part = Tensor(shape: [range.count, width], data: Array(rows.data[(range.lowerBound * width)..<(range.upperBound * width)]))
        let products = part.matmul(other.rows, transposeOther: true).data
        let n = other.count
        return products.enumerated().map { index, dot in
            max(0, squaredNorms[range.lowerBound + index / n] + other.squaredNorms[index % n] - 2 * dot)
        }
    }

    private static func squaredNorms(_ matrix: Tensor) -> [Float] {
        let width = matrix.shape[1]
        return matrix.data.withUnsafeBufferPointer { m in
            (0..<matrix.shape[0]).map { r in (0..<width).reduce(Float(0)) { $0 + m[r * width + $1] * m[r * width + $1] } }
        }
    }

    /// The image of this matrix's shape where each voxel is the mean, over the patches covering
    /// it, of the value that `choice[patch]`'s row of `source` puts there.
    func folded(choosing choice: [Int], from source: PatchMatrix) -> Tensor {
        let width = source.rows.shape[1], voxels = imageShape[2...].reduce(1, *)
        var sums = [Float](repeating: 0, count: imageShape[1] * voxels), counts = [Float](repeating: 0, count: voxels)
        source.rows.data.withUnsafeBufferPointer { keys in
            Self.walk(imageShape, side: side) { row, column, element in
                sums[element] += keys[choice[row] * width + column]
                if element < voxels { counts[element] += 1 }
            }
        }
        for element in sums.indices { sums[element] /= max(1, counts[element % voxels]) }
        return Tensor(shape: imageShape, data: sums)
    }
}
