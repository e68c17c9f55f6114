import Anvil
import ArgumentParser
import Foundation
import NBT

/// `worldgan bench extract`: decode every chunk of a region file to block states.
struct BenchExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Decode every chunk of a region file (inflate, NBT, block states); prints blocks/s.",
        discussion: """
        Counts every stored section's 4096 blocks, like the reference figures (Amulet ≈ 13 M blocks/s
        and anvil-parser2 ≈ 0.9 M blocks/s on prismarine-provider-anvil/1.16/r.0.-1.mca here).

        Example:
          worldgan bench extract ../shared/worlds/real/prismarine-provider-anvil/1.16/r.0.-1.mca
        """
    )

    @Argument(help: "The region file (.mca).")
    var region: String

    @Option(help: "Timed repetitions (the median is reported).")
    var repeats = 7

    @Option(help: "Threads (default: all cores).")
    var threads = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let url = URL(fileURLWithPath: region)
        var times: [Double] = []
        var blocks = 0
        var failures = 0
        for rep in 0...repeats {   // the first run warms caches and is not counted
            let start = DispatchTime.now().uptimeNanoseconds
            let file = try RegionFile(contentsOf: url)
            let counts = file.mapChunksConcurrently(threads: threads) { outcome -> Int? in
                guard case .success(let chunk) = outcome.result,
                      let root = try? chunk.nbt().root, let decoded = try? ChunkBlocks(decoding: root) else { return nil }
                // Resolving every block to its state is what extraction does; summing palette
                // counts touches each decoded index once.
                return decoded.sections.reduce(0) { $0 + $1.paletteCounts().reduce(0, +) }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if rep > 0 { times.append(seconds) }
            blocks = counts.reduce(0) { $0 + ($1 ?? 0) }
            failures = counts.filter { $0 == nil }.count
        }
        let median = BenchClock.median(times)
        print("region: \(url.lastPathComponent)")
        print("chunks_failed: \(failures)")
        print("blocks: \(blocks)")
        print("threads: \(threads)")
        print("seconds: \(String(format: "%.4f", median))")
        print("blocks/s: \(Int((Double(blocks) / median).rounded()))")
    }
}
