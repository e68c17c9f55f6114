/// Adam and AdamW with PyTorch semantics (`torch.optim.Adam` / `AdamW`, no amsgrad).
///
/// Per step s (from 1): `[AdamW: p *= 1 - lr·wd]`, `m = β1·m + (1-β1)·g`, `v = β2·v + (1-β2)·g²`,
/// `p -= (lr / (1-β1^s)) · m / (√v / √(1-β2^s) + ε)`. With plain Adam a nonzero weight decay is
/// added to the gradient (`g += wd·p`), as PyTorch does.
///
/// ```swift
/// var adam = Adam(parameters: generator.parameters.map(\.tensor), learningRate: 5e-4, betas: (0.5, 0.999))
/// adam.step(gradients)
/// ```
public struct Adam {
    /// Decoupled (AdamW) or L2-style (Adam) weight decay.
    public enum Decay: Sendable { case coupled, decoupled }

    public let parameters: [Tensor]
    public var learningRate: Float
    public var betas: (Float, Float)
    public var epsilon: Float
    public var weightDecay: Float
    public var decay: Decay
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// First and second moment estimates, one per parameter (PyTorch `exp_avg`, `exp_avg_sq`).
    public private(set) var firstMoments: [[Float]]
    public private(set) var secondMoments: [[Float]]

    public init(parameters: [Tensor], learningRate: Float, betas: (Float, Float) = (0.9, 0.999),
                epsilon: Float = 1e-8, weightDecay: Float = 0, decay: Decay = .coupled) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.betas = betas
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decay = decay
        firstMoments = parameters.map { [Float](repeating: 0, count: $0.count) }
        secondMoments = firstMoments
    }

    /// AdamW as PyTorch's default (weight decay 0.01, decoupled).
    public static func adamW(parameters: [Tensor], learningRate: Float, betas: (Float, Float) = (0.9, 0.999),
                             epsilon: Float = 1e-8, weightDecay: Float = 0.01) -> Adam {
        Adam(parameters: parameters, learningRate: learningRate, betas: betas, epsilon: epsilon,
             weightDecay: weightDecay, decay: .decoupled)
    }

    /// Updates every parameter in place from `gradients` (same order and shapes as `parameters`).
    public mutating func step(_ gradients: [Tensor]) {
        precondition(gradients.count == parameters.count, "Adam.step: \(gradients.count) gradients for \(parameters.count) parameters")
        stepCount += 1
        let (beta1, beta2) = betas
        let correction1 = 1 - Double(beta1).power(stepCount)
        let correction2Root = (1 - Double(beta2).power(stepCount)).squareRoot()
        let stepSize = Float(Double(learningRate) / correction1)
        let (lr, wd, eps) = (learningRate, weightDecay, epsilon)
        for (index, parameter) in parameters.enumerated() {
            let gradient = gradients[index]
            precondition(gradient.shape == parameter.shape, "Adam.step: gradient \(gradient.shape) for parameter \(parameter.shape)")
            let decoupled = decay == .decoupled
            let root2 = Float(correction2Root)
            gradient.data.withUnsafeBufferPointer { g in
                firstMoments[index].withUnsafeMutableBufferPointer { m in
                    secondMoments[index].withUnsafeMutableBufferPointer { v in
                        parameter.data.withUnsafeMutableBufferPointer { p in
                            for i in 0..<p.count {
                                var gi = g[i]
                                if wd != 0 {
                                    if decoupled { p[i] *= 1 - lr * wd } else { gi += wd * p[i] }
                                }
                                m[i] = m[i] * beta1 + (1 - beta1) * gi
                                v[i] = v[i] * beta2 + (1 - beta2) * gi * gi
                                p[i] -= stepSize * (m[i] / (v[i].squareRoot() / root2 + eps))
                            }
                        }
                    }
                }
            }
        }
    }
}

private extension Double {
    func power(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= self }
        return result
    }
}

extension Adam {
    /// Restores an optimiser from a checkpoint: the moments and step count another `Adam` had
    /// (read from its `firstMoments`, `secondMoments`, `stepCount`). Needed so a resumed training
    /// run continues bit for bit.
    /// - Precondition: one moment array per parameter, each with the parameter's element count.
    public init(parameters: [Tensor], learningRate: Float, betas: (Float, Float), stepCount: Int,
                firstMoments: [[Float]], secondMoments: [[Float]]) {
        precondition(firstMoments.count == parameters.count && secondMoments.count == parameters.count
                     && zip(parameters, zip(firstMoments, secondMoments)).allSatisfy { $0.count == $1.0.count && $0.count == $1.1.count },
                     "Adam(restoring:): moments do not match the \(parameters.count) parameters' shapes")
        self.init(parameters: parameters, learningRate: learningRate, betas: betas)
        self.stepCount = stepCount
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}
