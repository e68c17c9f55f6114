import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Whole new-world folders: what is written where, the 26.1 saved data, and the refusals.
final class NewWorldCreatorTests: XCTestCase {
    private func settings(_ dataVersion: Int) -> NewWorldSettings {
        NewWorldSettings(name: "samples", dataVersion: dataVersion, spawn: VoxelPosition(24, -60, 24), seed: 7)
    }

    func testCreatedWorldOpensWithWorldAtAndHoldsWhatWeSet() throws {
        for dataVersion in [2865, 4671, 4774] {
            let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("world")
            let created = try WorldCreator.create(at: folder, settings: settings(dataVersion))
            let world = try World(at: folder)
            XCTAssertEqual(world.level.levelName, "samples")
            XCTAssertEqual(world.level.dataVersion, dataVersion)
            XCTAssertEqual(world.level.spawn?.x, 24)
            XCTAssertEqual(world.level.spawn?.y, -60)
            XCTAssertEqual(created.files.last, "level.dat")
            XCTAssertEqual(created.warnings, [])
            var isFolder: ObjCBool = false
            XCTAssertTrue(FileManager.default.fileExists(atPath: created.regionFolder(.overworld).path, isDirectory: &isFolder))
            XCTAssertTrue(isFolder.boolValue)
            let lock = try Data(contentsOf: folder.appendingPathComponent("session.lock"))
            XCTAssertEqual([UInt8](lock), [0xE2, 0x98, 0x83])
            // level.dat on disk is gzip and parses back to exactly what we built.
            let (document, compression) = try NBTFile.read(contentsOf: folder.appendingPathComponent("level.dat"))
            XCTAssertEqual(compression, .gzip)
            XCTAssertEqual(document, try NewWorldFiles(settings(dataVersion)).levelDat)
        }
    }

    func testRegionFoldersFollowTheLayout() throws {
        XCTAssertEqual(try LevelFormat(dataVersion: 4671).regionFolder(.overworld), "region")
        XCTAssertEqual(try LevelFormat(dataVersion: 4671).regionFolder(.nether), "DIM-1/region")
        XCTAssertEqual(try LevelFormat(dataVersion: 4774).regionFolder(.overworld), "dimensions/minecraft/overworld/region")
        XCTAssertEqual(try LevelFormat(dataVersion: 4774).regionFolder(.end), "dimensions/minecraft/the_end/region")
        XCTAssertEqual(LevelFormat.regionFolder(.nether, dataVersion: 1343), "DIM-1/region")
        XCTAssertEqual(LevelFormat.regionFolder(.end, dataVersion: nil), "DIM1/region")
        XCTAssertEqual(LevelFormat.regionFolder(.nether, dataVersion: 4772), "dimensions/minecraft/the_nether/region")
    }

    func test26_1WritesItsSavedDataFilesAndOlderLayoutsDoNot() throws {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("w26")
        let created = try WorldCreator.create(at: folder, settings: settings(4774))
        XCTAssertEqual(created.files, ["data/minecraft/world_gen_settings.dat", "data/minecraft/game_rules.dat",
                                       "data/minecraft/world_clocks.dat", "session.lock", "level.dat"])
        for path in created.files where path.hasSuffix(".dat") && path != "level.dat" {
            let root = try NBTFile.read(contentsOf: folder.appendingPathComponent(path)).document.root
            XCTAssertEqual(root["DataVersion"], .int(4774), path)
            XCTAssertNotNil(root["data"]?.compound, path)
            XCTAssertEqual(root.keys.sorted(), ["DataVersion", "data"], path)
        }
        let old = try WorldCreator.create(at: folder.deletingLastPathComponent().appendingPathComponent("w21"), settings: settings(4671))
        XCTAssertEqual(old.files, ["session.lock", "level.dat"])
    }

    func test26_1WorldGenSettingsHaveTheShapeOf1_21_11sWorldGenSettings() throws {
        // 26.1 moved WorldGenSettings into its own file with the same codec, so the 1.21.11 file
        // the game wrote (a flat world too) is the reference for its shape.
        let fixture = try NBTFile.read(contentsOf: Fixtures.shared("worlds/real/hellonbt/level.dat")).document
        let reference = try XCTUnwrap(fixture.root["Data"]?.compound?["WorldGenSettings"]?.compound)
        let files = try NewWorldFiles(settings(4774))
        let file = try XCTUnwrap(files.savedData.first { $0.path == "data/minecraft/world_gen_settings.dat" })
        let data = try XCTUnwrap(file.document.root["data"]?.compound)
        let problems = NewWorldShape().differences(made: data, fixture: reference, path: "data")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
        XCTAssertEqual(data["seed"], .long(7))
    }

    func test26_1GameRulesAreKnownToTheGameWithTheirTypesAndTheClockIsAtNoon() throws {
        let fixture = try NBTFile.read(contentsOf: Fixtures.shared("worlds/real/hellonbt/level.dat")).document
        let reference = try XCTUnwrap(fixture.root["Data"]?.compound?["game_rules"]?.compound)
        let files = try NewWorldFiles(settings(4774))
        let rules = try XCTUnwrap(files.savedData.first { $0.path.hasSuffix("game_rules.dat") }?.document.root["data"]?.compound)
        let problems = NewWorldShape(openMaps: ["data"]).differences(made: rules, fixture: reference, path: "data")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
        XCTAssertEqual(rules["minecraft:advance_time"], .byte(0))
        let clocks = try XCTUnwrap(files.savedData.first { $0.path.hasSuffix("world_clocks.dat") }?.document.root["data"]?.compound)
        XCTAssertEqual(clocks["minecraft:overworld"]?.compound?["total_ticks"], .long(6000))
    }

    func testAFolderThatHoldsAWorldIsNeverOverwritten() throws {
        let folder = try Fixtures.temporaryDirectory(self)
        _ = try WorldCreator.create(at: folder, settings: settings(4671))
        let before = try Data(contentsOf: folder.appendingPathComponent("level.dat"))
        XCTAssertThrowsError(try WorldCreator.create(at: folder, settings: settings(2865))) { error in
            XCTAssertEqual(error as? NewWorldError, .worldExists(path: folder.path))
            XCTAssertTrue("\(error)".contains("already holds a world"))
        }
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("level.dat")), before)
    }

    func testVersionsBefore1_18AreRefusedWithAHint() throws {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("old")
        XCTAssertThrowsError(try WorldCreator.create(at: folder, settings: settings(2730))) { error in
            XCTAssertEqual(error as? NewWorldError, .dataVersionTooOld(2730))
            XCTAssertTrue("\(error)".contains("1.18"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path), "nothing is created for a refused version")
        XCTAssertNoThrow(try LevelFormat(dataVersion: 2860))
    }

    func testASpawnOutsideTheWorldIsRefused() throws {
        var settings = settings(4671)
        settings.spawn = VoxelPosition(0, 400, 0)
        XCTAssertThrowsError(try NewWorldFiles(settings)) { error in
            XCTAssertEqual(error as? NewWorldError, .spawnOutsideWorld(y: 400))
        }
    }

    func testNewerDataVersionsUseTheNewestLayoutWithAWarning() throws {
        let folder = try Fixtures.temporaryDirectory(self).appendingPathComponent("future")
        let created = try WorldCreator.create(at: folder, settings: settings(9000))
        XCTAssertTrue(created.format.splitsLevelDat)
        XCTAssertEqual(created.warnings.count, 1)
        XCTAssertTrue(created.warnings[0].contains("9000"))
        let data = try XCTUnwrap(NBTFile.read(contentsOf: folder.appendingPathComponent("level.dat")).document.root["Data"]?.compound)
        XCTAssertEqual(data["Version"]?.compound?["Name"], .string("DataVersion 9000"))
    }

    func testSnapshotNamesSetTheSnapshotFlag() {
        XCTAssertTrue(MinecraftVersionName.isSnapshot("26.1 Snapshot 6"))
        XCTAssertTrue(MinecraftVersionName.isSnapshot("25w44a"))
        XCTAssertTrue(MinecraftVersionName.isSnapshot("1.21.9-pre1"))
        XCTAssertFalse(MinecraftVersionName.isSnapshot("1.21.11"))
        XCTAssertEqual(MinecraftVersionName.dataVersion(named: "1.21.11"), 4671)
    }
}
