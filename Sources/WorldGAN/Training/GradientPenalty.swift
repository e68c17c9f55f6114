import Tensor

/// The WGAN-GP penalty as World-GAN computes it, with a true second-order gradient.
///
/// `interp = α·real + (1-α)·fake` (one scalar α, a fresh leaf), `g = ∂ΣD(interp)/∂interp` recorded
/// (`createGraph`), `norm = √(Σ_c g²)` per voxel, `penalty = λ · mean((norm - 1)²)`. Differentiating
/// `penalty` with respect to D's parameters then runs the double backward.
public struct GradientPenalty {
    /// The penalty (scalar), differentiable with respect to the discriminator's parameters.
    public let penalty: Tensor
    /// The interpolated volume (a leaf that requires grad).
    public let interpolate: Tensor
    /// D's patch scores at the interpolate.
    public let scores: Tensor
    /// `∂ΣD/∂interp`, NCDHW like the input.
    public let gradient: Tensor
    /// The per-voxel channel norm `[N, 1, X, Y, Z]`.
    public let norm: Tensor

    public init(discriminator: Discriminator, real: Tensor, fake: Tensor, alpha: Float,
                lambda: Float = 0.1, training: Bool = true) {
        let mixed = GradMode.withoutRecording { real * alpha + fake * (1 - alpha) }
        interpolate = Tensor(shape: mixed.shape, data: mixed.data, requiresGrad: true)
        scores = discriminator(interpolate, training: training)
        gradient = Gradients.of(scores, wrt: [interpolate], createGraph: true)[0]
        norm = gradient.squared().sum(axes: [1]).squareRoot()
        penalty = (norm - 1).squared().mean() * lambda
    }
}
