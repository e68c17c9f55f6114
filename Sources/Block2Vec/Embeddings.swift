/// Block tokens with one D-dimensional vector each: what block2vec produces and World-GAN's
/// decoder consumes (nearest neighbour in L2, as the original's `generate_samples.py`).
///
/// `vectors` is V×D row-major: token i's vector is `vectors[i*D ..< (i+1)*D]`.
///
/// ```swift
/// let e = try EmbeddingFile.read(from: url)
/// e.distance("minecraft:stone", "minecraft:cobblestone")   // Float? (nil: unknown token)
/// e.nearestIndex(to: someVector)                           // index into e.tokens
/// ```
public struct Embeddings: Sendable, Equatable {
    /// Tokens by row.
    public let tokens: [String]
    /// D, the vector width.
    public let dimension: Int
    /// V×D, row-major.
    public let vectors: [Float]
    private let indexByToken: [String: Int]

    /// - Precondition: `vectors.count == tokens.count * dimension`, tokens distinct.
    public init(tokens: [String], dimension: Int, vectors: [Float]) {
        precondition(dimension > 0 && vectors.count == tokens.count * dimension,
                     "Embeddings: \(vectors.count) values for \(tokens.count) tokens × \(dimension)")
        self.tokens = tokens
        self.dimension = dimension
        self.vectors = vectors
        indexByToken = tokenRows(tokens, owner: "Embeddings")
    }

    /// Number of tokens (V).
    public var count: Int { tokens.count }

    /// The row of `token`, or `nil` when it has no vector.
    public func index(of token: String) -> Int? { indexByToken[token] }

    /// The vector of `token`, or `nil` when it has none.
    public func vector(of token: String) -> ArraySlice<Float>? {
        index(of: token).map { vectors[($0 * dimension)..<(($0 + 1) * dimension)] }
    }

    /// L2 distance between rows `i` and `j`.
    public func distance(_ i: Int, _ j: Int) -> Float {
        vectors.withUnsafeBufferPointer { v in
            Embeddings.squaredDistance(dimension, v.baseAddress.unsafelyUnwrapped + i * dimension,
                                       v.baseAddress.unsafelyUnwrapped + j * dimension).squareRoot()
        }
    }

    /// L2 distance between two tokens' vectors; `nil` when either token has no vector.
    public func distance(_ a: String, _ b: String) -> Float? {
        guard let i = index(of: a), let j = index(of: b) else { return nil }
        return distance(i, j)
    }

    /// The row nearest to `query` in L2 (the lowest index on ties).
    /// - Precondition: `query.count == dimension`.
    /// - Complexity: O(V·D).
    public func nearestIndex(to query: [Float]) -> Int {
        precondition(query.count == dimension, "Embeddings.nearestIndex: query of \(query.count), D = \(dimension)")
        return query.withUnsafeBufferPointer { nearestRow(to: $0.baseAddress.unsafelyUnwrapped) }
    }

    /// Decodes a channel-major volume (the GAN's `[1, D, X, Y, Z]` output): for each of the
    /// `voxelCount` voxels, the row nearest to its D channel values `values[c * voxelCount + n]`.
    /// - Precondition: `values.count == dimension * voxelCount`.
    /// - Complexity: O(voxels·V·D).
    public func nearestIndices(channelMajor values: [Float], voxelCount: Int) -> [Int32] {
        precondition(values.count == dimension * voxelCount,
                     "Embeddings.nearestIndices: \(values.count) values for \(voxelCount) voxels × \(dimension)")
        var out = [Int32](repeating: 0, count: voxelCount)
        var query = [Float](repeating: 0, count: dimension)
        values.withUnsafeBufferPointer { src in
            query.withUnsafeMutableBufferPointer { q in
                for n in 0..<voxelCount {
                    for c in 0..<dimension { q[c] = src[c * voxelCount + n] }
                    out[n] = Int32(nearestRow(to: q.baseAddress.unsafelyUnwrapped))
                }
            }
        }
        return out
    }

    private func nearestRow(to q: UnsafePointer<Float>) -> Int {
        vectors.withUnsafeBufferPointer { v in
            var best = 0
            var bestDistance = Float.infinity
            for i in 0..<count {
                let d = Embeddings.squaredDistance(dimension, q, v.baseAddress.unsafelyUnwrapped + i * dimension)
                if d < bestDistance { bestDistance = d; best = i }
            }
            return best
        }
    }

    @inline(__always)
    static func squaredDistance(_ n: Int, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>) -> Float {
        var s: Float = 0
        for i in 0..<n { let d = a[i] - b[i]; s = d * d + s }
        return s
    }

    /// The vectors of `tokens`, in that order: how `train --embeddings FILE` lines a given file
    /// up with the input's vocabulary.
    /// - Parameters:
    ///   - tokens: distinct tokens, e.g. the input volume's `Vocabulary.tokens`.
    ///   - file: named in the error.
    /// - Throws: `Block2VecError.missingTokens` listing every token without a vector (sorted).
    public func restricted(to tokens: [String], file: String) throws -> Embeddings {
        let missing = tokens.filter { indexByToken[$0] == nil }
        guard missing.isEmpty else { throw Block2VecError.missingTokens(file: file, tokens: missing.sorted()) }
        var rows: [Float] = []
        rows.reserveCapacity(tokens.count * dimension)
        for t in tokens { if let v = vector(of: t) { rows.append(contentsOf: v) } }
        return Embeddings(tokens: tokens, dimension: dimension, vectors: rows)
    }

    public static func == (a: Embeddings, b: Embeddings) -> Bool {
        a.tokens == b.tokens && a.dimension == b.dimension && a.vectors == b.vectors
    }
}
