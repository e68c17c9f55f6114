import Anvil
import ArgumentParser
import Foundation

/// `worldgan convert`: a schematic from one format into another.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Rewrite a schematic (.schem, .litematic, structure .nbt, MCEdit .schematic) in another format.",
        discussion: """
        The input's format is told by its content; the output's by its extension or --format.
        Block entities are kept. A structure .nbt's structure_void stays "no block" in every format
        that has it (.nbt) and is written as the structure_void block elsewhere. With a
        --data-version other than the input's, blocks are renamed for that version; blocks it
        lacks stop the conversion unless --allow-missing.

        Examples:
          worldgan convert house.litematic -o house.nbt
          worldgan convert ruins.schem -o ruins.litematic
          worldgan convert shipwreck.nbt --palette 0 -o wreck.litematic
        """
    )

    @Argument(help: "The schematic to read.")
    var input: String

    @Option(name: .shortAndLong, help: "The schematic to write.")
    var output: String

    @Option(help: "Output format when the extension does not say: sponge, litematic or structure.")
    var format: SchematicFormat?

    @Option(help: "With a structure .nbt holding several palettes: which one (from 0).")
    var palette = 0

    @Option(help: "DataVersion to write (default: the input's, else \(LatestRelease.dataVersion)).")
    var dataVersion: Int?

    @OptionGroup var versions: BlockVersionOptions

    func run() throws {
        let (read, info) = try InputLoading.schematic(input, palette: palette)
        let url = URL(fileURLWithPath: output)
        let target = dataVersion ?? info.dataVersion ?? LatestRelease.dataVersion
        let translation = try versions.translation(from: BlockVersionOptions.source(of: info, file: input))
        let volume = try BlockVersionOptions.translate([read], with: translation, to: DataVersion(target))[0]
        try InputLoading.prepareOutput(url)
        let warnings = try SchematicFile.write(volume, to: url, format: format, dataVersion: target, offset: info.offset)
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        let (x, y, z) = volume.size
        print("wrote \(url.path) (\(SchematicFile.format(for: url, format).rawValue)): \(x)×\(y)×\(z) blocks, \(volume.blockEntities.count) block entities")
    }
}
