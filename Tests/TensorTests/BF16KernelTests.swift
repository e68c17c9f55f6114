import Tensor
import XCTest

/// The BF16 convolution kernels (``KernelPrecision/bf16``) against the FP32 ones: forward, both
/// gradients and a gradient-penalty-style second-order gradient, within BF16's tolerance and
/// bit-identical from run to run, on the one-axis and the two-axis Winograd paths. Skipped where
/// the CPU has no AVX-512 BF16.
final class BF16KernelTests: XCTestCase {
    /// Runs `body` on each Winograd path, both arithmetics compared on the same one.
    private func onEveryPath(_ body: (WinogradAxes) throws -> Void) rethrows {
        for axes in [WinogradAxes.one, .two] { try WinogradAxes.with(axes) { try body(axes) } }
    }

    /// The largest ‖a − b‖ / ‖a‖ accepted on each path. Rounding both operands to 8 significant
    /// bits costs about 2⁻⁹ per product; the Winograd output transform (coefficients up to 8,
    /// cancelling) amplifies it, and across two axes twice over: measured 0.67–0.77% for every
    /// output and gradient here on one axis (0.87% for the second-order gradient), 2.1–2.6% on
    /// two (2.7%). A kernel that mixed up rows, pairs or padding is off by far more (a wrong row
    /// stride in the two-axis weight gradient gave 18 and infinity).
    private func tolerance(_ axes: WinogradAxes) -> Float { axes == .two ? 4e-2 : 1.5e-2 }

    private func requireBF16() throws {
        let available = KernelPrecision.with(.bf16) { KernelPrecision.current == .bf16 }
        try XCTSkipUnless(available, "this CPU has no AVX-512 BF16: the kernels stay FP32")
    }

    private func relativeError(_ reference: Tensor, _ other: Tensor) -> Float {
        XCTAssertEqual(reference.shape, other.shape)
        let difference = zip(reference.data, other.data).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let norm = reference.data.reduce(Float(0)) { $0 + $1 * $1 }
        return (difference / max(norm, .leastNormalMagnitude)).squareRoot()
    }

    /// y and the gradients of `Σ r ⊙ y` with respect to x and w.
    private func convolution(_ x: Tensor, _ w: Tensor, padding: Int) -> [Tensor] {
        let y = x.conv3d(weight: w, padding: padding)
        return [y.detached()] + Gradients.of(probe(y), wrt: [x, w])
    }

    func testBF16ConvolutionAndGradientsStayWithinTolerance() throws {
        try requireBF16()
        // The training's layer shapes (32 → 64 → 64 → 32 channels) and an odd channel count.
        let cases: [(input: [Int], outChannels: Int, padding: Int)] = [
            ([1, 32, 14, 9, 12], 64, 0), ([1, 64, 10, 8, 11], 32, 0), ([1, 5, 9, 7, 10], 7, 1),
        ]
        onEveryPath { axes in
            for (index, c) in cases.enumerated() {
                let x = randomTensor(c.input, seed: 40 + UInt64(index))
                let w = randomTensor([c.outChannels, c.input[1], 3, 3, 3], seed: 50 + UInt64(index), scale: 0.1)
                let reference = KernelPrecision.with(.fp32) { convolution(x, w, padding: c.padding) }
                let bf16 = KernelPrecision.with(.bf16) { convolution(x, w, padding: c.padding) }
                for (name, (a, b)) in zip(["y", "grad x", "grad w"], zip(reference, bf16)) {
                    let error = relativeError(a, b)
                    XCTAssertLessThan(error, tolerance(axes), "\(axes): \(c.input) → \(c.outChannels): \(name)")
                    XCTAssertGreaterThan(error, 0, "\(axes): \(c.input) → \(c.outChannels): \(name) is exactly FP32's, so BF16 did not run")
                }
            }
        }
    }

    func testBF16SecondOrderGradientOfAPenaltyStaysWithinTolerance() throws {
        try requireBF16()
        let x = randomTensor([1, 32, 12, 9, 10], seed: 60)
        let w = randomTensor([16, 32, 3, 3, 3], seed: 61, scale: 0.1)
        // WGAN-GP's shape: ‖∂ critic / ∂ x‖² differentiated with respect to the weights.
        func penaltyGradient() -> Tensor {
            // A smooth critic (LeakyReLU's kink would turn BF16's tiny changes of y into flipped
            // slopes, a difference of the function, not of the kernels).
            let y = x.conv3d(weight: w)
            let gradient = Gradients.of(probe(y * y), wrt: [x], createGraph: true)[0]
            return Gradients.of((gradient * gradient).sum(), wrt: [w])[0]
        }
        onEveryPath { axes in
            let reference = KernelPrecision.with(.fp32) { penaltyGradient() }
            let bf16 = KernelPrecision.with(.bf16) { penaltyGradient() }
            XCTAssertLessThan(relativeError(reference, bf16), tolerance(axes), "\(axes)")
        }
    }

    func testBF16KernelsGiveTheSameBitsEveryRun() throws {
        try requireBF16()
        let x = randomTensor([1, 32, 11, 8, 13], seed: 70)
        let w = randomTensor([24, 32, 3, 3, 3], seed: 71, scale: 0.1)
        onEveryPath { axes in
            let first = KernelPrecision.with(.bf16) { convolution(x, w, padding: 0) }
            let second = KernelPrecision.with(.bf16) { convolution(x, w, padding: 0) }
            for (a, b) in zip(first, second) { XCTAssertTrue(a.data == b.data, "\(axes)") }
        }
    }

    func testTheLibraryDefaultsToFP32() {
        XCTAssertEqual(KernelPrecision.current, .fp32, "BF16 is the product's choice (the CLI), not the library's")
    }
}
