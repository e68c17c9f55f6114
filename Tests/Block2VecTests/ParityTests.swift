import Block2Vec
import XCTest

/// Block2vec against PyTorch reference values (../shared/parity/06_skipgram.json, 07_adam.json).
final class ParityTests: XCTestCase {
    func testSkipGramForwardBackwardMatchesPyTorch() throws {
        let fx = try ParityFixture.load("06_skipgram.json")
        let model = SkipGramModel(embedding: try fx.floats("emb.weight"), outputWeight: try fx.floats("out.weight"),
                                  outputBias: try fx.floats("out.bias"))
        XCTAssertEqual(model.vocabularySize, 6)
        XCTAssertEqual(model.dimension, 4)
        let targets = try fx.ints("target"), contexts = try fx.ints("context")
        XCTAssertEqual(contexts.count, targets.count * SkipGramDataset.contextCount)

        try fx.assertMatches(targets.flatMap { model.logits(forTarget: Int($0)) }, "logits")
        try fx.assertMatches(targets.flatMap { model.logProbabilities(forTarget: Int($0)) }, "log_probs")

        var work = SkipGramWorkspace(for: model)
        let loss = targets.withUnsafeBufferPointer { t in
            contexts.withUnsafeBufferPointer { c in model.lossAndGradients(targets: t, contexts: c, workspace: &work) }
        }
        try fx.assertMatches([loss], "loss")
        try fx.assertMatches(Array(work.gradients[model.embeddingRange]), "grad_emb_weight")
        try fx.assertMatches(Array(work.gradients[model.outputWeightRange]), "grad_out_weight")
        try fx.assertMatches(Array(work.gradients[model.outputBiasRange]), "grad_out_bias")
    }

    func testGradientsOfASecondBatchDoNotCarryOverFromTheFirst() throws {
        let fx = try ParityFixture.load("06_skipgram.json")
        let model = SkipGramModel(embedding: try fx.floats("emb.weight"), outputWeight: try fx.floats("out.weight"),
                                  outputBias: try fx.floats("out.bias"))
        let targets = try fx.ints("target"), contexts = try fx.ints("context")
        var work = SkipGramWorkspace(for: model)
        for _ in 0..<2 {
            _ = targets.withUnsafeBufferPointer { t in
                contexts.withUnsafeBufferPointer { c in model.lossAndGradients(targets: t, contexts: c, workspace: &work) }
            }
        }
        try fx.assertMatches(Array(work.gradients[model.outputWeightRange]), "grad_out_weight")
        try fx.assertMatches(Array(work.gradients[model.embeddingRange]), "grad_emb_weight")
    }

    func testDiscardProbabilityMatchesWord2VecFormula() throws {
        let fx = try ParityFixture.load("06_skipgram.json")
        let counts = try fx.floats("counts").map(Double.init)
        let total = counts.reduce(0, +)
        let discard = counts.map {
            Float(SkipGramDataset.discardProbability(frequency: $0 / total, threshold: 1e-3))
        }
        try fx.assertMatches(discard, "discard")
    }

    func testAdamWStepsMatchPyTorch() throws {
        let fx = try ParityFixture.load("07_adam.json")
        try checkOptimizer(fx, prefix: "adamw", AdamW(parameterCount: 8, beta1: 0.9, beta2: 0.999,
                                                      epsilon: 1e-8, weightDecay: 0.01), learningRate: 1e-3)
    }

    func testAdamWithoutWeightDecayMatchesPyTorchAdam() throws {
        let fx = try ParityFixture.load("07_adam.json")
        try checkOptimizer(fx, prefix: "adam", AdamW(parameterCount: 8, beta1: 0.5, beta2: 0.999,
                                                     epsilon: 1e-8, weightDecay: 0), learningRate: 5e-4)
    }

    private func checkOptimizer(_ fx: ParityFixture, prefix: String, _ optimizer: AdamW,
                                learningRate: Float) throws {
        var opt = optimizer
        var p = try fx.floats("p0")
        for s in 1...3 {
            opt.step(parameters: &p, gradients: try fx.floats("g\(s)"), learningRate: learningRate)
            try fx.assertMatches(p, "\(prefix).p\(s)")
            try fx.assertMatches(opt.firstMoment, "\(prefix).exp_avg\(s)")
            try fx.assertMatches(opt.secondMoment, "\(prefix).exp_avg_sq\(s)")
        }
        XCTAssertEqual(opt.stepCount, 3)
    }
}
