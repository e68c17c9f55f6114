/// The losses and timing of one training iteration: one row of `training.csv`.
public struct IterationRecord: Sendable, Equatable {
    public var scale: Int
    /// The iteration within its scale, from 0.
    public var iteration: Int
    /// The last critic step's `-mean D(real)` and `mean D(fake)`.
    public var criticReal: Float
    public var criticFake: Float
    /// The last critic step's gradient penalty (λ included).
    public var penalty: Float
    /// The last generator step's `-mean D(G)` and `α · MSE` reconstruction loss.
    public var adversarial: Float
    public var reconstruction: Float
    public var learningRate: Float
    /// Wall time of the iteration.
    public var milliseconds: Double
    /// On a scale's last iteration (when the trainer has a ``ReconstructionCheck``): the token
    /// accuracy of the scale's reconstruction, over all voxels and over non-air voxels' block
    /// names; NaN elsewhere.
    public var reconstructionAccuracy: Float = .nan
    public var reconstructionNonAirAccuracy: Float = .nan

    public init(scale: Int, iteration: Int, criticReal: Float, criticFake: Float, penalty: Float, adversarial: Float,
                reconstruction: Float, learningRate: Float, milliseconds: Double) {
        self.scale = scale
        self.iteration = iteration
        self.criticReal = criticReal
        self.criticFake = criticFake
        self.penalty = penalty
        self.adversarial = adversarial
        self.reconstruction = reconstruction
        self.learningRate = learningRate
        self.milliseconds = milliseconds
    }

    /// The CSV header of ``csvLine``.
    public static let csvHeader = "scale,iteration,errD_real,errD_fake,gp,errG,rec,lr,ms,rec_accuracy,rec_accuracy_nonair"

    /// One CSV row (floats in shortest round-trip form).
    public var csvLine: String {
        "\(scale),\(iteration),\(criticReal),\(criticFake),\(penalty),\(adversarial),\(reconstruction),\(learningRate),\((milliseconds * 1000).rounded() / 1000),\(Self.optional(reconstructionAccuracy)),\(Self.optional(reconstructionNonAirAccuracy))"
    }

    static func optional(_ v: Float) -> String { v.isNaN ? "" : "\(v)" }

    /// The columns as floats, for checkpoints.
    var row: [Float] {
        [Float(scale), Float(iteration), criticReal, criticFake, penalty, adversarial, reconstruction, learningRate, Float(milliseconds),
         reconstructionAccuracy, reconstructionNonAirAccuracy]
    }

    static let rowWidth = 11
    /// Rows of checkpoints written before the accuracy columns.
    static let shortRowWidth = 9

    /// The inverse of ``row``; nil if `values` has the wrong width or non-integral positions.
    init?(row values: ArraySlice<Float>) {
        guard values.count == Self.rowWidth || values.count == Self.shortRowWidth else { return nil }
        let v = Array(values)
        guard v[0] >= 0, v[1] >= 0, v[0] < 1e6, v[1] < 1e7, v[0] == v[0].rounded(), v[1] == v[1].rounded() else { return nil }
        self.init(scale: Int(v[0]), iteration: Int(v[1]), criticReal: v[2], criticFake: v[3], penalty: v[4],
                  adversarial: v[5], reconstruction: v[6], learningRate: v[7], milliseconds: Double(v[8]))
        if v.count == Self.rowWidth { (reconstructionAccuracy, reconstructionNonAirAccuracy) = (v[9], v[10]) }
    }
}
