import Anvil
import ArgumentParser
import Foundation
import Metrics

extension BlockComparison: ExpressibleByArgument {}

/// `worldgan eval`: how close samples are to the real structure, and how diverse they are.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "How close samples are to the real structure (patterns, layers, silhouette, rare blocks, floating parts) and how varied.",
        discussion: """
        Per sample, against the real volume:
          TPKL-k     tile-pattern KL, symmetric (0.5·KL(P‖Q) + 0.5·KL(Q‖P), ε = 1e-7) over the union
                     of the real and the generated k×k×k patterns
          hist-χ²    block-histogram χ² distance (0 same mix … 1 no block in common)
          layer      mean over heights y of the total variation between the two layers' histograms
          profile    mean over y of |non-air fraction of the real layer − of the sample's|
          inflation  the largest sample count / max(real count, 10) over block states
          floating   share of non-air voxels in solid parts that do not reach the bottom layer, or
                     plants, vines, lanterns… with no solid neighbour
          equal      fraction of voxels equal to the real volume's (same size only: copying)
        Diversity: mean pairwise normalised Hamming distance of equal-size samples (all voxels, and
        only where one of the two is not air) and normalised Levenshtein distance.
        Block states are compared without the properties the game derives from neighbours
        (--compare canonical: a leaf is a leaf whatever its distance to a log); --compare states
        counts them, --compare names drops all properties.
        --reference DIR adds a summary row for another set of samples of the same input (the
        .schem files in DIR or DIR/schem whose names start with "sample").

        Examples:
          worldgan eval ruins.schem samples/*.schem
          worldgan eval runs/ruins samples/*.schem --json --pattern-sizes 3 5 10
          worldgan eval runs/ruins samples/*.schem --reference torch-run --pattern-sizes 3 5
        """
    )

    @Argument(help: "The real structure (.schem, or a run folder holding real.schem), then the samples.")
    var inputs: [String]

    @Option(parsing: .upToNextOption, help: "Pattern sizes k (k×k×k windows).")
    var patternSizes: [Int] = [5, 10]

    @Option(help: "When two voxels hold the same block: 'canonical' (block states without the properties the game derives from neighbours — leaf distance, fence and wall sides, stair corners, snowy — as training sees them), 'states' (exactly as written) or 'names' (properties dropped).")
    var compare: BlockComparison = .canonical

    @Flag(help: "Compare block names only (the same as --compare names).")
    var ignoreProperties = false

    @Flag(help: "Skip the Levenshtein distance (slow for many large samples).")
    var noLevenshtein = false

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "A folder of another run's samples of the same input, summarised beside these.")
    var reference: String?

    func validate() throws {
        if inputs.count < 2 { throw ValidationError("give the real structure and at least one sample") }
        if let bad = patternSizes.first(where: { $0 < 1 }) { throw ValidationError("pattern size \(bad) must be 1 or more") }
    }

    func run() throws {
        let realPath = Self.realSchematic(inputs[0])
        let real = (name: realPath, volume: try InputLoading.schematic(realPath).volume)
        let samples = try inputs.dropFirst().map { (name: $0, volume: try InputLoading.schematic($0).volume) }
        let evaluation = Evaluation(patternSizes: patternSizes, includeLevenshtein: !noLevenshtein,
                                    comparison: ignoreProperties ? .names : compare)
        let referenceFiles = try reference.map(Self.referenceSamples) ?? []
        let others = try referenceFiles.map { (name: $0, volume: try InputLoading.schematic($0).volume) }
        let report = try evaluation.run(real: real, samples: samples, reference: others,
                                        referenceLabel: reference.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "reference")
        print(json ? try report.jsonString() : report.table())
    }

    /// The sample schematics of a reference folder: `sample*.schem` in DIR, else in DIR/schem.
    static func referenceSamples(_ folder: String) throws -> [String] {
        let url = URL(fileURLWithPath: folder)
        for dir in [url, url.appendingPathComponent("schem")] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            let samples = names.filter { $0.hasPrefix("sample") && $0.hasSuffix(".schem") }.sorted()
            if !samples.isEmpty { return samples.map { dir.appendingPathComponent($0).path } }
        }
        throw ValidationError("--reference \(folder): no sample*.schem files in it or in its schem/ folder")
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
