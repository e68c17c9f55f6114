/// The running-statistics update of BatchNorm in training mode (PyTorch, momentum convention):
/// `running = (1 - momentum)·running + momentum·batch`, with the **unbiased** batch variance
/// (`n / (n - 1)` times the biased one used to normalise).
public enum RunningStatistics {
    public static func update(mean: inout [Float], variance: inout [Float],
                              with batch: Tensor.BatchStatistics, momentum: Float) {
        precondition(mean.count == batch.mean.count && variance.count == batch.mean.count,
                     "RunningStatistics.update: \(mean.count)/\(variance.count) running values for \(batch.mean.count) channels")
        let correction = batch.count > 1 ? Float(batch.count) / Float(batch.count - 1) : 1
        for c in mean.indices {
            mean[c] = (1 - momentum) * mean[c] + momentum * batch.mean[c]
            variance[c] = (1 - momentum) * variance[c] + momentum * batch.biasedVariance[c] * correction
        }
    }
}
