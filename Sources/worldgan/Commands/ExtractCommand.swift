import Anvil
import ArgumentParser
import Foundation

/// `worldgan extract`: a box of a world as a Sponge schematic.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Cut a box out of a world into a Sponge schematic (.schem).",
        discussion: """
        Corners are inclusive, like /fill. Block entities (chests, signs…) are kept.

        Examples:
          worldgan extract worlds/ruins --from 48 -63 48 --to 95 -47 95 -o ruins.schem
          worldgan extract ~/.minecraft/saves/Castle --from -120 60 300 --to -70 90 350 --dimension nether -o keep.schem
        """
    )

    @Argument(help: "The world folder (holding level.dat).")
    var world: String

    @OptionGroup var box: BoxOptions

    @Option(help: "overworld, nether or end.")
    var dimension: WorldDimension = .overworld

    @Option(help: "'state' keeps block properties; 'name' drops them (as the original World-GAN).")
    var tokens: TokenMode = .state

    @Option(help: "What to do with chunks that were never generated: 'error' or 'air'.")
    var fillMissing: MissingChunkPolicy = .error

    @Option(name: .shortAndLong, help: "The schematic to write (.schem, .litematic or structure .nbt, by extension).")
    var output: String

    @Option(help: "Output format when the extension does not say: sponge, litematic or structure.")
    var format: SchematicFormat?

    @Flag(help: "Stop at the first damaged chunk (default: report it, read it as air, extract the rest).")
    var strict = false

    func validate() throws {
        if box.from == nil { throw ValidationError("give the box with --from X Y Z --to X Y Z") }
    }

    func run() throws {
        let world = try WorldOpening.open(self.world)
        guard let box = try box.box() else { return }
        let extractor = WorldExtractor(world: world, dimension: dimension, fillMissingWithAir: fillMissing == .air, strict: strict)
        let extraction = try extractor.extractReporting(box)
        for damage in extraction.damagedChunks {
            FileHandle.standardError.write(Data("warning: \(damage); its blocks are written as air (--strict stops instead)\n".utf8))
        }
        for report in extraction.translations {
            if let summary = report.summary {
                let era = report.source < report.target ? "an older" : "a newer"
                print("note: chunks saved by \(era) Minecraft than level.dat's: \(summary)")
            }
            if let missing = report.missingSummary {
                FileHandle.standardError.write(Data("warning: \(missing); written as air\n".utf8))
            }
        }
        let volume = extraction.volume.tokenized(tokens)
        let url = URL(fileURLWithPath: output)
        try InputLoading.prepareOutput(url)
        let warnings = try SchematicFile.write(volume, to: url, format: format, dataVersion: extraction.dataVersion.rawValue,
                                               offset: (box.min.x, box.min.y, box.min.z))
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let (x, y, z) = volume.size
        print("wrote \(url.path): \(x)×\(y)×\(z) blocks, \(volume.compacted().palette.count) block states, \(volume.blockEntities.count) block entities")
    }
}

/// `--fill-missing`.
enum MissingChunkPolicy: String, ExpressibleByArgument, CaseIterable {
    case error, air
}
