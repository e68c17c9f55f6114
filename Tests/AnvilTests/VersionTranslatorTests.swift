import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Translating whole volumes and pastes between versions: counts, reports, air for states without
/// equivalent, the refusal, and each chunk's own DataVersion.
final class VersionTranslatorTests: XCTestCase {
    private let v1_16_5 = DataVersion(2586), v1_19_2 = DataVersion(3120)
    private let chest = Compound([("id", .string("minecraft:chest"))])

    /// 4×4×4: a floor of grass_block, 12 grass and 2 cauldrons above it, a chest, the rest air.
    private func meadow(_ grass: String = "minecraft:grass", _ cauldron: String = "minecraft:cauldron[level=2]") -> BlockVolume {
        var v = BlockVolume(size: (4, 4, 4))
        for x in 0..<4 { for z in 0..<4 { v[x, 0, z] = BlockState("minecraft:grass_block", ["snowy": "false"]) } }
        for n in 0..<12 { v[n % 4, 1, n / 4] = BlockState(token: grass)! }
        v[0, 1, 3] = BlockState(token: cauldron)!
        v[1, 1, 3] = BlockState(token: cauldron)!
        v[3, 2, 3] = BlockState("minecraft:chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        v.blockEntities[VoxelPosition(3, 2, 3)] = chest
        return v
    }

    func testAVolumeIsRenamedWithVoxelCountsInTheReport() throws {
        var translator = VersionTranslator(from: v1_16_5, to: .v1_21, table: try .bundled())
        let out = translator.translate(meadow())
        XCTAssertEqual(out, meadow("minecraft:short_grass", "minecraft:water_cauldron[level=2]"))
        XCTAssertEqual(translator.report.renamed, [.init(from: "minecraft:grass", to: "minecraft:short_grass"): 12,
                                                   .init(from: "minecraft:cauldron", to: "minecraft:water_cauldron"): 2])
        XCTAssertEqual(translator.report.missing, [:])
        XCTAssertEqual(translator.report.summary,
                       "translated 1.16.5 → 1.21: minecraft:grass → minecraft:short_grass (12 voxels), minecraft:cauldron → minecraft:water_cauldron (2 voxels)")
        XCTAssertNil(translator.report.missingSummary)
    }

    func testTheReverseDirectionGivesTheOlderNamesBack() throws {
        var translator = VersionTranslator(from: .v1_21, to: v1_16_5, table: try .bundled())
        XCTAssertEqual(translator.translate(meadow("minecraft:short_grass", "minecraft:water_cauldron[level=2]")), meadow())
    }

    func testStatesWithoutEquivalentBecomeAirAndLoseTheirBlockEntity() throws {
        var v = meadow("minecraft:cherry_planks")
        v[3, 2, 3] = BlockState("minecraft:decorated_pot", ["facing": "north", "waterlogged": "false", "cracked": "false"])
        var translator = VersionTranslator(from: .v1_21, to: v1_19_2, table: try .bundled())
        let out = translator.translate(v)
        XCTAssertEqual(out.histogram()[.air], 64 - 16 - 2)   // 12 planks + the pot became air
        XCTAssertNil(out.histogram()[BlockState("minecraft:cherry_planks")])
        XCTAssertEqual(out.blockEntities, [:])
        XCTAssertEqual(translator.report.missing, ["minecraft:cherry_planks": 12, "minecraft:decorated_pot": 1])
        XCTAssertEqual(translator.report.missingSummary,
                       "2 block(s) from 1.21 have no equivalent in 1.19.2: minecraft:cherry_planks (12 voxels), minecraft:decorated_pot (1 voxel)")
        let translation = VersionTranslation(source: .v1_21, table: try .bundled(), missing: .refuse)
        XCTAssertThrowsError(try translation.check([translator.report])) { error in
            XCTAssertEqual(error as? VersionTranslationError, .noEquivalent(translator.report))
            XCTAssertTrue("\(error)".hasPrefix("2 block(s) from 1.21 have no equivalent in 1.19.2: minecraft:cherry_planks (12 voxels)"), "\(error)")
            XCTAssertTrue("\(error)".contains("--allow-missing"), "\(error)")
        }
        XCTAssertNoThrow(try VersionTranslation(source: .v1_21, table: try .bundled(), missing: .writeAir).check([translator.report]))
    }

    func testTheSameVersionIsANoOpWithAnEmptyReport() throws {
        var translator = VersionTranslator(from: .v1_21, to: .v1_21, table: try .bundled())
        XCTAssertTrue(translator.isIdentity)
        XCTAssertEqual(translator.translate(meadow()), meadow())
        XCTAssertTrue(translator.report.isEmpty)
        XCTAssertNil(translator.report.summary)
    }

    func testPasteNamesBlocksAsEachChunkHasThem() throws {
        // A 1.21 world whose chunk (0, 0) was last saved by 1.16.5: there the 1.16 names stay;
        // the new chunk (1, 0) is created at level.dat's 1.21 and gets short_grass.
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("world")
        _ = try WorldCreator.create(at: folder, settings: NewWorldSettings(name: "t", dataVersion: 3953, spawn: VoxelPosition(0, 0, 0)))
        let old = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: v1_16_5, sectionYRange: 0...15)
        var writer = RegionWriter(url: folder.appendingPathComponent("region/r.0.0.mca"), position: RegionPosition(x: 0, z: 0))
        try writer.setChunk(NBTReader.Document(name: "", root: old), at: ChunkPosition(x: 0, z: 0).slot)
        _ = try writer.write(backup: false)
        let world = try World(at: folder)
        let grass = BlockVolume(size: (32, 1, 1), fill: BlockState("minecraft:grass"))
        let translation = VersionTranslation(source: v1_16_5, table: try .bundled(), missing: .refuse)
        let summary = try WorldPaster(world: world, translation: translation).paste(grass, at: VoxelPosition(0, 10, 0))
        XCTAssertEqual(summary.editedChunks, 1)
        XCTAssertEqual(summary.createdChunks, 1)
        XCTAssertEqual(summary.translations.map(\.target), [.v1_21])
        XCTAssertEqual(summary.translations.first?.renamed, [.init(from: "minecraft:grass", to: "minecraft:short_grass"): 16])
        let file = try RegionFile(contentsOf: folder.appendingPathComponent("region/r.0.0.mca"), position: RegionPosition(x: 0, z: 0))
        let stored = try XCTUnwrap(file.chunk(localX: 0, localZ: 0)?.nbt().root)
        XCTAssertEqual(try ChunkBlocks(decoding: stored).blockCounts()[BlockState("minecraft:grass")], 16, "the old chunk keeps 1.16 names")

        // Cut back out, both chunks are named as level.dat's 1.21: one schematic, one version.
        let extraction = try WorldExtractor(world: world).extractReporting(WorldBox(origin: VoxelPosition(0, 10, 0), size: (32, 1, 1)))
        XCTAssertEqual((0..<32).map { extraction.volume[$0, 0, 0].name }, Array(repeating: "minecraft:short_grass", count: 32))
        XCTAssertEqual(extraction.dataVersion, .v1_21)
        XCTAssertEqual(extraction.translations.map(\.source), [v1_16_5])
        XCTAssertEqual(extraction.translations.first?.renamed, [.init(from: "minecraft:grass", to: "minecraft:short_grass"): 16])
    }

    func testAnExtractionDropsBlocksTheWorldsVersionLacksWithTheirBlockEntities() throws {
        // A 1.19.2 world holding a chunk saved by 1.21 (a downgrade gone wrong, or an edited file):
        // its decorated pot has no 1.19.2 name, so it is cut as air without its block entity.
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("world")
        _ = try WorldCreator.create(at: folder, settings: NewWorldSettings(name: "t", dataVersion: v1_19_2.rawValue, spawn: VoxelPosition(0, 0, 0)))
        let newer = try ChunkFactory.emptyChunk(at: ChunkPosition(x: -1, z: -1), dataVersion: .v1_21, sectionYRange: -4...19)
        var writer = RegionWriter(url: folder.appendingPathComponent("region/r.-1.-1.mca"), position: RegionPosition(x: -1, z: -1))
        try writer.setChunk(NBTReader.Document(name: "", root: newer), at: ChunkPosition(x: -1, z: -1).slot)
        _ = try writer.write(backup: false)
        let world = try World(at: folder)
        var pots = BlockVolume(size: (3, 1, 1), fill: BlockState("minecraft:oak_planks"))
        pots[1, 0, 0] = BlockState("minecraft:decorated_pot", ["facing": "north", "waterlogged": "false", "cracked": "false"])
        pots.blockEntities[VoxelPosition(1, 0, 0)] = Compound([("id", .string("minecraft:decorated_pot"))])
        let translation = VersionTranslation(source: .v1_21, table: try .bundled(), missing: .refuse)
        _ = try WorldPaster(world: world, translation: translation).paste(pots, at: VoxelPosition(-5, 3, -5))

        let box = try WorldBox(VoxelPosition(-5, 3, -5), VoxelPosition(-3, 3, -5))
        let extraction = try WorldExtractor(world: world).extractReporting(box)
        XCTAssertEqual((0..<3).map { extraction.volume[$0, 0, 0].name }, ["minecraft:oak_planks", "minecraft:air", "minecraft:oak_planks"])
        XCTAssertEqual(extraction.volume.blockEntities, [:])
        XCTAssertEqual(extraction.dataVersion, v1_19_2)
        XCTAssertEqual(extraction.translations.first?.missing, ["minecraft:decorated_pot": 1], "only the voxels inside the box are counted")
    }

    func testARefusedPasteWritesNothing() throws {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("world")
        _ = try WorldCreator.create(at: folder, settings: NewWorldSettings(name: "t", dataVersion: 3120, spawn: VoxelPosition(0, 0, 0)))
        let world = try World(at: folder)
        let planks = BlockVolume(size: (2, 2, 2), fill: BlockState("minecraft:cherry_planks"))
        let refuse = VersionTranslation(source: .v1_21, table: try .bundled(), missing: .refuse)
        XCTAssertThrowsError(try WorldPaster(world: world, translation: refuse).paste(planks, at: VoxelPosition(0, 0, 0))) { error in
            guard case .translation(.noEquivalent(let report)) = error as? WorldError else { return XCTFail("\(error)") }
            XCTAssertEqual(report.missing, ["minecraft:cherry_planks": 8])
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("region/r.0.0.mca").path))
        var air = refuse
        air.missing = .writeAir
        let summary = try WorldPaster(world: world, translation: air).paste(planks, at: VoxelPosition(0, 0, 0))
        XCTAssertEqual(summary.translations.first?.missing, ["minecraft:cherry_planks": 8])
        let back = try WorldExtractor(world: world).extract(WorldBox(origin: VoxelPosition(0, 0, 0), size: (2, 2, 2)))
        XCTAssertEqual(back.histogram(), [.air: 8])
    }
}
