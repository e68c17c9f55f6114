import Tensor

/// World-GAN's discriminator (critic) at one scale: a patch map of scores.
///
/// Input NCDHW `[1, C, X, Y, Z]` (unpadded) → `[1, 1, X-6, Y-6, Z-6]`.
public struct Discriminator {
    public let net: ConvNet

    public init(channels: Int, features: Int = 64, using generator: inout SeededGenerator) {
        net = ConvNet(name: "D", channels: channels, features: features, outputs: 1, using: &generator)
    }

    public func callAsFunction(_ x: Tensor, training: Bool) -> Tensor {
        net(x, training: training)
    }

    public var namedParameters: [(String, Tensor)] { net.namedParameters }
    public var parameters: [Tensor] { net.parameters }
}
