extension Embeddings {
    /// One-hot vectors: token i is the i-th unit vector of dimension `tokens.count` (World-GAN's
    /// `repr_type None`). Nearest-neighbour decoding of such vectors is an argmax over channels.
    public static func oneHot(tokens: [String]) -> Embeddings {
        let n = tokens.count
        var vectors = [Float](repeating: 0, count: n * n)
        for i in 0..<n { vectors[i * n + i] = 1 }
        return Embeddings(tokens: tokens, dimension: n, vectors: vectors)
    }
}
