import Anvil
import ArgumentParser
import Foundation
import Metrics

/// `worldgan eval`: how close samples are to the real structure, and how diverse they are.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Tile-pattern KL to the real volume, sample diversity and block-histogram distance.",
        discussion: """
        TPKL is symmetric (0.5·KL(P‖Q) + 0.5·KL(Q‖P), ε = 1e-7) over the union of the real and the
        generated k×k×k patterns. Diversity is the mean pairwise normalised Hamming distance of
        equal-size samples and the normalised Levenshtein distance of their flattened tokens.

        Examples:
          worldgan eval ruins.schem samples/*.schem
          worldgan eval runs/ruins samples/*.schem --json --pattern-sizes 3 5 10
        """
    )

    @Argument(help: "The real structure (.schem, or a run folder holding real.schem), then the samples.")
    var inputs: [String]

    @Option(parsing: .upToNextOption, help: "Pattern sizes k (k×k×k windows).")
    var patternSizes: [Int] = [5, 10]

    @Flag(help: "Compare block names only (properties dropped).")
    var ignoreProperties = false

    @Flag(help: "Skip the Levenshtein distance (slow for many large samples).")
    var noLevenshtein = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func validate() throws {
        if inputs.count < 2 { throw ValidationError("give the real structure and at least one sample") }
        if let bad = patternSizes.first(where: { $0 < 1 }) { throw ValidationError("pattern size \(bad) must be 1 or more") }
    }

    func run() throws {
        let realPath = Self.realSchematic(inputs[0])
        let real = (name: realPath, volume: try InputLoading.schematic(realPath).volume)
        let samples = try inputs.dropFirst().map { (name: $0, volume: try InputLoading.schematic($0).volume) }
        let evaluation = Evaluation(patternSizes: patternSizes, includeLevenshtein: !noLevenshtein,
                                    ignoreProperties: ignoreProperties)
        let report = try evaluation.run(real: real, samples: samples)
        print(json ? try report.jsonString() : report.table())
    }

    /// A run folder stands for the schematic it was trained on (`real.schem` inside it).
    static func realSchematic(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return URL(fileURLWithPath: path).appendingPathComponent("real.schem").path
        }
        return path
    }
}
