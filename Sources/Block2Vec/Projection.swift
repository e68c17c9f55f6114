/// What the embedding pictures show: a 2D PCA projection of the vectors (one labelled point per
/// token) and the V×V matrix of pairwise L2 distances (the heat map).
///
/// PCA diagonalises the D×D covariance of the centred vectors with cyclic Jacobi rotations, in
/// Double. Each axis's sign is fixed so that its largest-magnitude loading is positive, so the
/// same vectors always give the same picture.
///
/// ```swift
/// let p = Projection(result.embeddings)
/// p.points[0]                              // (x, y) of tokens[0]
/// p.distances[i * p.tokens.count + j]      // ‖e_i − e_j‖
/// ```
public struct Projection: Sendable, Equatable {
    public struct Point: Sendable, Equatable { public var x: Double, y: Double }

    /// Tokens, in the embeddings' order.
    public let tokens: [String]
    /// The 2D coordinates of each token (second coordinate 0 when D = 1).
    public let points: [Point]
    /// Share of the total variance along each of the two axes (0 when the vectors are all equal).
    public let explainedVariance: (Double, Double)
    /// V×V row-major L2 distances between the vectors.
    public let distances: [Float]

    /// - Complexity: O(V·D² + D³ + V²·D).
    public init(_ embeddings: Embeddings) {
        let d = embeddings.dimension
        tokens = embeddings.tokens
        let rows = Projection.centredRows(embeddings)
        var covariance = [Double](repeating: 0, count: d * d)
        for row in rows { for a in 0..<d { for b in 0..<d { covariance[a * d + b] += row[a] * row[b] } } }
        let (values, vectors) = SymmetricEigen.decompose(covariance, size: d)
        let zero = [Double](repeating: 0, count: d)
        let first = Projection.signFixed(vectors[0]), second = d > 1 ? Projection.signFixed(vectors[1]) : zero
        points = rows.map { Point(x: Projection.dot($0, first), y: Projection.dot($0, second)) }
        let total = values.reduce(0, +)
        explainedVariance = total > 0 ? (values[0] / total, d > 1 ? values[1] / total : 0) : (0, 0)
        distances = Projection.pairwiseDistances(embeddings)
    }

    /// Each vector minus the mean vector, in Double.
    private static func centredRows(_ e: Embeddings) -> [[Double]] {
        let d = e.dimension
        let rows = (0..<e.count).map { i in e.vectors[(i * d)..<((i + 1) * d)].map(Double.init) }
        guard !rows.isEmpty else { return [] }
        var mean = [Double](repeating: 0, count: d)
        for row in rows { for c in 0..<d { mean[c] += row[c] / Double(rows.count) } }
        return rows.map { row in (0..<d).map { row[$0] - mean[$0] } }
    }

    private static func pairwiseDistances(_ e: Embeddings) -> [Float] {
        let v = e.count
        var out = [Float](repeating: 0, count: v * v)
        for i in 0..<v { for j in 0..<i {
            let x = e.distance(i, j)
            out[i * v + j] = x
            out[j * v + i] = x
        } }
        return out
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// `axis` or its negation, whichever has a positive largest-magnitude entry (first on ties).
    private static func signFixed(_ axis: [Double]) -> [Double] {
        var pivot = 0.0
        for x in axis where abs(x) > abs(pivot) { pivot = x }
        return pivot < 0 ? axis.map { -$0 } : axis
    }

    public static func == (a: Projection, b: Projection) -> Bool {
        a.tokens == b.tokens && a.points == b.points && a.distances == b.distances
            && a.explainedVariance == b.explainedVariance
    }
}
