/// What the embedding pictures show: a 2D PCA projection of the vectors (one labelled point per
/// token) and the V×V matrix of pairwise L2 distances (the heat map).
///
/// PCA diagonalises the D×D covariance of the centred vectors with cyclic Jacobi rotations, in
/// Double. Each axis's sign is fixed so that its largest-magnitude loading is positive, so the
/// same vectors always give the same picture.
///
/// ```swift
/// let p = Projection(result.embeddings)
/// p.points[0]              // (x, y) of tokens[0]
/// p.distances[i * p.tokens.count + j]
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
        let v = embeddings.count, d = embeddings.dimension
        tokens = embeddings.tokens
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<v { for c in 0..<d { mean[c] += Double(embeddings.vectors[i * d + c]) } }
        if v > 0 { for c in 0..<d { mean[c] /= Double(v) } }
        var centred = [Double](repeating: 0, count: v * d)
        for i in 0..<v { for c in 0..<d { centred[i * d + c] = Double(embeddings.vectors[i * d + c]) - mean[c] } }
        var covariance = [Double](repeating: 0, count: d * d)
        for i in 0..<v { for a in 0..<d { for b in 0..<d { covariance[a * d + b] += centred[i * d + a] * centred[i * d + b] } } }
        let (values, vectors) = SymmetricEigen.decompose(covariance, size: d)
        let axes = [0, 1].map { k -> [Double] in k < d ? Projection.signFixed(vectors[k]) : [Double](repeating: 0, count: d) }
        points = (0..<v).map { i in
            let row = centred[(i * d)..<((i + 1) * d)]
            return Point(x: zip(row, axes[0]).reduce(0) { $0 + $1.0 * $1.1 },
                         y: zip(row, axes[1]).reduce(0) { $0 + $1.0 * $1.1 })
        }
        let total = values.reduce(0, +)
        explainedVariance = total > 0 ? (values[0] / total, d > 1 ? values[1] / total : 0) : (0, 0)
        var dist = [Float](repeating: 0, count: v * v)
        for i in 0..<v { for j in (i + 1)..<max(v, i + 1) {
            let x = embeddings.distance(i, j)
            dist[i * v + j] = x
            dist[j * v + i] = x
        } }
        distances = dist
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
