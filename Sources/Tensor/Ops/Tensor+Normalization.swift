/// Batch normalisation over NCDHW volumes.
///
/// Training mode is one primitive with fused forward and first-order backward loops; when the
/// backward itself is recorded (`createGraph`), its rule is written in tensor ops through the
/// batch statistics, so second derivatives are exact.
extension Tensor {
    /// Batch statistics of one BatchNorm3d training-mode forward.
    public struct BatchStatistics: Sendable {
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
        _ = channelCount("batchNormalized", weight: weight, bias: bias)
        let layout = BatchNormKernel.Layout(shape)
        let (mean, variance) = data.withUnsafeBufferPointer { BatchNormKernel.statistics($0, layout) }
        let inverse = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let y = data.withUnsafeBufferPointer { x in
            Tensor.uninitialized(shape) { out in
                BatchNormKernel.normalize(x, layout, mean: mean, inverse: inverse, weight: weight.data,
                                          bias: bias.data, into: out)
            }
        }
        y.recorded(.batchNorm(epsilon: epsilon, mean: mean, inverseDeviation: inverse), [self, weight, bias])
        return (y, BatchStatistics(mean: mean, biasedVariance: variance, count: layout.perChannel))
    }

    /// The gradient rule of the training-mode primitive (inputs x, weight, bias).
    static func batchNormGradients(_ x: Tensor, _ weight: Tensor, gradient g: Tensor, epsilon: Float,
                                   mean: [Float], inverse: [Float], needed: [Bool]) -> [Tensor?] {
        let channels = x.shape[1]
        guard GradMode.isRecording else {
            // Plain values: one fused pass per channel with the statistics saved by the forward.
            var dw = [Float](repeating: 0, count: channels), db = dw
            let layout = BatchNormKernel.Layout(x.shape)
            let dx: Tensor? = needed[0] ? Tensor(zeros: x.shape) : nil
            g.data.withUnsafeBufferPointer { gp in
                x.data.withUnsafeBufferPointer { xp in
                    if let dx {
                        dx.data.withUnsafeMutableBufferPointer { out in
                            BatchNormKernel.backward(gp, xp, layout, mean: mean, inverse: inverse, weight: weight.data,
                                                     dx: out, dw: &dw, db: &db)
                        }
                    } else {
                        BatchNormKernel.backward(gp, xp, layout, mean: mean, inverse: inverse, weight: weight.data,
                                                 dx: nil, dw: &dw, db: &db)
                    }
                }
            }
            return [dx, needed[1] ? Tensor(shape: [channels], data: dw) : nil,
                    needed[2] ? Tensor(shape: [channels], data: db) : nil]
        }
        // Recorded: the same formula in tensor ops, with the statistics recomputed from x so that
        // differentiating it again also goes through the batch mean and variance.
        let axes = [0, 2, 3, 4]
        let count = Float(x.count / max(channels, 1))
        let centred = x - x.mean(axes: axes)
        let variance = centred.squared().mean(axes: axes)
        let inverseDeviation = Tensor(repeating: 1, shape: variance.shape) / variance.shifted(by: epsilon).squareRoot()
        let normalized = centred * inverseDeviation
        let sumG = g.sum(axes: axes)
        let sumGX = (g * normalized).sum(axes: axes)
        let dx = needed[0]
            ? (weight.reshaped([1, channels, 1, 1, 1]) * inverseDeviation).scaled(by: 1 / count)
                * (g.scaled(by: count) - sumG - normalized * sumGX)
            : nil
        return [dx, needed[1] ? sumGX.reshaped([channels]) : nil, needed[2] ? sumG.reshaped([channels]) : nil]
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
