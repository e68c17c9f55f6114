import Foundation

/// Adam with decoupled weight decay, with PyTorch's `torch.optim.AdamW` semantics (the block2vec
/// optimiser; defaults are PyTorch's, as World-GAN used them).
///
/// One step s (from 1), per element:
/// `p *= 1 − lr·wd; m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;`
/// `p −= (lr / (1 − β1^s)) · m / (√v / √(1 − β2^s) + ε)` — ε is added after the bias correction,
/// as PyTorch does (parity fixture 07 checks exactly this).
///
/// ```swift
/// var opt = AdamW(parameterCount: model.parameters.count)
/// opt.step(parameters: &model.parameters, gradients: work.gradients, learningRate: 1e-3)
/// ```
public struct AdamW: Sendable {
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    /// First moments (PyTorch `exp_avg`), one per parameter.
    public private(set) var firstMoment: [Float]
    /// Second moments (PyTorch `exp_avg_sq`), one per parameter.
    public private(set) var secondMoment: [Float]
    /// Steps taken so far.
    public private(set) var stepCount: Int = 0

    /// An optimiser for `parameterCount` parameters; defaults are PyTorch's AdamW defaults.
    public init(parameterCount: Int, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoment = [Float](repeating: 0, count: parameterCount)
        secondMoment = [Float](repeating: 0, count: parameterCount)
    }

    /// One update of `parameters` with `gradients` at `learningRate`.
    /// - Precondition: both arrays have `parameterCount` elements.
    /// - Complexity: O(parameterCount).
    public mutating func step(parameters: inout [Float], gradients: [Float], learningRate lr: Float) {
        precondition(parameters.count == firstMoment.count && gradients.count == firstMoment.count,
                     "AdamW.step: \(parameters.count) parameters and \(gradients.count) gradients "
                     + "for an optimiser of \(firstMoment.count)")
        stepCount += 1
        // Bias corrections in Double, as PyTorch computes them with Python floats.
        let s = Double(stepCount)
        let stepSize = Float(Double(lr) / (1 - Foundation.pow(Double(beta1), s)))
        let correction2Root = Float((1 - Foundation.pow(Double(beta2), s)).squareRoot())
        let decay = 1 - lr * weightDecay
        let (b1, b2, eps) = (beta1, beta2, epsilon)
        parameters.withUnsafeMutableBufferPointer { p in
            gradients.withUnsafeBufferPointer { g in
                firstMoment.withUnsafeMutableBufferPointer { m in
                    secondMoment.withUnsafeMutableBufferPointer { v in
                        for i in 0..<p.count {
                            let gi = g[i]
                            let mi = b1 * m[i] + (1 - b1) * gi
                            let vi = b2 * v[i] + (1 - b2) * gi * gi
                            m[i] = mi
                            v[i] = vi
                            let denominator = vi.squareRoot() / correction2Root + eps
                            p[i] = p[i] * decay - stepSize * mi / denominator
                        }
                    }
                }
            }
        }
    }
}
