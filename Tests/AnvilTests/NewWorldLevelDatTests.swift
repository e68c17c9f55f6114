import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// The new-world level.dat of each layout, compared field by field with a level.dat the game wrote
/// for the same DataVersion (../shared/worlds/real, see its SOURCES.md).
final class NewWorldLevelDatTests: XCTestCase {
    private func settings(_ dataVersion: Int) -> NewWorldSettings {
        NewWorldSettings(name: "worldgan test", dataVersion: dataVersion, spawn: VoxelPosition(24, -60, -8), seed: 42)
    }

    private func fixtureData(_ path: String) throws -> Compound {
        let document = try NBTFile.read(contentsOf: Fixtures.shared(path)).document
        return try XCTUnwrap(document.root["Data"]?.compound, path)
    }

    private func madeData(_ dataVersion: Int) throws -> Compound {
        try XCTUnwrap(NewWorldFiles(settings(dataVersion)).levelDat.root["Data"]?.compound)
    }

    func testLevelDatFor1_18_1HasEveryFieldOfTheGamesWithTheSameTypes() throws {
        let fixture = try fixtureData("worlds/real/querz-nbt/nbt7/level.dat")
        let shape = NewWorldShape(
            omitted: ["Data.Player", "Data.DragonFight.Gateways"],
            openMaps: ["Data.GameRules"],
            // The fixture's overworld is a noise world; ours is flat (its shape is checked against 1.21.11's).
            typeOnly: ["Data.WorldGenSettings.dimensions.minecraft:overworld.generator"])
        let problems = shape.differences(made: try madeData(2865), fixture: fixture, path: "Data")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testLevelDatFor1_21_11HasEveryFieldOfTheGamesWithTheSameTypes() throws {
        let fixture = try fixtureData("worlds/real/hellonbt/level.dat")
        let shape = NewWorldShape(omitted: ["Data.Player", "Data.DragonFight.Gateways"], openMaps: ["Data.game_rules"])
        let problems = shape.differences(made: try madeData(4671), fixture: fixture, path: "Data")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testLevelDatFor26_1SnapshotHasEveryFieldOfTheGamesWithTheSameTypes() throws {
        let fixture = try fixtureData("worlds/real/mcaselector/generator/level.dat")
        let problems = NewWorldShape().differences(made: try madeData(4774), fixture: fixture, path: "Data")
        XCTAssertEqual(problems, [], problems.joined(separator: "\n"))
    }

    func testOldLayoutsKeepTheirGenerationsFieldsAndNotTheNewOnes() throws {
        let old = try madeData(2865)
        XCTAssertEqual(old["SpawnX"], .int(24))
        XCTAssertEqual(old["SpawnY"], .int(-60))
        XCTAssertEqual(old["SpawnZ"], .int(-8))
        XCTAssertEqual(old["BorderSize"], .double(59_999_968))
        XCTAssertNil(old["spawn"])
        XCTAssertNil(old["game_rules"])
        let rules = try XCTUnwrap(old["GameRules"]?.compound)
        XCTAssertEqual(rules["doDaylightCycle"], .string("false"))
        XCTAssertEqual(rules["doMobSpawning"], .string("false"))
        XCTAssertEqual(rules["spawnRadius"], .string("0"))
        let flat = try XCTUnwrap(old["WorldGenSettings"]?.compound?["dimensions"]?.compound?["minecraft:overworld"]?
            .compound?["generator"]?.compound?["settings"]?.compound)
        XCTAssertEqual(flat["structures"], .compound(Compound([("structures", .compound(Compound()))])))
        XCTAssertNil(flat["structure_overrides"])
    }

    func test1_21_9HasTheSpawnCompoundButStillStringGameRulesAndNoBorder() throws {
        let data = try madeData(4554)
        let spawn = try XCTUnwrap(data["spawn"]?.compound)
        XCTAssertEqual(spawn["pos"], .intArray([24, -60, -8]))
        XCTAssertEqual(spawn["dimension"], .string("minecraft:overworld"))
        XCTAssertNil(data["SpawnX"])
        XCTAssertNil(data["BorderSize"])
        XCTAssertEqual(data["GameRules"]?.compound?["doDaylightCycle"], .string("false"))
        XCTAssertNil(data["game_rules"])
        XCTAssertEqual(data["Version"]?.compound?["Name"], .string("1.21.9"))
    }

    func test1_21_11GameRulesAreNamespacedAndTyped() throws {
        let rules = try XCTUnwrap(madeData(4671)["game_rules"]?.compound)
        XCTAssertEqual(rules["minecraft:advance_time"], .byte(0))
        XCTAssertEqual(rules["minecraft:advance_weather"], .byte(0))
        XCTAssertEqual(rules["minecraft:spawn_monsters"], .byte(0))
        XCTAssertEqual(rules["minecraft:respawn_radius"], .int(0))
    }

    func testReadingBackGivesTheNameVersionAndSpawnWeSet() throws {
        for (dataVersion, name) in [(2865, "1.18.1"), (4554, "1.21.9"), (4671, "1.21.11"), (4774, "26.1 Snapshot 6")] {
            let level = try LevelDat(NewWorldFiles(settings(dataVersion)).levelDat)
            XCTAssertEqual(level.levelName, "worldgan test", "\(dataVersion)")
            XCTAssertEqual(level.dataVersion, dataVersion)
            XCTAssertEqual(level.versionName, name)
            XCTAssertEqual(level.spawn?.x, 24, "\(dataVersion)")
            XCTAssertEqual(level.spawn?.y, -60, "\(dataVersion)")
            XCTAssertEqual(level.spawn?.z, -8, "\(dataVersion)")
        }
    }

    func testVoidWorldHasAnEmptyLayerList() throws {
        var settings = settings(4671)
        settings.layers = []
        let data = try XCTUnwrap(NewWorldFiles(settings).levelDat.root["Data"]?.compound)
        let flat = data["WorldGenSettings"]?.compound?["dimensions"]?.compound?["minecraft:overworld"]?
            .compound?["generator"]?.compound?["settings"]?.compound
        XCTAssertEqual(flat?["layers"], .list(.end, []))
        XCTAssertEqual(flat?["biome"], .string("minecraft:plains"))
        XCTAssertEqual(flat?["features"], .byte(0))
        XCTAssertEqual(flat?["lakes"], .byte(0))
    }

    func testTheCompatibilityBuilderWrites1_21_11() throws {
        let data = try XCTUnwrap(LevelDat.newWorld(name: "test", spawn: (1, -60, 2)).root["Data"]?.compound)
        XCTAssertEqual(data["DataVersion"], .int(4671))
        XCTAssertEqual(data["spawn"]?.compound?["pos"], .intArray([1, -60, 2]))
        XCTAssertEqual(try LevelDat.newWorld(name: "test", dataVersion: 4671, spawn: (1, -60, 2)),
                       LevelDat.newWorld(name: "test", spawn: (1, -60, 2)))
    }

    func testShapeComparisonReportsMissingMistypedAndUnknownKeys() {
        let fixture = Compound([("a", .int(1)), ("b", .compound(Compound([("c", .string("x")), ("skip", .byte(0))]))),
                                ("rules", .compound(Compound([("known", .byte(1)), ("other", .byte(1))])))])
        let made = Compound([("a", .long(1)), ("b", .compound(Compound([("extra", .byte(0))]))),
                             ("rules", .compound(Compound([("known", .int(0)), ("bogus", .byte(0))])))])
        let shape = NewWorldShape(omitted: ["D.b.skip"], openMaps: ["D.rules"])
        XCTAssertEqual(Set(shape.differences(made: made, fixture: fixture, path: "D")), [
            "D.a: written as \(TagType.long), fixture has \(TagType.int)",
            "D.b.c: missing (fixture has \(TagType.string))",
            "D.b.extra: written but unknown to the fixture",
            "D.rules.known: written as \(TagType.int), fixture has \(TagType.byte)",
            "D.rules.bogus: written but unknown to the fixture",
        ])
    }
}
