import Tensor

/// A 3-D convolution layer: stride 1, cubic kernel, zero padding, with bias.
///
/// Input NCDHW `[N, inputChannels, D, H, W]` → `[N, outputChannels, D+2p-k+1, H+2p-k+1, W+2p-k+1]`.
/// Weight `[out, in, k, k, k]` (PyTorch order), bias `[out]`.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let conv = Conv3d(inputChannels: 32, outputChannels: 64, kernelSize: 3, using: &rng)
/// let y = conv(x)
/// ```
public struct Conv3d {
    public let weight: Tensor
    public let bias: Tensor
    public let padding: Int

    /// World-GAN's init: weight N(0, 0.02); bias PyTorch's default U(±1/√fan_in), fan_in = in·k³.
    public init(inputChannels: Int, outputChannels: Int, kernelSize: Int = 3, padding: Int = 0,
                using generator: inout SeededGenerator) {
        weight = Tensor.randomNormal([outputChannels, inputChannels, kernelSize, kernelSize, kernelSize],
                                     standardDeviation: 0.02, using: &generator)
        let bound = 1 / Float(inputChannels * kernelSize * kernelSize * kernelSize).squareRoot()
        bias = Tensor.randomUniform([outputChannels], lower: -bound, upper: bound, using: &generator)
        weight.requiresGrad = true
        bias.requiresGrad = true
        self.padding = padding
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.conv3d(weight: weight, bias: bias, padding: padding)
    }

    /// `weight` and `bias` under `prefix` (e.g. `G.tail.weight`).
    public func namedParameters(_ prefix: String) -> [(String, Tensor)] {
        [("\(prefix).weight", weight), ("\(prefix).bias", bias)]
    }
}
