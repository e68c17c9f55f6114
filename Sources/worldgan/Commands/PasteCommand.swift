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

    func run() throws {
        let (volume, _) = try InputLoading.schematic(schematic)
        let world = try WorldOpening.open(self.world)
        let paster = WorldPaster(world: world, dimension: dimension, backup: backup, skipAir: skipAir)
        let summary = try paster.paste(volume, at: VoxelPosition(at.x, at.y, at.z))
        print("pasted \(summary.blocks) blocks at \(at): \(summary.editedChunks) chunks edited, \(summary.createdChunks) created, \(summary.regionFiles.count) region file(s) written")
    }
}
