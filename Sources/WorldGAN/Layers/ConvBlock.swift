import Tensor

/// World-GAN's block: Conv3d (k 3, padding 0) → BatchNorm3d → LeakyReLU(0.2).
/// Each block shrinks every spatial axis by 2.
public struct ConvBlock {
    public let conv: Conv3d
    public let norm: BatchNorm3d

    public init(inputChannels: Int, outputChannels: Int, using generator: inout SeededGenerator) {
        conv = Conv3d(inputChannels: inputChannels, outputChannels: outputChannels, using: &generator)
        norm = BatchNorm3d(channels: outputChannels, using: &generator)
    }

    public func callAsFunction(_ x: Tensor, training: Bool) -> Tensor {
        norm(conv(x), training: training).leakyReLU(slope: 0.2)
    }

    /// `<prefix>.conv.weight`, `<prefix>.conv.bias`, `<prefix>.bn.weight`, `<prefix>.bn.bias`.
    public func namedParameters(_ prefix: String) -> [(String, Tensor)] {
        conv.namedParameters("\(prefix).conv") + norm.namedParameters("\(prefix).bn")
    }
}
