import Anvil
import ArgumentParser
import Foundation
import NBT

/// `worldgan info`: what a world, region file, NBT file or schematic holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Describe a world, region file, chunk/NBT file or schematic.",
        discussion: """
        Examples:
          worldgan info worlds/ruins                                  # versions, regions, chunks, compressions
          worldgan info worlds/ruins --from 48 -63 48 --to 95 -47 95    # + block histogram of a box
          worldgan info worlds/ruins/region/r.0.0.mca
          worldgan info worlds/ruins/level.dat --nbt                  # the NBT as SNBT text
          worldgan info ruins.schem
          worldgan generate runs/ruins --world ~/.minecraft/saves/Castle --area -600 0 -1 99 --at-y 64 -q && worldgan info --check ~/.minecraft/saves/Castle --area -600 0 -1 99
        """
    )

    @Argument(help: "A world folder, r.X.Z.mca, NBT file (level.dat, chunk, .nbt) or .schem.")
    var path: String?

    @Option(help: "A world folder: list the regions of --area that `generate --area` has not completed (exit 1 if any).")
    var check: String?

    @Option(help: "With --check: the rectangle X0 Z0 X1 Z1 given to `generate --area`.")
    var area: AreaRectangle?

    @OptionGroup var box: BoxOptions

    @Option(help: "overworld, nether or end.")
    var dimension: WorldDimension = .overworld

    @Flag(help: "Print the NBT as SNBT text (NBT files; with a region file, its first chunk).")
    var nbt = false

    @Option(help: "With --nbt: show at most this many elements of each array (0 = all).")
    var maxElements = 64

    func validate() throws {
        if (path == nil) == (check == nil) { throw ValidationError("give a file or world to describe, or --check WORLD --area X0 Z0 X1 Z1") }
        if (check == nil) != (area == nil) { throw ValidationError("--check WORLD and --area X0 Z0 X1 Z1 go together") }
    }

    func run() throws {
        if let check, let area { return try AreaCheck.report(world: check, area: area) }
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw FileError.noSuchFile(path: path, folderAllowed: true)
        }
        if isDirectory.boolValue { return try describeWorld(url) }
        switch url.pathExtension.lowercased() {
        case "mca", "mcr": try describeRegion(url)
        case "schem", "schematic", "litematic": try describeSchematic(url)
        default: try describeNBT(url)
        }
    }

    private func describeWorld(_ url: URL) throws {
        let world = try World(at: url)
        print("world: \(world.level.levelName)")
        print("DataVersion: \(world.level.dataVersion.map(String.init) ?? "none") (\(world.level.versionName ?? "version unknown"))")
        if let s = world.level.spawn { print("spawn: \(s.x) \(s.y) \(s.z)") }
        for dim in WorldDimension.allCases {
            let files = world.regionFiles(in: dim)
            guard !files.isEmpty else { continue }
            var survey = RegionSurvey()
            for f in files { survey.add(regionAt: f.url) }
            print("\n[\(dim)]")
            print(survey.report, terminator: "")
        }
        if let box = try box.box() {
            let volume = try WorldExtractor(world: world, dimension: dimension, fillMissingWithAir: true).extract(box)
            print("\nblocks in \(box) (\(dimension)):")
            print(HistogramTable.format(volume.histogram()), terminator: "")
        }
    }

    private func describeRegion(_ url: URL) throws {
        var survey = RegionSurvey()
        survey.add(regionAt: url)
        print("region file: \(url.path)")
        print(survey.report, terminator: "")
        if nbt {
            let file = try RegionFile(contentsOf: url)
            if let slot = file.presentSlots.first, let chunk = try file.chunk(localX: slot.localX, localZ: slot.localZ) {
                print("\nfirst chunk \(file.reference(slot)):")
                print(SNBT.format(try chunk.nbt(), options: options))
            }
        }
    }

    private func describeSchematic(_ url: URL) throws {
        let (volume, info) = try SchematicFile.read(url)
        let (x, y, z) = volume.size
        let version = info.version > 0 ? " v\(info.version)" : ""
        print("schematic: \(info.format.title)\(version), DataVersion \(info.dataVersion.map(String.init) ?? "none")")
        if let name = info.name { print("name: \(name)" + (info.author.map { ", author: \($0)" } ?? "")) }
        for note in info.notes { print("note: \(note)") }
        print("size: \(x)×\(y)×\(z) (\(volume.count) blocks), offset \(info.offset.0) \(info.offset.1) \(info.offset.2)")
        print("block entities: \(volume.blockEntities.count)")
        print(HistogramTable.format(volume.histogram()), terminator: "")
    }

    private func describeNBT(_ url: URL) throws {
        let (document, compression) = try NBTFile.read(contentsOf: url)
        if !nbt, SchematicFormat.detect(document) != nil { return try describeSchematic(url) }   // structure .nbt
        print("NBT file: \(url.path) (\(compression)), root '\(document.name)' with \(document.root.count) tags")
        let dataRoot = document.root["Data"]?.compound ?? document.root
        if let dv = dataRoot["DataVersion"]?.integer { print("DataVersion: \(dv)") }
        if let chunk = try? ChunkBlocks(decoding: document.root) {
            print("chunk \(chunk.position.x) \(chunk.position.z): \(chunk.layout) layout, \(chunk.sections.count) sections")
            print(HistogramTable.format(chunk.blockCounts(), limit: 15), terminator: "")
        }
        if nbt { print(SNBT.format(document, options: options)) }
    }

    private var options: SNBT.Options { SNBT.Options(indent: 2, maxElements: maxElements > 0 ? maxElements : nil) }
}
