import ArgumentParser
import Block2Vec
import Foundation
import Tensor
import WorldGAN

/// `worldgan bench train`: the real training loop of `train` (``PyramidTrainer``: every scale,
/// the frozen-scale chains, noise amplitudes), timed per scale, without checkpoints, plots or
/// previews.
struct BenchTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Time the whole World-GAN training loop of `train`, scale by scale.",
        discussion: """
        Trains the pyramid as `worldgan train` does — the same input tensor (block2vec on the
        schematic, or a random volume of --size with --dimension channels), the same flags and
        seed — but writes nothing. The per-scale figures are the means of the per-iteration wall
        times `train` logs in training.csv (column ms); with the same input, flags and thread
        count, `last_record` equals the last row of that file (the timing and accuracy columns aside).
        Examples:
          worldgan bench train ruins.schem --iterations 30 --nfc 64
          worldgan bench train --size 40 14 40 --iterations 30 --nfc 64
        Ends with machine-readable lines: scale<n>_ms_per_iteration, iterations_s, total_s,
        peak_rss_mib, system_time_share.
        """
    )

    @Argument(help: "The schematic to train on (or give --size).")
    var input: String?

    @Option(help: "Train on a random normal volume X Y Z of --dimension channels instead of a schematic.")
    var size: IntTriple?

    @OptionGroup var gan: TrainingOptions
    @OptionGroup var block2vec: Block2VecOptions

    @Option(help: "Winograd over 'auto' (the library's choice, as train), '1' or '2' axes.")
    var winogradAxes = WinogradAxesChoice.auto

    func validate() throws {
        guard (input == nil) != (size == nil) else {
            throw ValidationError("give either the input schematic or --size X Y Z")
        }
        guard gan.iterations != nil || gan.scaleIterations != nil else {
            throw ValidationError("give --iterations N (or --scale-iterations): the presets' budgets are far too long for a benchmark")
        }
    }

    func run() throws {
        // The arithmetic `train` uses (BF16 where the CPU has it unless WORLDGAN_PRECISION says otherwise).
        KernelPrecision.prefer(KernelPrecision.fromEnvironment(default: KernelPrecision.trainingDefault))
        try WinogradAxes.with(winogradAxes.axes) { try measure() }
    }

    private func measure() throws {
        let config = try gan.config(seed: block2vec.seed)
        let (real, label) = try makeReal(config: config)
        let trainer = try PyramidTrainer(real: real, config: config)
        let shapes = trainer.scales.shapes.map { $0.map(String.init).joined(separator: "×") }
        print("# bench train: \(label), C \(real.shape[1]), nfc \(config.features), scales \(shapes.joined(separator: ", ")), threads \(Parallel.threadCount), instructions \(KernelInstructionSet.current) \(KernelPrecision.current), Winograd axes \(winogradAxes.rawValue), load \(BenchClock.loadAverage)")
        let usage = ProcessUsage.now
        let started = ContinuousClock.now
        trainer.train { _, _ in .continue }
        let total = ContinuousClock.now - started
        let after = ProcessUsage.now
        for scale in 0..<trainer.scaleCount {
            let times = trainer.records.filter { $0.scale == scale }.map(\.milliseconds)
            print("scale\(scale)_shape: \(shapes[scale])")
            print("scale\(scale)_iterations: \(times.count)")
            print("scale\(scale)_ms_per_iteration: \(BenchClock.format(times.reduce(0, +) / Double(max(times.count, 1))))")
        }
        if let last = trainer.records.last { print("last_record: \(last.csvLine)") }
        print("iterations_s: \(String(format: "%.3f", trainer.records.map(\.milliseconds).reduce(0, +) / 1000))")
        print("total_s: \(String(format: "%.3f", BenchClock.seconds(total)))")
        print("cpu_s: \(String(format: "%.3f", after.cpuSeconds(since: usage)))")
        print("peak_rss_mib: \(BenchClock.format(after.peakResidentMiB))")
        print("system_time_share: \(String(format: "%.4f", after.systemShare(since: usage)))")
    }

    /// The input tensor `train` would build from the schematic (block2vec timed and reported),
    /// or a seeded random volume.
    private func makeReal(config: TrainingConfig) throws -> (Tensor, String) {
        guard let input else {
            let extents = [size?.x ?? 0, size?.y ?? 0, size?.z ?? 0]
            guard extents.allSatisfy({ $0 >= config.minimumExtent }) else {
                throw TrainingError.volumeTooSmall(size: extents, minimum: config.minimumExtent)
            }
            var rng = SeededGenerator(seed: block2vec.seed)
            return (Tensor.randomNormal([1, block2vec.dimension] + extents, using: &rng),
                    "random \(extents.map(String.init).joined(separator: "×"))")
        }
        let volume = try TrainingInput.volume(input, tokens: block2vec.tokens, config: config)
        let learned: Embeddings
        if config.representation == .oneHot {
            learned = Embeddings.oneHot(tokens: Vocabulary(volume).tokens)
        } else {
            let started = ContinuousClock.now
            learned = try EmbeddingJob.train(volume: volume, config: block2vec.config, quiet: true).embeddings
            print("block2vec_s: \(String(format: "%.3f", BenchClock.seconds(ContinuousClock.now - started)))")
        }
        let vectors = TrainingInput.ganVectors(learned, volume: volume, config: config).vectors
        return (try TrainingInput.real(volume, vectors: vectors, file: input),
                "\(URL(fileURLWithPath: input).lastPathComponent) \(volume.sizeX)×\(volume.sizeY)×\(volume.sizeZ)")
    }
}
