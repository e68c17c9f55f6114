import ArgumentParser
import Foundation
import Tensor
import WorldGAN

/// `worldgan bench train-step`: times full World-GAN training iterations at one scale.
struct BenchTrainStepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-step",
        abstract: "Time one World-GAN training iteration (3 critic steps with WGAN-GP + 3 generator steps).",
        discussion: """
        Same model and iteration as ../shared/bench/torch_worldgan_ref.py (one scale > 0, random
        real volume, fixed prev and z_prev, noise amplitude 0.1).
        Example:
          worldgan bench train-step --channels 32 --nfc 64 --size 51 10 64
        Ends with machine-readable lines: iteration_ms (median), peak_rss_mib.
        """
    )

    @Option(help: "Channels C of the volume (block2vec dimension).")
    var channels = 32

    @Option(help: "Features per conv layer (nfc).")
    var nfc = 64

    @Option(help: "Volume size X Y Z.")
    var size = IntTriple(51, 10, 64)

    @Option(help: "Timed iterations (the median is reported).")
    var iterations = 3

    @Option(help: "Untimed warm-up iterations.")
    var warmup = 1

    @Option(help: "Random seed.")
    var seed: UInt64 = 0

    func validate() throws {
        guard extents.allSatisfy({ $0 >= 7 }) else {
            throw ValidationError("--size needs three extents X Y Z of at least 7 (the critic shrinks each by 6), got \(size)")
        }
        guard channels >= 1, nfc >= 1, iterations >= 1, warmup >= 0 else {
            throw ValidationError("--channels, --nfc and --iterations must be at least 1, --warmup at least 0")
        }
    }

    private var extents: [Int] { [size.x, size.y, size.z] }

    func run() throws {
        // The arithmetic `train` uses (BF16 where the CPU has it unless WORLDGAN_PRECISION says otherwise).
        KernelPrecision.prefer(KernelPrecision.fromEnvironment(default: KernelPrecision.trainingDefault))
        let size = extents
        var rng = SeededGenerator(seed: seed)
        let trainer = ScaleTrainer(generator: Generator(channels: channels, features: nfc, using: &rng),
                                   discriminator: Discriminator(channels: channels, features: nfc, using: &rng))
        let shape = [1, channels] + size
        let real = Tensor.randomNormal(shape, using: &rng)
        let prev = Tensor.randomNormal(shape, using: &rng).replicatePadded(3)
        let zPrev = Tensor.randomNormal(shape, using: &rng).replicatePadded(3)
        print("# bench train-step: C \(channels), nfc \(nfc), size \(size.map(String.init).joined(separator: "×")), threads \(Parallel.threadCount), load \(BenchClock.loadAverage)")
        var losses: ScaleTrainer.IterationLosses?
        let median = BenchClock.medianMilliseconds(repetitions: iterations, warmup: warmup, label: "iteration") {
            losses = trainer.iteration(real: real, prev: prev, reconstructionInput: zPrev, noiseAmplitude: 0.1, using: &rng)
        }
        if let losses {
            print("# losses: errD \(losses.discriminator), gp \(losses.penalty), errG \(losses.adversarial), rec \(losses.reconstruction)")
        }
        print("iteration_ms: \(BenchClock.format(median))")
        print("peak_rss_mib: \(BenchClock.format(BenchClock.peakResidentMiB))")
    }
}
