/// Batch normalisation over NCDHW volumes, composed from primitives so that its first and second
/// derivatives (through the batch statistics) come from the gradient table.
extension Tensor {
    /// Batch statistics of one BatchNorm3d training-mode forward.
    public struct BatchStatistics {
        /// Per-channel mean over (N, D, H, W), shape `[C]`.
        public var mean: [Float]
        /// Per-channel biased variance (the one used to normalise), shape `[C]`.
        public var biasedVariance: [Float]
        /// Elements per channel.
        public var count: Int
    }

    /// BatchNorm3d in training mode: normalise each channel by its batch mean and biased variance,
    /// then scale by `weight` and shift by `bias` (both `[C]`).
    ///
    /// Returns the output and the batch statistics (for the running-stat update).
    public func batchNormalized(weight: Tensor, bias: Tensor, epsilon: Float = 1e-5) -> (Tensor, BatchStatistics) {
        let channels = channelCount("batchNormalized", weight: weight, bias: bias)
        let axes = [0, 2, 3, 4]
        let mean = self.mean(axes: axes)
        let centred = self - mean
        let variance = centred.squared().mean(axes: axes)
        let inverseDeviation = Tensor(repeating: 1, shape: variance.shape) / variance.shifted(by: epsilon).squareRoot()
        let scale = inverseDeviation * weight.reshaped([1, channels, 1, 1, 1])
        let y = centred * scale + bias.reshaped([1, channels, 1, 1, 1])
        let statistics = BatchStatistics(mean: mean.data, biasedVariance: variance.data,
                                         count: count / max(channels, 1))
        return (y, statistics)
    }

    /// BatchNorm3d in evaluation mode: normalise with the given running statistics.
    public func batchNormalized(weight: Tensor, bias: Tensor, runningMean: [Float], runningVariance: [Float],
                                epsilon: Float = 1e-5) -> Tensor {
        let channels = channelCount("batchNormalized(eval)", weight: weight, bias: bias)
        precondition(runningMean.count == channels && runningVariance.count == channels,
                     "batchNormalized(eval): running stats of \(runningMean.count) for \(channels) channels")
        let inverse = runningVariance.map { 1 / ($0 + epsilon).squareRoot() }
        let shape = [1, channels, 1, 1, 1]
        let scale = weight.reshaped(shape) * Tensor(shape: shape, data: inverse)
        let shift = bias.reshaped(shape) - Tensor(shape: shape, data: runningMean) * scale
        return self * scale + shift
    }

    private func channelCount(_ op: String, weight: Tensor, bias: Tensor) -> Int {
        precondition(rank == 5, "\(op): expects NCDHW, got \(shape)")
        precondition(weight.shape == [shape[1]] && bias.shape == [shape[1]],
                     "\(op): input \(shape) with weight \(weight.shape) and bias \(bias.shape)")
        return shape[1]
    }
}
