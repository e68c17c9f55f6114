import ArgumentParser
import Foundation
import Tensor

/// `worldgan bench conv`: times one conv3d layer (k 3, padding 1) forward and forward + backward.
struct BenchConvCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conv",
        abstract: "Time a 3-D convolution (k 3, padding 1, bias) forward and forward+backward.",
        discussion: """
        Example:
          worldgan bench conv --channels 32 --size 32 32 32
        Ends with machine-readable lines: forward_ms, forward_backward_ms, gflops (medians).
        """
    )

    @Option(help: "Input and output channels.")
    var channels = 32

    @Option(help: "Spatial size X Y Z of the 1×C×X×Y×Z input.")
    var size = IntTriple(32, 32, 32)

    @Option(help: "Timed repetitions (the median is reported).")
    var repetitions = 20

    @Option(help: "Untimed warm-up repetitions.")
    var warmup = 2

    @Flag(help: "Restrict the kernels to AVX2 + FMA (what CPUs without AVX-512 run).")
    var avx2Only = false

    @Option(help: "Winograd over 'auto' (the library's choice), '1' or '2' axes.")
    var winogradAxes = WinogradAxesChoice.auto

    func validate() throws {
        guard extents.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--size needs three positive extents X Y Z, got \(size)")
        }
        guard channels >= 1, repetitions >= 1, warmup >= 0 else {
            throw ValidationError("--channels and --repetitions must be at least 1, --warmup at least 0")
        }
    }

    private var extents: [Int] { [size.x, size.y, size.z] }

    func run() throws {
        WinogradAxes.with(winogradAxes.axes) {
            if avx2Only {
                KernelInstructionSet.withAVX2Only { measure() }
            } else {
                measure()
            }
        }
    }

    private func measure() {
        let size = extents
        var rng = SeededGenerator(seed: 1)
        let x = Tensor.randomNormal([1, channels] + size, using: &rng)
        let weight = Tensor.randomNormal([channels, channels, 3, 3, 3], standardDeviation: 0.02, using: &rng)
        let bias = Tensor.randomNormal([channels], using: &rng)
        let seed = Tensor.randomNormal([1, channels] + size, using: &rng)
        x.requiresGrad = true
        weight.requiresGrad = true
        bias.requiresGrad = true
        print("# bench conv: \(channels)→\(channels), k 3, padding 1, input 1×\(channels)×\(size.map(String.init).joined(separator: "×")), threads \(Parallel.threadCount), kernels \(KernelInstructionSet.current), Winograd axes \(winogradAxes.rawValue), load \(BenchClock.loadAverage)")
        let forward = BenchClock.medianMilliseconds(repetitions: repetitions, warmup: warmup, label: "forward") {
            _ = GradMode.withoutRecording { x.conv3d(weight: weight, bias: bias, padding: 1) }
        }
        let both = BenchClock.medianMilliseconds(repetitions: repetitions, warmup: warmup, label: "forward+backward") {
            let y = x.conv3d(weight: weight, bias: bias, padding: 1)
            _ = Gradients.of(y, wrt: [x, weight, bias], seed: seed)
        }
        let flops = 2.0 * 27 * Double(channels * channels) * Double(size.reduce(1, *))
        print("forward_ms: \(BenchClock.format(forward))")
        print("forward_backward_ms: \(BenchClock.format(both))")
        print("gflops: \(BenchClock.format(flops / (forward * 1e6)))")
    }
}
