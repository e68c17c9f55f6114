import Tensor

/// World-GAN's generator at one scale: `G(x, y) = tail(body(head(x))) + centreCrop(y)`.
///
/// `x` (noise plus the previous scale's image) and `y` (that image) are NCDHW `[1, C, X+6, Y+6, Z+6]`,
/// replicate-padded by 3; the output is `[1, C, X, Y, Z]`.
///
/// ```swift
/// var rng = SeededGenerator(seed: 0)
/// let g = Generator(channels: 32, features: 64, using: &rng)
/// let fake = g(noise.replicatePadded(3), prev.replicatePadded(3), training: true)
/// ```
public struct Generator {
    public let net: ConvNet

    public init(channels: Int, features: Int = 64, using generator: inout SeededGenerator) {
        net = ConvNet(name: "G", channels: channels, features: features, outputs: channels, using: &generator)
    }

    public func callAsFunction(_ x: Tensor, _ y: Tensor, training: Bool) -> Tensor {
        let out = net(x, training: training)
        let offset = (2...4).map { (y.shape[$0] - out.shape[$0]) / 2 }
        return out + y.cropped(offset: offset, size: Array(out.shape[2...]))
    }

    public var namedParameters: [(String, Tensor)] { net.namedParameters }
    public var parameters: [Tensor] { net.parameters }
}
