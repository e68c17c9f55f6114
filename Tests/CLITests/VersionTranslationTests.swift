import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// `paste` and `convert` through the built binary name blocks for the target version: 1.16.5
/// content in a 1.21 world holds short_grass; a block the target lacks is refused unless
/// `--allow-missing`, which writes air and says so.
final class VersionTranslationTests: XCTestCase {
    private var dir: URL!

    override func setUpWithError() throws { dir = try Fixtures.temporaryDirectory(self) }

    /// A new world at `dataVersion` (what `generate --new-world --data-version` creates).
    private func world(_ name: String, dataVersion: Int) throws -> URL {
        let folder = dir.appendingPathComponent(name)
        _ = try WorldCreator.create(at: folder, settings: NewWorldSettings(name: name, dataVersion: dataVersion, spawn: VoxelPosition(0, -60, 0)))
        return folder
    }

    /// A 6×2×4 Sponge schematic saved with `dataVersion`: a grass_block floor, then `plant` on
    /// 20 voxels and air on the other 4.
    private func schematic(_ plant: String, dataVersion: Int) throws -> URL {
        var v = BlockVolume(size: (6, 2, 4))
        for x in 0..<6 { for z in 0..<4 { v[x, 0, z] = BlockState("minecraft:grass_block", ["snowy": "false"]) } }
        for n in 0..<20 { v[n % 6, 1, n / 6] = BlockState(plant) }
        let url = dir.appendingPathComponent("\(plant.split(separator: ":").last!)-\(dataVersion).schem")
        try SchematicFile.write(v, to: url, dataVersion: dataVersion)
        return url
    }

    /// Every state in the palettes of the chunk holding (x, z) of `world`'s overworld.
    private func chunkPalette(_ world: URL, x: Int, z: Int) throws -> Set<String> {
        let region = try RegionFile(contentsOf: world.appendingPathComponent("region/r.\(x >> 9).\(z >> 9).mca"))
        let raw = try XCTUnwrap(region.chunk(localX: (x >> 4) & 31, localZ: (z >> 4) & 31))
        let blocks = try ChunkBlocks(decoding: raw.nbt().root)
        XCTAssertEqual(blocks.dataVersion, .v1_21)
        return Set(blocks.sections.flatMap(\.palette).map(\.name))
    }

    func testPasting1_16GrassInto1_21WorldWritesShortGrass() throws {
        let world = try world("w121", dataVersion: 3953)
        let schem = try schematic("minecraft:grass", dataVersion: 2586)
        let r = try CLIRunner.run(["paste", schem.path, "--world", world.path, "--at", "0", "-60", "0"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertEqual(r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("translated") },
                       ["translated 1.16.5 → 1.21: minecraft:grass → minecraft:short_grass (20 voxels)"], r.stdout)
        let palette = try chunkPalette(world, x: 0, z: 0)
        XCTAssertTrue(palette.contains("minecraft:short_grass"), "\(palette)")
        XCTAssertFalse(palette.contains("minecraft:grass"), "\(palette)")
        let back = try WorldExtractor(world: World(at: world)).extract(WorldBox(origin: VoxelPosition(0, -60, 0), size: (6, 2, 4)))
        XCTAssertEqual(back.histogram(), [BlockState("minecraft:grass_block", ["snowy": "false"]): 24,
                                          BlockState("minecraft:short_grass"): 20, .air: 4])
    }

    func testABlockTheWorldLacksIsRefusedUnlessAllowMissingThenAir() throws {
        let world = try world("w1192", dataVersion: 3120)
        let schem = try schematic("minecraft:cherry_sapling", dataVersion: 3953)
        let refused = try CLIRunner.run(["paste", schem.path, "--world", world.path, "--at", "0", "-60", "0"])
        XCTAssertEqual(refused.status, 1, refused.output)
        XCTAssertEqual(refused.stderr.trimmingCharacters(in: .newlines),
                       "Error: 1 block(s) from 1.21 have no equivalent in 1.19.2: minecraft:cherry_sapling (20 voxels); nothing was written. "
                       + "Pass --allow-missing to write them as air, or write for a newer version")
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.appendingPathComponent("region/r.0.0.mca").path))

        let allowed = try CLIRunner.run(["paste", schem.path, "--world", world.path, "--at", "0", "-60", "0", "--allow-missing"])
        XCTAssertEqual(allowed.status, 0, allowed.output)
        XCTAssertEqual(allowed.stderr.trimmingCharacters(in: .newlines),
                       "warning: 1 block(s) from 1.21 have no equivalent in 1.19.2: minecraft:cherry_sapling (20 voxels); written as air (--allow-missing)")
        let back = try WorldExtractor(world: World(at: world)).extract(WorldBox(origin: VoxelPosition(0, -60, 0), size: (6, 2, 4)))
        XCTAssertEqual(back.histogram(), [BlockState("minecraft:grass_block", ["snowy": "false"]): 24, .air: 24])
    }

    func testConvertWithAnotherDataVersionRenamesAndWithTheSameKeepsNames() throws {
        let schem = try schematic("minecraft:grass", dataVersion: 2586)
        let newer = dir.appendingPathComponent("newer.nbt"), same = dir.appendingPathComponent("same.nbt")
        let r = try CLIRunner.run(["convert", schem.path, "-o", newer.path, "--data-version", "3953"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.stdout.contains("translated 1.16.5 → 1.21: minecraft:grass → minecraft:short_grass (20 voxels)"), r.stdout)
        let (volume, info) = try SchematicFile.read(newer)
        XCTAssertEqual(info.dataVersion, 3953)
        XCTAssertEqual(volume.histogram()[BlockState("minecraft:short_grass")], 20)
        XCTAssertNil(volume.histogram()[BlockState("minecraft:grass")])
        let kept = try CLIRunner.run(["convert", schem.path, "-o", same.path])
        XCTAssertEqual(kept.status, 0, kept.output)
        XCTAssertFalse(kept.stdout.contains("translated"), kept.stdout)
        XCTAssertEqual(try SchematicFile.read(same).volume.histogram()[BlockState("minecraft:grass")], 20)
    }

    /// A world played since 1.13 and opened in 1.21.11 keeps 1.13 chunks where nobody went since:
    /// `extract` names their blocks as level.dat's version, so the schematic is one version's.
    func testExtractFromChunksOlderThanTheWorldNamesThemAsTheWorldsVersion() throws {
        let world = dir.appendingPathComponent("upgraded")
        try FileManager.default.createDirectory(at: world.appendingPathComponent("region"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try Fixtures.shared("worlds/real/hellonbt/level.dat"), to: world.appendingPathComponent("level.dat"))
        try FileManager.default.copyItem(at: try Fixtures.shared("worlds/real/prismarine-provider-anvil/1.13.2/r.-1.-1.mca"),
                                         to: world.appendingPathComponent("region/r.-1.-1.mca"))
        let out = dir.appendingPathComponent("hill.schem")
        let r = try CLIRunner.run(["extract", world.path, "--from", "-64", "64", "-64", "--to", "-33", "83", "-33", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.output)
        let note = r.stdout.components(separatedBy: "\n").first { $0.hasPrefix("note: chunks saved by an older Minecraft than level.dat's: translated 1.13.2 → 1.21.11:") }
        XCTAssertNotNil(note, r.stdout)
        let (volume, info) = try SchematicFile.read(out)
        XCTAssertEqual(info.dataVersion, 4671)
        let plants = try XCTUnwrap(volume.histogram()[BlockState("minecraft:short_grass")], "\(volume.histogram())")
        XCTAssertNil(volume.histogram()[BlockState("minecraft:grass")])
        XCTAssertTrue(note?.contains("minecraft:grass → minecraft:short_grass (\(plants) voxels)") == true, note ?? "")
    }
}
