/// Losses composed from primitives.
extension Tensor {
    /// Mean squared error `mean((self - target)²)` as a scalar.
    public func meanSquaredError(_ target: Tensor) -> Tensor {
        (self - target).squared().mean()
    }

    /// Log-softmax along the last axis of a `[B, V]` matrix: `x - max - log Σ exp(x - max)`.
    /// The row maximum is a constant shift (it cancels in value and in every derivative).
    public func logSoftmax() -> Tensor {
        precondition(rank == 2, "logSoftmax: needs [B, V], got \(shape)")
        let (rows, width) = (shape[0], shape[1])
        var maxima = [Float](repeating: 0, count: rows)
        for r in 0..<rows { maxima[r] = data[(r * width)..<((r + 1) * width)].max() ?? 0 }
        let shiftedLogits = self - Tensor(shape: [rows, 1], data: maxima)
        return shiftedLogits - shiftedLogits.exp().sum(axes: [1]).log()
    }

    /// Negative log-likelihood: `-mean over (b, k) of self[b, targets[b][k]]` for log-probabilities
    /// `self [B, V]` and `targets` (B rows of class indices, all rows the same length).
    public func negativeLogLikelihood(targets: [[Int]]) -> Tensor {
        precondition(rank == 2 && targets.count == shape[0], "negativeLogLikelihood: \(targets.count) rows for \(shape)")
        let width = shape[1]
        var weights = [Float](repeating: 0, count: count)
        var total = 0
        for (b, row) in targets.enumerated() {
            for index in row {
                precondition(index >= 0 && index < width, "negativeLogLikelihood: class \(index) outside 0..<\(width)")
                weights[b * width + index] += 1
                total += 1
            }
        }
        return (self * Tensor(shape: shape, data: weights)).sum().scaled(by: -1 / Float(max(total, 1)))
    }
}
