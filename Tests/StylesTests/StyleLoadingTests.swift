import Anvil
import Foundation
import Styles
import TestSupport
import XCTest

final class StyleLoadingTests: XCTestCase {
    func testTheBundledStylesAreDesertNetherFrozenAndEnd() {
        XCTAssertEqual(Style.bundledNames, ["desert", "end", "frozen", "nether"])
    }

    func testEveryBundledStyleLoadsAndEveryTargetIsAKnownBlockWithValidProperties() throws {
        let table = try BlockPropertyTable.bundled()
        for name in Style.bundledNames {
            let style = try Style.load(named: name)
            XCTAssertFalse(style.description.isEmpty, name)
            XCTAssertGreaterThan(style.rules.count, 20, name)
            let mapper = try StyleMapper(style: style, table: table)
            XCTAssertEqual(mapper.unknownTargets, [], "\(name) targets blocks 1.21 does not have")
            for rule in style.rules {
                XCTAssertEqual(BlockState(token: rule.target.token), rule.target, "\(name): \(rule)")
                XCTAssertTrue(rule.source.name.hasPrefix("minecraft:"), "\(name): \(rule)")
            }
        }
    }

    func testDesertHasThePapersEntries() throws {
        let desert = try Style.load(named: "desert")
        let expected = [
            "minecraft:dirt": "minecraft:sand", "minecraft:grass_block": "minecraft:sand", "minecraft:farmland": "minecraft:sand",
            "minecraft:cobblestone": "minecraft:cut_red_sandstone", "minecraft:mossy_cobblestone": "minecraft:cut_red_sandstone",
            "minecraft:stone_bricks": "minecraft:cut_red_sandstone",
            "minecraft:cracked_stone_bricks": "minecraft:chiseled_red_sandstone",
            "minecraft:mossy_stone_bricks": "minecraft:red_sandstone",
            "minecraft:stone_brick_slab": "minecraft:cut_red_sandstone_slab",
            "minecraft:stone_brick_stairs": "minecraft:smooth_red_sandstone_stairs",
            "minecraft:tall_grass": "minecraft:dead_bush",
            "minecraft:grass": "minecraft:air", "minecraft:large_fern": "minecraft:air", "minecraft:vine": "minecraft:air",
            "minecraft:wheat": "minecraft:air", "minecraft:oak_leaves": "minecraft:air", "minecraft:fern": "minecraft:air",
        ]
        for (source, target) in expected { XCTAssertEqual(desert.map[source], target, source) }
    }

    func testAStyleFileLoadsFromDiskAndRoundTripsThroughCodable() throws {
        let folder = try Fixtures.temporaryDirectory(self)
        let url = folder.appendingPathComponent("mine.json")
        try Data(#"{"description": "mine", "map": {"stone": "minecraft:andesite"}}"#.utf8).write(to: url)
        let style = try Style.load(contentsOf: url)
        XCTAssertEqual(style.origin, url.path)
        XCTAssertEqual(style.rules, [StyleRule(source: BlockState("minecraft:stone"), target: BlockState("minecraft:andesite"))])
        let again = try JSONDecoder().decode(Style.self, from: JSONEncoder().encode(style))
        XCTAssertEqual(again, style)
    }

    func testBadStyleFilesGiveOneLineErrorsNamingTheFileAndEntry() throws {
        let cases: [(json: String, expected: StyleError)] = [
            (#"{"map": {"minecraft:Stone": "minecraft:sand"}}"#,
             .badEntry(file: "s.json", source: "minecraft:Stone", target: "minecraft:sand", problem: .sourceNotAToken)),
            (#"{"map": {"minecraft:stone": "minecraft:red sand"}}"#,
             .badEntry(file: "s.json", source: "minecraft:stone", target: "minecraft:red sand", problem: .targetNotAToken)),
            (#"{"map": {"minecraft:stone": "minecraft:stairs[half=top,half=bottom]"}}"#,
             .badEntry(file: "s.json", source: "minecraft:stone", target: "minecraft:stairs[half=top,half=bottom]", problem: .targetNotAToken)),
            (#"{"map": {"minecraft:stone": "minecraft:air[level=1]"}}"#,
             .badEntry(file: "s.json", source: "minecraft:stone", target: "minecraft:air[level=1]", problem: .airWithProperties)),
            (#"{"map": {"minecraft:stone": "minecraft:sand", "stone": "minecraft:dirt"}}"#,
             .badEntry(file: "s.json", source: "stone", target: "minecraft:dirt", problem: .duplicateSource(other: "minecraft:stone"))),
            (#"{"description": "no map"}"#, .notAStyle(file: "s.json", reason: "no \"map\" field")),
            (#"{"map": {"minecraft:stone": 3}}"#, .notAStyle(file: "s.json", reason: "map.minecraft:stone: expected a string")),
        ]
        for (json, expected) in cases {
            XCTAssertThrowsError(try Style.parse(Data(json.utf8), origin: "s.json"), json) { error in
                XCTAssertEqual(error as? StyleError, expected, json)
                let text = String(describing: error)
                XCTAssertTrue(text.hasPrefix("s.json: "), text)
                XCTAssertFalse(text.contains("\n"), text)
            }
        }
        XCTAssertThrowsError(try Style.parse(Data("{not json".utf8), origin: "s.json")) { error in
            guard case .notAStyle(let file, let reason)? = error as? StyleError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "s.json")
            XCTAssertTrue(reason.hasPrefix("invalid JSON"), reason)
        }
    }

    func testAPropertyTheTargetBlockLacksOrAValueItRefusesIsAnErrorWhenTheMapperIsBuilt() throws {
        let table = try BlockPropertyTable.bundled()
        let lacks = try Style(map: ["minecraft:stone": "minecraft:sand[facing=north]"], origin: "s.json")
        XCTAssertThrowsError(try StyleMapper(style: lacks, table: table)) { error in
            XCTAssertEqual(error as? StyleError, .badEntry(file: "s.json", source: "minecraft:stone", target: "minecraft:sand[facing=north]",
                                                          problem: .unknownTargetProperty(property: "facing", known: [])))
        }
        let refuses = try Style(map: ["minecraft:stone": "minecraft:snow[layers=9]"], origin: "s.json")
        XCTAssertThrowsError(try StyleMapper(style: refuses, table: table)) { error in
            XCTAssertEqual(error as? StyleError, .badEntry(file: "s.json", source: "minecraft:stone", target: "minecraft:snow[layers=9]",
                                                          problem: .invalidTargetValue(property: "layers", value: "9",
                                                                                       allowed: ["1", "2", "3", "4", "5", "6", "7", "8"])))
        }
    }

    func testUnknownNamesAndUnreadableFilesSayWhatToUse() throws {
        XCTAssertThrowsError(try Style.load(named: "beach")) { error in
            XCTAssertEqual(error as? StyleError, .unknownStyle(name: "beach", available: ["desert", "end", "frozen", "nether"]))
            XCTAssertTrue(String(describing: error).contains("desert, end, frozen, nether"))
        }
        XCTAssertThrowsError(try Style.load(named: "../styles/desert")) { error in
            guard case .unknownStyle? = error as? StyleError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Style.load(contentsOf: URL(fileURLWithPath: "/nonexistent/x.json"))) { error in
            guard case .unreadable(let file, _)? = error as? StyleError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "/nonexistent/x.json")
        }
    }
}
