import Anvil
import ArgumentParser
import Foundation
import SampleWorld

/// `worldgan sample-world`: rebuilds the shipped sample world (or just its structure) from its design.
struct SampleWorldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-world",
        abstract: "Rebuild the shipped sample world (a ruined stone-brick keep) from its design.",
        discussion: """
        Examples:
          worldgan sample-world worlds/ruins                 # the world folder (level.dat + region/)
          worldgan sample-world --schematic ruin.schem       # only the 48×16×48 structure
        """
    )

    @Argument(help: "The world folder to create (must not exist unless --force).")
    var folder: String?

    @Option(help: "Also (or only) write the structure as a Sponge schematic.")
    var schematic: String?

    @Option(help: "Seed of the ruin's weathering.")
    var seed: UInt64 = 2021

    @Flag(help: "Replace an existing folder.")
    var force = false

    func validate() throws {
        if folder == nil && schematic == nil {
            throw ValidationError("give a world folder to create, or --schematic FILE")
        }
    }

    func run() throws {
        let ruin = RuinDesign.build(seed: seed)
        if let schematic {
            let url = URL(fileURLWithPath: schematic)
            try InputLoading.prepareOutput(url)
            try SchematicFile.write(ruin, to: url, dataVersion: SampleWorldLayout.dataVersion)
            print("wrote \(url.path) (\(ruin.sizeX)×\(ruin.sizeY)×\(ruin.sizeZ))")
        }
        if let folder {
            try SampleWorldLayout.write(ruin: ruin, to: URL(fileURLWithPath: folder), force: force)
        }
    }
}
