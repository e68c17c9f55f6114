import Anvil
import ArgumentParser
import Foundation

/// `worldgan paste`: a schematic into a world.
struct PasteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paste",
        abstract: "Write a schematic into a world (existing chunks edited, missing ones created).",
        discussion: """
        The schematic's corner (0, 0, 0) goes to --at. Region files are replaced atomically;
        chunks outside the pasted box stay byte-identical. Close the world in Minecraft first.
        Blocks are named as the world's version names them (e.g. 1.16's grass becomes 1.21's
        short_grass); blocks the world's version lacks stop the paste unless --allow-missing.

        Example:
          worldgan paste sample-1.schem --world ~/.minecraft/saves/Castle --at 200 64 -40 --backup
        """
    )

    @Argument(help: "The schematic (.schem) to paste.")
    var schematic: String

    @Option(help: "The world folder (holding level.dat).")
    var world: String

    @Option(help: "World position of the schematic's (0, 0, 0) corner.")
    var at: IntTriple

    @Option(help: "overworld, nether or end.")
    var dimension: WorldDimension = .overworld

    @Flag(help: "Keep each replaced region file as r.X.Z.mca.bak.")
    var backup = false

    @Flag(help: "Air in the schematic leaves the world's blocks as they are.")
    var skipAir = false

    @OptionGroup var versions: BlockVersionOptions

    func run() throws {
        let (volume, info) = try InputLoading.schematic(schematic)
        let world = try WorldOpening.open(self.world)
        let paster = WorldPaster(world: world, dimension: dimension, backup: backup, skipAir: skipAir,
                                 translation: try versions.translation(from: BlockVersionOptions.source(of: info, file: schematic)))
        let summary = try paster.paste(volume, at: VoxelPosition(at.x, at.y, at.z))
        BlockVersionOptions.announce(summary.translations)
        print("pasted \(summary.blocks) blocks at \(at): \(summary.editedChunks) chunks edited, \(summary.createdChunks) created, \(summary.regionFiles.count) region file(s) written")
    }
}
