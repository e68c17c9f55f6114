import Tensor
import TestSupport
import XCTest

/// Forward values and vector-Jacobian products against PyTorch (../shared/parity, README there).
final class ParityTests: XCTestCase {
    private func tensor(_ parity: ParityCase, _ name: String, requiresGrad: Bool = false) throws -> Tensor {
        let array = try parity.array(name)
        return Tensor(shape: array.shape, data: array.data, requiresGrad: requiresGrad)
    }

    /// Runs `f`, then checks `y` and each `grad_<input>` for the seed `grad_output`.
    private func checkForwardAndBackward(_ file: String, inputs names: [String],
                                         _ f: ([Tensor]) -> Tensor) throws -> ParityCase {
        let parity = try ParityCase.load(file)
        let inputs = try names.map { try tensor(parity, $0, requiresGrad: true) }
        let y = f(inputs)
        try parity.assertMatches("y", y.data, shape: y.shape)
        let seed = try tensor(parity, "grad_output")
        let gradients = Gradients.of(y, wrt: inputs, seed: seed)
        for (name, gradient) in zip(names, gradients) {
            try parity.assertMatches("grad_\(name)", gradient.data, shape: gradient.shape)
        }
        return parity
    }

    func testConv3dWithoutPaddingMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("01_conv3d_pad0.json", inputs: ["x", "weight", "bias"]) {
            $0[0].conv3d(weight: $0[1], bias: $0[2], padding: 0)
        }
    }

    func testConv3dWithPaddingOneMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("01_conv3d_pad1.json", inputs: ["x", "weight", "bias"]) {
            $0[0].conv3d(weight: $0[1], bias: $0[2], padding: 1)
        }
    }

    func testConv3dOnTheTwoAxisWinogradPathMatchesPyTorch() throws {
        try WinogradAxes.with(.two) {
            for (file, padding) in [("01_conv3d_pad0.json", 0), ("01_conv3d_pad1.json", 1)] {
                _ = try checkForwardAndBackward(file, inputs: ["x", "weight", "bias"]) {
                    $0[0].conv3d(weight: $0[1], bias: $0[2], padding: padding)
                }
            }
        }
    }

    func testBatchNormInTrainingModeMatchesPyTorchIncludingRunningStatistics() throws {
        var statistics: Tensor.BatchStatistics?
        let parity = try checkForwardAndBackward("02_batchnorm3d_train.json", inputs: ["x", "weight", "bias"]) {
            let (y, stats) = $0[0].batchNormalized(weight: $0[1], bias: $0[2])
            statistics = stats
            return y
        }
        let stats = try XCTUnwrap(statistics)
        try parity.assertMatches("batch_mean", stats.mean, shape: [stats.mean.count])
        try parity.assertMatches("batch_var_biased", stats.biasedVariance, shape: [stats.mean.count])
        var runningMean = try parity.array("running_mean").data
        var runningVariance = try parity.array("running_var").data
        RunningStatistics.update(mean: &runningMean, variance: &runningVariance, with: stats, momentum: 0.1)
        try parity.assertMatches("running_mean_new", runningMean, shape: [runningMean.count])
        try parity.assertMatches("running_var_new", runningVariance, shape: [runningMean.count])
    }

    func testLeakyReLUMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("03_leaky_relu.json", inputs: ["x"]) { $0[0].leakyReLU(slope: 0.2) }
    }

    func testReplicatePaddingMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("03_replicate_pad.json", inputs: ["x"]) { $0[0].replicatePadded(3) }
    }

    func testTrilinearResizeWithAlignedCornersMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("03_trilinear_align_corners.json", inputs: ["x"]) {
            $0[0].resized(to: [8, 7, 9])
        }
    }

    func testOriginalGridSampleResizeWithZeroPaddingMatchesPyTorch() throws {
        _ = try checkForwardAndBackward("03_trilinear_gridsample_ac_false.json", inputs: ["x"]) {
            $0[0].gridSampledWithZeroPadding(to: [8, 7, 9])
        }
    }

    func testSkipGramLossAndGradientsMatchPyTorch() throws {
        let parity = try ParityCase.load("06_skipgram.json")
        let embedding = try tensor(parity, "emb.weight", requiresGrad: true)
        let outWeight = try tensor(parity, "out.weight", requiresGrad: true)
        let outBias = try tensor(parity, "out.bias", requiresGrad: true)
        let targets = try parity.array("target").data.map { Int($0) }
        let context = try parity.array("context")
        let width = context.shape[1]
        let contexts = (0..<context.shape[0]).map { b in context.data[(b * width)..<((b + 1) * width)].map { Int($0) } }
        let logits = embedding.gatheringRows(targets).linear(weight: outWeight, bias: outBias)
        let logProbabilities = logits.logSoftmax()
        let loss = logProbabilities.negativeLogLikelihood(targets: contexts)
        try parity.assertMatches("logits", logits.data, shape: logits.shape)
        try parity.assertMatches("log_probs", logProbabilities.data, shape: logProbabilities.shape)
        try parity.assertMatches("loss", loss.data, shape: [])
        let gradients = Gradients.of(loss, wrt: [embedding, outWeight, outBias])
        try parity.assertMatches("grad_emb_weight", gradients[0].data, shape: gradients[0].shape)
        try parity.assertMatches("grad_out_weight", gradients[1].data, shape: gradients[1].shape)
        try parity.assertMatches("grad_out_bias", gradients[2].data, shape: gradients[2].shape)
    }

    func testAdamAndAdamWStepsMatchPyTorchForThreeSteps() throws {
        let parity = try ParityCase.load("07_adam.json")
        let gradients = try ["g1", "g2", "g3"].map { try tensor(parity, $0) }
        let config = parity.config
        let variants: [(String, (Tensor) -> Adam)] = [
            ("adam", { Adam(parameters: [$0], learningRate: Float(config["adam_lr"] ?? 0),
                            betas: (Float(config["adam_beta1"] ?? 0), Float(config["adam_beta2"] ?? 0)),
                            epsilon: Float(config["adam_eps"] ?? 0)) }),
            ("adamw", { Adam.adamW(parameters: [$0], learningRate: Float(config["adamw_lr"] ?? 0),
                                   betas: (Float(config["adamw_beta1"] ?? 0), Float(config["adamw_beta2"] ?? 0)),
                                   epsilon: Float(config["adamw_eps"] ?? 0),
                                   weightDecay: Float(config["adamw_weight_decay"] ?? 0)) }),
        ]
        for (prefix, make) in variants {
            let parameter = try tensor(parity, "p0")
            var optimizer = make(parameter)
            for (step, gradient) in gradients.enumerated() {
                optimizer.step([gradient])
                let s = step + 1
                try parity.assertMatches("\(prefix).p\(s)", parameter.data, shape: parameter.shape)
                try parity.assertMatches("\(prefix).exp_avg\(s)", optimizer.firstMoments[0], shape: parameter.shape)
                try parity.assertMatches("\(prefix).exp_avg_sq\(s)", optimizer.secondMoments[0], shape: parameter.shape)
            }
        }
    }
}

/// The AVX2 fallback kernels must agree with PyTorch too (they are what AVX2-only CPUs run).
final class AVX2KernelTests: XCTestCase {
    func testConv3dOnTheAVX2PathMatchesPyTorch() throws {
        for (file, padding) in [("01_conv3d_pad0.json", 0), ("01_conv3d_pad1.json", 1)] {
            let parity = try ParityCase.load(file)
            let arrays = try ["x", "weight", "bias", "grad_output"].map { try parity.array($0) }
            let inputs = arrays.prefix(3).map { Tensor(shape: $0.shape, data: $0.data, requiresGrad: true) }
            try KernelInstructionSet.withAVX2Only {
                XCTAssertEqual(KernelInstructionSet.current, .avx2)
                let y = inputs[0].conv3d(weight: inputs[1], bias: inputs[2], padding: padding)
                try parity.assertMatches("y", y.data, shape: y.shape)
                let seed = Tensor(shape: arrays[3].shape, data: arrays[3].data)
                let gradients = Gradients.of(y, wrt: inputs, seed: seed)
                for (name, gradient) in zip(["grad_x", "grad_weight", "grad_bias"], gradients) {
                    try parity.assertMatches(name, gradient.data, shape: gradient.shape)
                }
            }
        }
    }

    func testAVX2AndDefaultKernelsAgreeOnALargerConvolution() {
        let x = randomTensor([1, 16, 9, 7, 11], seed: 30)
        let w = randomTensor([12, 16, 3, 3, 3], seed: 31, scale: 0.1)
        let g = randomTensor([1, 12, 9, 7, 11], seed: 32, requiresGrad: false)
        let reference = Gradients.of(x.conv3d(weight: w, padding: 1), wrt: [x, w], seed: g)
        let restricted = KernelInstructionSet.withAVX2Only {
            Gradients.of(x.conv3d(weight: w, padding: 1), wrt: [x, w], seed: g)
        }
        for (a, b) in zip(reference, restricted) {
            let largest = a.data.map(abs).max() ?? 1
            let worst = zip(a.data, b.data).map { abs($0 - $1) }.max() ?? 0
            XCTAssertLessThanOrEqual(worst, 1e-5 * largest)
        }
    }
}
