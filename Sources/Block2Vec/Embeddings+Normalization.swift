extension Embeddings {
    /// The same directions, every vector scaled to one common length: the frequency-weighted mean
    /// length of the originals (so the GAN sees inputs of the size the original's noise amplitudes
    /// were tuned for).
    ///
    /// Why: skip-gram leaves rarely seen tokens (and tokens seen only on the volume's border) near
    /// their small initial vectors, close to the origin, which is also where a blend of common
    /// vectors lands; nearest-neighbour decoding then turns any in-between value into the rare
    /// token, and a chest or a lilac floods a sample. On one sphere no token sits between others.
    ///
    /// ```swift
    /// let gan = embeddings.equalLength(weights: vocabulary.counts)
    /// ```
    /// - Parameter weights: one count per token (row order); all-zero weights use the plain mean.
    /// - Complexity: O(V·D).
    public func equalLength(weights: [Int]) -> Embeddings {
        precondition(weights.count == count, "Embeddings.equalLength: \(weights.count) weights for \(count) tokens")
        let d = dimension
        let lengths = (0..<count).map { i in
            vectors[(i * d)..<((i + 1) * d)].reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        }
        let total = weights.reduce(0, +)
        let target: Float = total > 0
            ? zip(lengths, weights).reduce(Float(0)) { $0 + $1.0 * Float($1.1) } / Float(total)
            : lengths.reduce(0, +) / Float(max(count, 1))
        var out = vectors
        for i in 0..<count where lengths[i] > 0 {
            let factor = target / lengths[i]
            for c in 0..<d { out[i * d + c] *= factor }
        }
        return Embeddings(tokens: tokens, dimension: d, vectors: out)
    }
}
