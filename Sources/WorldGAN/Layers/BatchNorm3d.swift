import Tensor

/// BatchNorm3d over NCDHW volumes (eps 1e-5, momentum 0.1, PyTorch semantics).
///
/// In training mode it normalises with the batch statistics (differentiably, through them) and
/// updates the running statistics; in evaluation mode (frozen scales) it uses the running ones.
public final class BatchNorm3d {
    public let weight: Tensor
    public let bias: Tensor
    /// Running per-channel mean and (unbiased) variance, initially 0 and 1.
    public var runningMean: [Float]
    public var runningVariance: [Float]
    public let momentum: Float
    public let epsilon: Float
    /// The batch statistics of the latest training-mode forward.
    public private(set) var lastBatchStatistics: Tensor.BatchStatistics?

    /// World-GAN's init: weight N(1, 0.02), bias 0.
    public init(channels: Int, momentum: Float = 0.1, epsilon: Float = 1e-5, using generator: inout SeededGenerator) {
        weight = Tensor.randomNormal([channels], mean: 1, standardDeviation: 0.02, using: &generator)
        bias = Tensor(zeros: [channels])
        weight.requiresGrad = true
        bias.requiresGrad = true
        runningMean = [Float](repeating: 0, count: channels)
        runningVariance = [Float](repeating: 1, count: channels)
        self.momentum = momentum
        self.epsilon = epsilon
    }

    /// Normalises `x`; `training` selects batch statistics (and updates the running ones).
    public func callAsFunction(_ x: Tensor, training: Bool) -> Tensor {
        guard training else {
            return x.batchNormalized(weight: weight, bias: bias, runningMean: runningMean,
                                     runningVariance: runningVariance, epsilon: epsilon)
        }
        let (y, statistics) = x.batchNormalized(weight: weight, bias: bias, epsilon: epsilon)
        RunningStatistics.update(mean: &runningMean, variance: &runningVariance, with: statistics, momentum: momentum)
        lastBatchStatistics = statistics
        return y
    }

    /// Applies the running-statistics update of the latest training-mode forward once more: what
    /// an identical forward (same input, same parameters) would do, without recomputing it.
    public func repeatLastUpdate() {
        guard let statistics = lastBatchStatistics else { return }
        RunningStatistics.update(mean: &runningMean, variance: &runningVariance, with: statistics, momentum: momentum)
    }

    /// Makes the latest training-mode forward's batch statistics the running ones (momentum 1):
    /// eval mode then normalises exactly as that forward did.
    public func adoptLastBatchStatistics() {
        guard let statistics = lastBatchStatistics else { return }
        RunningStatistics.update(mean: &runningMean, variance: &runningVariance, with: statistics, momentum: 1)
    }

    public func namedParameters(_ prefix: String) -> [(String, Tensor)] {
        [("\(prefix).weight", weight), ("\(prefix).bias", bias)]
    }
}
