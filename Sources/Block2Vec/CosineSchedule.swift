import Foundation

/// Cosine annealing of the learning rate, stepped once per batch (PyTorch `CosineAnnealingLR`
/// with `T_max` = all batches of the run and `eta_min` = 0, in its closed form).
///
/// World-GAN meant per-step annealing but Lightning stepped it per epoch; worldgan steps per batch.
///
/// ```swift
/// let schedule = CosineSchedule(baseRate: 1e-3, totalSteps: 95 * 30)
/// schedule.learningRate(at: 0)      // 1e-3
/// schedule.learningRate(at: 1425)   // 5e-4
/// ```
public struct CosineSchedule: Sendable, Equatable {
    public var baseRate: Double
    public var totalSteps: Int
    public var minimumRate: Double

    public init(baseRate: Double, totalSteps: Int, minimumRate: Double = 0) {
        self.baseRate = baseRate
        self.totalSteps = totalSteps
        self.minimumRate = minimumRate
    }

    /// The rate for the optimiser step with 0-based index `step`:
    /// `η_min + (η − η_min)·(1 + cos(π·step/T))/2`; `baseRate` when `totalSteps` is 0.
    public func learningRate(at step: Int) -> Double {
        guard totalSteps > 0 else { return baseRate }
        let progress = Double(min(step, totalSteps)) / Double(totalSteps)
        return minimumRate + (baseRate - minimumRate) * (1 + cos(Double.pi * progress)) / 2
    }
}
