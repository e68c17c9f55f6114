import Anvil
import ArgumentParser
import Foundation

/// `worldgan bench generate`: `generate`'s own sampling (``GenerateCommand/drawSamples(_:sampleDone:)``:
/// the patch layout, the finer scales and their refinement, decoding, the rare-block guard,
/// finishing), timed sample by sample, writing nothing.
struct BenchGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Time `generate`'s sampling, sample by sample.",
        discussion: """
        Runs what `worldgan generate RUN --count N --seed S` runs before it writes anything —
        the same options are given to `generate` as they are given here — and reports the time
        of every sample (a sample drawn again for --max-inflation counts all its draws).
        Examples:
          worldgan bench generate runs/ruins --count 4 --seed 1
          worldgan bench generate runs/ruins --count 2 --layout generator
        Ends with machine-readable lines: sample<n>_s, sample<n>_non_air (blocks other than air,
        the same as in generate's sample-<n>), s_per_sample, total_s, cpu_s, peak_rss_mib.
        """
    )

    @Argument(help: "The run folder written by `worldgan train`.")
    var runFolder: String
    @Option(help: "Number of samples.") var count = 4
    @Option(help: "Seed of the first sample, as generate's.") var seed: UInt64 = 0
    @Option(help: "Size factors X Y Z relative to the training volume, as generate's.") var scale: DoubleTriple?
    @Option(help: "'patches' (generate's default) or 'generator', as generate's.") var layout: LayoutChoice?
    @Option(help: "As generate's --max-inflation.") var maxInflation = 2.0

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
    }

    func run() throws {
        var arguments = [runFolder, "--count", "\(count)", "--seed", "\(seed)", "--max-inflation", "\(maxInflation)", "--quiet"]
        if let scale { arguments += ["--scale", "\(scale.x)", "\(scale.y)", "\(scale.z)"] }
        if let layout { arguments += ["--layout", layout.rawValue] }
        let generate = try GenerateCommand.parse(try ArgumentPreprocessor.rewrite(arguments, root: GenerateCommand.self))
        let usage = ProcessUsage.now
        let started = ContinuousClock.now
        let setup = try GenerateCommand.Setup(generate)
        print("# bench generate: \(URL(fileURLWithPath: runFolder).lastPathComponent), \(count) sample(s) from seed \(seed), "
              + "layout \((layout ?? .patches).rawValue), load \(BenchClock.loadAverage)")
        print("setup_s: \(String(format: "%.3f", BenchClock.seconds(ContinuousClock.now - started)))")
        var lap = ContinuousClock.now, times: [Double] = []
        let (samples, _) = try generate.drawSamples(setup) { _ in
            let now = ContinuousClock.now
            times.append(BenchClock.seconds(now - lap))
            lap = now
        }
        let total = ContinuousClock.now - started
        let after = ProcessUsage.now
        for (n, sample) in samples.enumerated() {
            print("sample\(n)_s: \(String(format: "%.3f", times[n]))")
            print("sample\(n)_non_air: \(sample.indices.lazy.filter { !sample.palette[Int($0)].isAir }.count)")
        }
        print("s_per_sample: \(String(format: "%.3f", times.reduce(0, +) / Double(times.count)))")
        print("total_s: \(String(format: "%.3f", BenchClock.seconds(total)))")
        print("cpu_s: \(String(format: "%.3f", after.cpuSeconds(since: usage)))")
        print("peak_rss_mib: \(BenchClock.format(after.peakResidentMiB))")
    }
}
