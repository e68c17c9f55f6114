import Tensor

/// The eval-mode forward used for sampling: no graph, and each layer's output is finished in place
/// (bias, BatchNorm's per-channel affine with the running statistics and LeakyReLU in one pass
/// over the convolution's output), so a layer holds only its input, its output and the kernel's
/// scratch. The arithmetic is the eval-mode `callAsFunction`'s, step for step: `((conv + bias) ·
/// scale) + shift`, then `x` or `0.2 x`.
///
/// `rowAxis` fixes the convolution kernel's stride-1 axis, so that windows of a volume starting at
/// multiples of 4 along it reproduce the whole volume's voxels bit for bit (see ``SampleGeometry``).
extension ConvNet {
    /// `tail(body(head(x)))` in eval mode; `x` is released once the head has read it.
    func inferred(_ x: consuming Tensor, rowAxis: Int, adding residual: Tensor? = nil) -> Tensor {
        var h = head.inferred(x, rowAxis: rowAxis)
        h = body.inferred(h, rowAxis: rowAxis)
        return tail.inferred(h, rowAxis: rowAxis, adding: residual)
    }
}

extension ConvBlock {
    /// Conv → BatchNorm (running statistics) → LeakyReLU(0.2), the last three in place.
    func inferred(_ x: consuming Tensor, rowAxis: Int) -> Tensor {
        let y = x.conv3d(weight: conv.weight, padding: conv.padding, rowAxis: rowAxis)
        _ = consume x
        let inverse = norm.runningVariance.map { 1 / ($0 + norm.epsilon).squareRoot() }
        let scale = zip(norm.weight.data, inverse).map { $0 * $1 }
        let shift = (0..<scale.count).map { norm.bias.data[$0] - norm.runningMean[$0] * scale[$0] }
        let bias = conv.bias.data
        y.updateChannels { c, v in
            let normalized = ((v + bias[c]) * scale[c]) + shift[c]
            return normalized > 0 ? normalized : normalized * 0.2
        }
        return y
    }
}

extension Conv3d {
    /// Conv + bias (+ `residual`, of the output's shape), in place.
    func inferred(_ x: consuming Tensor, rowAxis: Int, adding residual: Tensor?) -> Tensor {
        let y = x.conv3d(weight: weight, padding: padding, rowAxis: rowAxis)
        _ = consume x
        let bias = self.bias.data
        guard let residual else {
            y.updateChannels { c, v in v + bias[c] }
            return y
        }
        precondition(residual.shape == y.shape, "Conv3d.inferred: residual \(residual.shape) for output \(y.shape)")
        residual.data.withUnsafeBufferPointer { r in
            y.data.withUnsafeMutableBufferPointer { out in
                let plane = out.count / max(1, bias.count)
                for c in 0..<bias.count {
                    for i in (c * plane)..<((c + 1) * plane) { out[i] = (out[i] + bias[c]) + r[i] }
                }
            }
        }
        return y
    }
}

extension Generator {
    /// `G(x, y)` in eval mode for sampling: `x` the generator input `[1, C, X+6, Y+6, Z+6]`,
    /// `residual` the previous image over the output window `[1, C, X, Y, Z]`.
    func inferred(_ x: consuming Tensor, residual: Tensor, rowAxis: Int) -> Tensor {
        net.inferred(x, rowAxis: rowAxis, adding: residual)
    }
}

extension Tensor {
    /// Replaces every element of an `[1, C, …]` tensor by `transform(channel, element)`.
    func updateChannels(_ transform: (Int, Float) -> Float) {
        let channels = shape[1]
        data.withUnsafeMutableBufferPointer { out in
            let plane = out.count / max(1, channels)
            for c in 0..<channels {
                for i in (c * plane)..<((c + 1) * plane) { out[i] = transform(c, out[i]) }
            }
        }
    }
}
