import Tensor

/// Every patch of `sides` (X, Y, Z extents) of a `[1, C, X, Y, Z]` image (stride 1, no padding)
/// as the rows of a matrix, `C·sides.product` values each.
struct PatchMatrix {
    let rows: Tensor
    let imageShape: [Int]
    let sides: [Int]

    /// The patches of `image` of `sides` (`[sx, sy, sz]`, each at most the image's extent).
    init(_ image: Tensor, sides: [Int]) {
        imageShape = image.shape
        self.sides = sides
        let width = image.shape[1] * sides.reduce(1, *)
        var values = [Float](repeating: 0, count: Self.grid(image.shape, sides: sides).reduce(1, *) * width)
        image.data.withUnsafeBufferPointer { source in
            Self.walk(image.shape, sides: sides) { row, column, element in values[row * width + column] = source[element] }
        }
        rows = Tensor(shape: [values.count / width, width], data: values)
    }

    /// The cubic patches of `side`.
    init(_ image: Tensor, side: Int) { self.init(image, sides: [side, side, side]) }

    var count: Int { rows.shape[0] }

    /// Patch positions along X, Y and Z (rows are numbered X-, then Y-, then Z-major).
    var grid: [Int] { Self.grid(imageShape, sides: sides) }

    /// Patch positions along X, Y and Z of an image of `shape` (`[1, C, X, Y, Z]`).
    static func grid(_ shape: [Int], sides: [Int]) -> [Int] {
        (0..<3).map { shape[2 + $0] - sides[$0] + 1 }
    }

    /// Calls `visit(patch row, column in the row, element of the image)` for every value of every
    /// patch, patches in X-, then Y-, then Z-order, each patch channel-major then X, Y, Z.
    private static func walk(_ shape: [Int], sides: [Int], _ visit: (Int, Int, Int) -> Void) {
        let channels = shape[1], (sx, sy, sz) = (shape[2], shape[3], shape[4])
        let voxels = sx * sy * sz
        var row = 0
        for x in 0...(sx - sides[0]) { for y in 0...(sy - sides[1]) { for z in 0...(sz - sides[2]) {
            var column = 0
            for c in 0..<channels {
                for dx in 0..<sides[0] { for dy in 0..<sides[1] { for dz in 0..<sides[2] {
                    visit(row, column, c * voxels + ((x + dx) * sy + y + dy) * sz + z + dz)
                    column += 1
                } } }
            }
            row += 1
        } } }
    }

    /// How ``folded(choosing:from:rule:)`` turns the values that overlapping patches put on one
    /// voxel into that voxel's value.
    enum FoldRule {
        /// Their mean: smooth, but where the patches disagree (a pillar's edge, a log inside a
        /// canopy) a blend of blocks that decodes to whichever token lies between them.
        case mean
        /// The one of them nearest to their mean (over all channels): always a value of the
        /// source itself, so the voxel decodes to a block the source has there, and thin
        /// features (a one-block trunk) survive where most patches carry them.
        case nearestToMean
    }

    /// The image of this matrix's shape where each voxel combines, by `rule`, the values that
    /// `choice[patch]`'s row of `source` puts there over the patches covering it.
    func folded(choosing choice: [Int], from source: PatchMatrix, rule: FoldRule = .mean) -> Tensor {
        let width = source.rows.shape[1], voxels = imageShape[2...].reduce(1, *)
        var sums = [Float](repeating: 0, count: imageShape[1] * voxels), counts = [Float](repeating: 0, count: voxels)
        source.rows.data.withUnsafeBufferPointer { keys in
            Self.walk(imageShape, sides: sides) { row, column, element in
                sums[element] += keys[choice[row] * width + column]
                if element < voxels { counts[element] += 1 }
            }
        }
        for element in sums.indices { sums[element] /= max(1, counts[element % voxels]) }
        guard rule == .nearestToMean else { return Tensor(shape: imageShape, data: sums) }
        return Tensor(shape: imageShape, data: nearestToMean(choosing: choice, from: source, means: sums))
    }

    /// Per voxel, the covering patch's value nearest to `means` (channel-major like the image).
    private func nearestToMean(choosing choice: [Int], from source: PatchMatrix, means: [Float]) -> [Float] {
        let width = source.rows.shape[1], voxels = imageShape[2...].reduce(1, *), patchVoxels = sides.reduce(1, *)
        // Candidate (patch row, voxel within the patch): its squared distance to the mean and its voxel.
        var distance = [Float](repeating: 0, count: count * patchVoxels), voxel = [Int](repeating: 0, count: count * patchVoxels)
        source.rows.data.withUnsafeBufferPointer { keys in
            Self.walk(imageShape, sides: sides) { row, column, element in
                let difference = keys[choice[row] * width + column] - means[element]
                distance[row * patchVoxels + column % patchVoxels] += difference * difference
                if column < patchVoxels { voxel[row * patchVoxels + column] = element }
            }
        }
        var best = [Float](repeating: .infinity, count: voxels), winner = [Int](repeating: -1, count: voxels)
        for candidate in distance.indices where distance[candidate] < best[voxel[candidate]] {
            best[voxel[candidate]] = distance[candidate]
            winner[voxel[candidate]] = candidate
        }
        var values = means
        source.rows.data.withUnsafeBufferPointer { keys in
            for v in 0..<voxels where winner[v] >= 0 {
                let key = choice[winner[v] / patchVoxels] * width, within = winner[v] % patchVoxels
                for c in 0..<imageShape[1] { values[c * voxels + v] = keys[key + c * patchVoxels + within] }
            }
        }
        return values
    }
}

/// The principal subspace of a set of key patches, in which patch distances are computed: a
/// patch of 8 channels × 27 voxels has 216 values, but neighbouring voxels and block2vec channels
/// are so correlated that a few dozen directions hold ``keptVariance`` of the keys' variance, and
/// the SGEMM of every query against every key shrinks by the same factor.
struct PatchProjection {
    /// Share of the keys' total variance the kept directions hold.
    static let keptVariance: Float = 0.99

    /// The keys' mean row.
    let mean: Tensor
    /// `[width, r]`: the kept principal directions as columns (the identity if the decomposition
    /// fails, which keeps exact distances).
    let basis: Tensor

    /// - Parameter maximumDirections: at most this many directions, even where ``keptVariance``
    ///   needs more (the cost of every distance grows with them).
    init(_ keys: Tensor, maximumDirections: Int = .max) {
        let (count, width) = (keys.shape[0], keys.shape[1])
        mean = keys.sum(axes: [0]) * (1 / Float(max(1, count)))
        let centred = keys - mean
        let covariance = centred.matmul(centred, transposeSelf: true)
        let decomposition = covariance.symmetricEigen()
        let total = decomposition?.values.reduce(0) { $0 + max(0, $1) } ?? 0
        guard let (values, vectors) = decomposition, total > 0 else {
            basis = Tensor(shape: [width, width], data: (0..<width * width).map { $0 / width == $0 % width ? 1 : 0 })
            return
        }
        var kept = 0, held: Float = 0
        while kept < min(width, maximumDirections) && held < Self.keptVariance * total {
            held += max(0, values[kept])
            kept += 1
        }
        kept = max(1, kept)
        basis = Tensor(shape: [width, kept], data: (0..<width * kept).map { vectors.data[($0 / kept) * width + $0 % kept] })
    }

    /// The rows projected and laid out as `[p, ‖p‖², 1]`.
    func queryOperand(_ rows: Tensor) -> Tensor { operand(rows, key: false) }

    /// The rows projected and laid out as `[−2p, 1, ‖p‖²]`: the product of a query operand's rows
    /// with these is `‖a‖² + ‖b‖² − 2a·b`, the squared distance, in one SGEMM.
    func keyOperand(_ rows: Tensor) -> Tensor { operand(rows, key: true) }

    private func operand(_ rows: Tensor, key: Bool) -> Tensor {
        let projected = (rows - mean).matmul(basis)
        let (count, r) = (projected.shape[0], projected.shape[1])
        var out = [Float](repeating: 1, count: count * (r + 2))
        projected.data.withUnsafeBufferPointer { p in
            for row in 0..<count {
                var norm: Float = 0
                for column in 0..<r {
                    let value = p[row * r + column]
                    norm += value * value
                    out[row * (r + 2) + column] = key ? -2 * value : value
                }
                out[row * (r + 2) + (key ? r + 1 : r)] = norm
            }
        }
        return Tensor(shape: [count, r + 2], data: out)
    }

    /// `‖a − b‖²` (in the subspace) for the query operand's rows `rows` against every key,
    /// `[rows.count, keys.count]`.
    static func squaredDistances(_ queries: Tensor, rows range: Range<Int>, to keys: Tensor) -> Tensor {
        let width = queries.shape[1]
        let part = range.count == queries.shape[0] ? queries
            : Tensor(shape: [range.count, width], data: Array(queries.data[(range.lowerBound * width)..<(range.upperBound * width)]))
        return part.matmul(keys, transposeOther: true)
    }
}
