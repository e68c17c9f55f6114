/// Scratch memory for `SkipGramModel.lossAndGradients`, reused across batches so the training
/// loop allocates nothing; after a call it holds that batch's gradients.
///
/// ```swift
/// var work = SkipGramWorkspace(for: model)
/// let loss = model.lossAndGradients(targets: t, contexts: c, workspace: &work)
/// work.gradients   // same layout as model.parameters
/// ```
public struct SkipGramWorkspace: Sendable {
    /// dLoss/dParameters of the last batch, laid out like `SkipGramModel.parameters`.
    public internal(set) var gradients: [Float]
    /// Row of each token in `contextCounts`, or −1 when it is no target of the batch.
    var rowOfToken: [Int32]
    /// The distinct targets of the batch, in order of first appearance.
    var rowTokens: [Int32]
    /// How many samples of the batch have each row's target.
    var rowSamples: [Float]
    /// Rows × V: summed context-token counts of each distinct target's samples.
    var contextCounts: [Float]
    /// V + D floats: one target's logits (then log-probabilities, then logit gradients),
    /// followed by its accumulated embedding gradient.
    var rowScratch: [Float]

    /// Scratch sized for `model`'s vocabulary and dimension.
    public init(for model: SkipGramModel) {
        let v = model.vocabularySize, d = model.dimension
        gradients = [Float](repeating: 0, count: model.parameters.count)
        rowOfToken = [Int32](repeating: -1, count: v)
        rowTokens = []
        rowTokens.reserveCapacity(v)
        rowSamples = [Float](repeating: 0, count: v)
        contextCounts = [Float](repeating: 0, count: v * v)
        rowScratch = [Float](repeating: 0, count: v + d)
    }
}
