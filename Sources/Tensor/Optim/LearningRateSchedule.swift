import Foundation

/// Step-wise learning-rate schedules as pure functions of the step index (from 0).
///
/// ```swift
/// let schedule = LearningRateSchedule.multiStep(base: 5e-4, milestones: [1600, 2500], factor: 0.1)
/// adam.learningRate = schedule.learningRate(at: iteration)
/// ```
public enum LearningRateSchedule: Sendable, Equatable {
    /// A constant rate.
    case constant(Float)
    /// `base · factor^k` where k is the number of milestones ≤ step (PyTorch `MultiStepLR`).
    case multiStep(base: Float, milestones: [Int], factor: Float)
    /// Cosine annealing from `base` to `minimum` over `period` steps (PyTorch `CosineAnnealingLR`,
    /// closed form); stays at `minimum` afterwards.
    case cosine(base: Float, minimum: Float, period: Int)

    /// The rate to use for step `step`.
    public func learningRate(at step: Int) -> Float {
        switch self {
        case .constant(let rate):
            return rate
        case .multiStep(let base, let milestones, let factor):
            let passed = milestones.filter { step >= $0 }.count
            return base * Float(pow(Double(factor), Double(passed)))
        case .cosine(let base, let minimum, let period):
            guard period > 0 else { return base }
            let t = Double(min(step, period)) / Double(period)
            return minimum + (base - minimum) * Float((1 + cos(Double.pi * t)) / 2)
        }
    }
}
