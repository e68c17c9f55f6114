import Foundation

/// World-GAN's block2vec network: `Embedding(V, D)` → `Linear(D, V)` → log-softmax over the
/// whole vocabulary (a full softmax, no negative sampling).
///
/// All parameters live in one flat array, in this order (PyTorch layouts):
/// `embedding` V×D row-major (row v = token v's vector) · `outputWeight` V×D (`[out, in]`) ·
/// `outputBias` V. One array lets the optimiser update everything in a single pass.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let model = SkipGramModel(vocabularySize: 40, dimension: 32, using: &rng)
/// model.logProbabilities(forTarget: 3)   // 40 log-probabilities of the context token
/// ```
public struct SkipGramModel: Sendable, Equatable {
    /// V, the number of tokens.
    public let vocabularySize: Int
    /// D, the embedding width.
    public let dimension: Int
    /// `embedding | outputWeight | outputBias`, see the type's documentation.
    public var parameters: [Float]

    /// A model initialised as PyTorch and World-GAN do: embedding U(±1/D)
    /// (`skip_gram_model.py`), output weight and bias U(±1/√D) (`nn.Linear`'s default).
    public init(vocabularySize v: Int, dimension d: Int, using rng: inout SeededGenerator) {
        precondition(v > 0 && d > 0, "SkipGramModel: vocabulary \(v) and dimension \(d) must be positive")
        vocabularySize = v
        dimension = d
        var p = [Float](repeating: 0, count: 2 * v * d + v)
        let embeddingLimit = 1 / Float(d)
        let linearLimit = 1 / Float(d).squareRoot()
        for i in 0..<(v * d) { p[i] = rng.nextSymmetric(embeddingLimit) }
        for i in (v * d)..<p.count { p[i] = rng.nextSymmetric(linearLimit) }
        parameters = p
    }

    /// A model with the given parameters (e.g. from a PyTorch state dict).
    /// - Precondition: `embedding` and `outputWeight` hold V·D values, `outputBias` V.
    public init(embedding: [Float], outputWeight: [Float], outputBias: [Float]) {
        let v = outputBias.count
        precondition(v > 0 && embedding.count % v == 0 && embedding.count == outputWeight.count,
                     "SkipGramModel: embedding \(embedding.count), outputWeight \(outputWeight.count) "
                     + "and outputBias \(v) values do not form V×D, V×D, V")
        vocabularySize = v
        dimension = embedding.count / v
        parameters = embedding + outputWeight + outputBias
    }

    /// Where each tensor sits in `parameters`.
    public var embeddingRange: Range<Int> { 0..<(vocabularySize * dimension) }
    public var outputWeightRange: Range<Int> { embeddingRange.upperBound..<(2 * vocabularySize * dimension) }
    public var outputBiasRange: Range<Int> { outputWeightRange.upperBound..<parameters.count }

    /// The V×D embedding matrix (the vectors block2vec exports).
    public var embedding: [Float] { Array(parameters[embeddingRange]) }

    /// `outputWeight · embedding[target] + outputBias`: the V logits of a target token.
    /// - Precondition: `0 <= target < vocabularySize`.
    public func logits(forTarget target: Int) -> [Float] {
        precondition(target >= 0 && target < vocabularySize,
                     "SkipGramModel.logits: target \(target) outside vocabulary 0..<\(vocabularySize)")
        var out = [Float](repeating: 0, count: vocabularySize)
        parameters.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                writeLogits(target: target, parameters: p.baseAddress.unsafelyUnwrapped,
                            into: o.baseAddress.unsafelyUnwrapped)
            }
        }
        return out
    }

    /// `log_softmax(logits(forTarget:))`.
    public func logProbabilities(forTarget target: Int) -> [Float] {
        var row = logits(forTarget: target)
        row.withUnsafeMutableBufferPointer { r in
            SkipGramModel.logSoftmaxInPlace(r.baseAddress.unsafelyUnwrapped, count: vocabularySize)
        }
        return row
    }

    /// The logits of `target` written to `out[0..<V]`; the one forward kernel of the model.
    @inline(__always)
    func writeLogits(target: Int, parameters p: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let d = dimension, v = vocabularySize
        let h = p + target * d
        let weight = p + v * d
        let bias = p + 2 * v * d
        for j in 0..<v { out[j] = VectorKernels.dot(d, h, weight + j * d) + bias[j] }
    }

    /// Replaces `x[0..<n]` by `x − logsumexp(x)` (max-shifted, as PyTorch does).
    @inline(__always)
    static func logSoftmaxInPlace(_ x: UnsafeMutablePointer<Float>, count n: Int) {
        var m = -Float.infinity
        for i in 0..<n { m = max(m, x[i]) }
        var s: Float = 0
        for i in 0..<n { s += exp(x[i] - m) }
        let lse = m + log(s)
        for i in 0..<n { x[i] -= lse }
    }
}
