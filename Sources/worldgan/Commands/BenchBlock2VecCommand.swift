import Foundation
import Anvil
import ArgumentParser
import Block2Vec

/// `worldgan bench block2vec`: times block2vec epochs on a seeded random volume whose token
/// frequencies follow 1/rank^1.2, like `block2vec_bench` in ../shared/bench/torch_worldgan_ref.py
/// (PyTorch, 2 threads: 37.2 ms per epoch for 51×10×64, V 40).
struct BenchBlock2VecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "block2vec",
        abstract: "Time block2vec training epochs on a random Zipf-skewed volume.",
        discussion: """
        Prints one line per epoch and ends with `epoch_ms: <median of the measured epochs>`.
        Example:
          worldgan bench block2vec --size 51 10 64 --vocab 40
        """
    )

    @Option(help: "Volume size X Y Z.")
    var size = IntTriple(51, 10, 64)
    @Option(help: "Number of distinct tokens drawn (weights 1/rank^1.2).")
    var vocab: Int = 40
    @Option(help: "Embedding width D.")
    var dim: Int = 32
    @Option(help: "Targets per batch.")
    var batch: Int = 256
    @Option(help: "Measured epochs.")
    var epochs: Int = 5
    @Option(help: "Unmeasured warm-up epochs before them.")
    var warmup: Int = 2
    @Option(help: "Seed of the volume, the model and the sampling.")
    var seed: UInt64 = 0

    func validate() throws {
        guard [size.x, size.y, size.z].allSatisfy({ $0 >= 3 && $0 <= 1024 }) else {
            throw ValidationError("--size needs three numbers from 3 to 1024, got \(size)")
        }
        guard vocab >= 1, vocab <= 65536 else { throw ValidationError("--vocab must be 1…65536, got \(vocab)") }
        guard epochs >= 1, warmup >= 0 else { throw ValidationError("--epochs must be ≥ 1 and --warmup ≥ 0") }
    }

    func run() throws {
        let volume = Self.zipfVolume(size: (size.x, size.y, size.z), vocab: vocab, seed: seed)
        var config = Block2VecConfig()
        config.dimension = dim
        config.batchSize = batch
        config.epochs = warmup + epochs
        config.seed = seed
        var trainer = try Block2VecTrainer(volume: volume, config: config)
        print("block2vec bench: volume \(size.x)×\(size.y)×\(size.z), V \(trainer.dataset.vocabulary.count), "
              + "D \(dim), batch \(batch), samples/epoch \(trainer.dataset.sampleCount), "
              + "batches/epoch \(trainer.batchesPerEpoch)")
        var measured: [Double] = []
        for e in 0..<(warmup + epochs) {
            let start = ContinuousClock.now
            let loss = trainer.runEpoch()
            let ms = Self.milliseconds(ContinuousClock.now - start)
            if e >= warmup { measured.append(ms) }
            print("epoch \(e + 1)\(e < warmup ? " (warm-up)" : ""): \(Self.format(ms)) ms, loss \(loss)")
        }
        // The share of an epoch spent drawing its subsampled samples (the rest is gather + math).
        var rng = SeededGenerator(seed: seed)
        let drawStart = ContinuousClock.now
        for _ in 0..<epochs { _ = trainer.dataset.epochSamples(using: &rng) }
        let drawMs = Self.milliseconds(ContinuousClock.now - drawStart) / Double(epochs)
        print("subsample_ms: \(Self.format(drawMs))")
        print("min_ms: \(Self.format(measured.min() ?? 0))")
        print("epoch_ms: \(Self.format(BenchClock.median(measured)))")
    }

    /// X·Y·Z tokens drawn independently with weights 1/rank^1.2 (inverse CDF on our seeded RNG).
    static func zipfVolume(size: (Int, Int, Int), vocab: Int, seed: UInt64) -> BlockVolume {
        var cumulative: [Double] = []
        var sum = 0.0
        for rank in 1...vocab { sum += 1 / Foundation.pow(Double(rank), 1.2); cumulative.append(sum) }
        var rng = SeededGenerator(seed: seed ^ 0x5A17_B10C)
        let count = size.0 * size.1 * size.2
        var indices = [UInt32](repeating: 0, count: count)
        for n in 0..<count {
            let u = rng.nextUnitDouble() * sum
            var lo = 0, hi = vocab - 1
            while lo < hi { let mid = (lo + hi) / 2; if cumulative[mid] <= u { lo = mid + 1 } else { hi = mid } }
            indices[n] = UInt32(lo)
        }
        let palette = (0..<vocab).map { BlockState("worldgan:bench_token_\($0)") }
        return BlockVolume(size: size, palette: palette, indices: indices)
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) * 1e-15
    }

    static func format(_ ms: Double) -> String {
        String(Double((ms * 100).rounded()) / 100)
    }
}
