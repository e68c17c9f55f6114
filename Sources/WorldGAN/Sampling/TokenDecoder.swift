import Foundation
import Block2Vec

/// Turns GAN outputs back into tokens by maximum a-posteriori over the vocabulary: the token t
/// minimising `‖v − e_t‖² / (2σ²) − log p(t)`, where p is the token frequencies of the training
/// input and σ² the noise per channel: given (``calibrated(embeddings:counts:reconstruction:)``
/// measures it on the run's reconstruction, how far the pyramid's outputs fall from the
/// vocabulary where the answer is known), else estimated from the decoded volume itself as its
/// mean squared nearest-neighbour residual per channel.
///
/// With clean values (σ² → 0) this is nearest-neighbour decoding, as the original; where a value
/// lies between tokens, the common one wins over a rare one, so a token seen once cannot take
/// over a region. Without frequencies it is plain nearest neighbour.
///
/// ```swift
/// let decoder = TokenDecoder(embeddings: embeddings, counts: manifest.tokenCounts)
/// let indices = decoder.decode(channelMajor: sample.values, voxelCount: sample.voxelCount)
/// ```
public struct TokenDecoder: Sendable {
    public let embeddings: Embeddings
    /// `log p(t)` per token (nil: nearest neighbour).
    public let logPrior: [Float]?
    /// σ² per channel (nil: estimated from each decoded volume).
    public let variance: Float?

    /// - Parameter counts: voxels per token in the training input, in embedding-row order (add-one
    ///   smoothed); `nil` or a list of the wrong length decodes by nearest neighbour.
    public init(embeddings: Embeddings, counts: [Int]?, variance: Float? = nil) {
        self.embeddings = embeddings
        self.variance = variance
        if let counts, counts.count == embeddings.count {
            let total = Float(counts.reduce(0, +) + counts.count)
            logPrior = counts.map { Float(Foundation.log(Double($0 + 1) / Double(total))) }
        } else {
            logPrior = nil
        }
    }

    /// A decoder whose σ² is the mean squared nearest-neighbour residual per channel of the run's
    /// reconstruction (the noise of outputs whose tokens are known).
    public static func calibrated(embeddings: Embeddings, counts: [Int]?, reconstruction: TrainedPyramid.Sample) -> TokenDecoder {
        let plain = TokenDecoder(embeddings: embeddings, counts: nil)
        let d = embeddings.dimension, n = reconstruction.voxelCount
        let rows = plain.decode(channelMajor: reconstruction.values, voxelCount: n)
        var residual: Double = 0
        for (voxel, row) in rows.enumerated() {
            for c in 0..<d {
                let diff = Double(reconstruction.values[c * n + voxel] - embeddings.vectors[Int(row) * d + c])
                residual += diff * diff
            }
        }
        return TokenDecoder(embeddings: embeddings, counts: counts, variance: Float(residual / Double(max(1, n * d))))
    }

    /// The token row of every voxel of a channel-major volume (`values[c * voxelCount + n]`).
    /// Two passes over the voxels (the residual first, then the scores; one when σ² is given), so
    /// memory stays O(V + D). Each voxel is decoded on its own when σ² is given.
    /// - Complexity: O(voxels · V · D).
    public func decode(channelMajor values: [Float], voxelCount: Int) -> [Int32] {
        let d = embeddings.dimension, v = embeddings.count
        precondition(values.count == d * voxelCount, "TokenDecoder: \(values.count) values for \(voxelCount) voxels × \(d)")
        var indices = [Int32](repeating: 0, count: voxelCount)
        var distances = [Float](repeating: 0, count: v)
        values.withUnsafeBufferPointer { src in
            embeddings.vectors.withUnsafeBufferPointer { e in
                func distancesOf(_ n: Int) {
                    for t in 0..<v {
                        var s: Float = 0
                        for c in 0..<d { let diff = src[c * voxelCount + n] - e[t * d + c]; s += diff * diff }
                        distances[t] = s
                    }
                }
                var residual: Double = 0
                // With a known σ² the scores below decide every voxel: the nearest-neighbour pass
                // (which only estimates σ²) is skipped.
                let scored = logPrior != nil && (self.variance ?? 0) > 0
                for n in 0..<voxelCount where !scored {
                    distancesOf(n)
                    var best = 0
                    for t in 1..<max(v, 1) where distances[t] < distances[best] { best = t }
                    indices[n] = Int32(best)
                    residual += Double(distances[best])
                }
                let variance = self.variance ?? Float(residual / Double(max(1, voxelCount * d)))
                guard let logPrior, variance > 0 else { return }
                let weight = 1 / (2 * variance)
                for n in 0..<voxelCount {
                    distancesOf(n)
                    var best = 0, bestScore = Float.infinity
                    for t in 0..<v {
                        let score = distances[t] * weight - logPrior[t]
                        if score < bestScore { bestScore = score; best = t }
                    }
                    indices[n] = Int32(best)
                }
            }
        }
        return indices
    }
}
