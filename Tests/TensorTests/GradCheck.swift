import Tensor
import XCTest

/// Central finite differences against autodiff, in float32 on smooth functions.
///
/// For a scalar `f(inputs)`, each checked element's derivative is estimated as
/// `(f(x + h) - f(x - h)) / 2h` and compared with `Gradients.of(f, wrt: inputs)`:
/// `|fd - ad| ≤ tolerance · max(1, max |ad| of that input)`. With h = 1e-2 the float32 rounding
/// error of the quotient is about 1e-5·|f| and the truncation error O(h²), hence tolerance 1e-2.
/// Second-order checks pass a closure that itself differentiates with `createGraph: true`.
func assertGradientsMatchFiniteDifferences(
    _ inputs: [Tensor], step h: Float = 1e-2, tolerance: Float = 1e-2, samplesPerInput: Int = 24,
    file: StaticString = #filePath, line: UInt = #line, _ f: ([Tensor]) -> Tensor
) {
    let analytic = Gradients.of(f(inputs), wrt: inputs)
    for (which, input) in inputs.enumerated() {
        let scale = max(1, analytic[which].data.map(abs).max() ?? 0)
        let stride = max(1, input.count / samplesPerInput)
        for index in Swift.stride(from: 0, to: input.count, by: stride) {
            let original = input.data[index]
            input.data[index] = original + h
            let plus = f(inputs).scalar
            input.data[index] = original - h
            let minus = f(inputs).scalar
            input.data[index] = original
            let numeric = (plus - minus) / (2 * h)
            let exact = analytic[which].data[index]
            XCTAssertLessThanOrEqual(abs(numeric - exact), tolerance * scale,
                "input \(which) element \(index): finite difference \(numeric), autodiff \(exact)",
                file: file, line: line)
        }
    }
}

/// A deterministic tensor of standard-normal values.
func randomTensor(_ shape: [Int], seed: UInt64, requiresGrad: Bool = true, scale: Float = 1) -> Tensor {
    var rng = SeededGenerator(seed: seed)
    let t = Tensor.randomNormal(shape, standardDeviation: scale, using: &rng)
    t.requiresGrad = requiresGrad
    return t
}

/// `Σ r ⊙ y` for a fixed random `r`: turns any tensor into a scalar with a generic gradient.
func probe(_ y: Tensor, seed: UInt64 = 99) -> Tensor {
    (y * randomTensor(y.shape, seed: seed, requiresGrad: false)).sum()
}

/// The second-order probe of `f` with respect to input `wrt`: `Σ r ⊙ ∂probe(f)/∂inputs[wrt]`.
func secondOrderProbe(_ inputs: [Tensor], wrt: Int, _ f: ([Tensor]) -> Tensor) -> Tensor {
    let first = Gradients.of(probe(f(inputs)), wrt: [inputs[wrt]], createGraph: true)[0]
    return probe(first, seed: 7)
}
