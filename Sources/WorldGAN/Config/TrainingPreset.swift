/// The named starting points of ``TrainingConfig`` (`worldgan train --preset …`).
public enum TrainingPreset: String, Sendable, CaseIterable, Codable {
    /// The paper's settings (``TrainingConfig/paper``).
    case paper
    /// The sample world in under 10 minutes on 2 cores (``TrainingConfig/quick``).
    case quick
}
