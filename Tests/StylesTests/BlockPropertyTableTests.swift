import Anvil
import Foundation
import Styles
import XCTest

final class BlockPropertyTableTests: XCTestCase {
    func testFamilyRulesGiveStairsSlabsWallsAndLogsTheirPropertiesWithDefaultsFirst() throws {
        let table = try BlockPropertyTable.bundled()
        XCTAssertEqual(table.version, "1.21.1")
        let stairs = try XCTUnwrap(table.properties(of: "minecraft:smooth_red_sandstone_stairs"))
        XCTAssertEqual(stairs.keys.sorted(), ["facing", "half", "shape", "waterlogged"])
        XCTAssertEqual(stairs["facing"]?.first, "north")
        XCTAssertEqual(stairs["shape"]?.first, "straight")
        XCTAssertEqual(table.properties(of: "minecraft:cut_red_sandstone_slab"),
                       ["type": ["bottom", "top", "double"], "waterlogged": ["false", "true"]])
        XCTAssertEqual(table.properties(of: "minecraft:red_sandstone_wall")?.keys.sorted(),
                       ["east", "north", "south", "up", "waterlogged", "west"])
        XCTAssertEqual(table.properties(of: "minecraft:stripped_acacia_log"), ["axis": ["y", "x", "z"]])
        XCTAssertEqual(table.properties(of: "minecraft:purpur_pillar"), ["axis": ["y", "x", "z"]])
        XCTAssertEqual(table.properties(of: "minecraft:oak_leaves")?.keys.sorted(), ["distance", "persistent", "waterlogged"])
    }

    func testTheLongestSuffixWinsAndNewerBlocksOfAFamilyAreCovered() throws {
        let table = try BlockPropertyTable.bundled()
        XCTAssertEqual(table.properties(of: "minecraft:oak_fence_gate")?.keys.sorted(), ["facing", "in_wall", "open", "powered"])
        XCTAssertEqual(table.properties(of: "minecraft:oak_fence")?.keys.sorted(), ["east", "north", "south", "waterlogged", "west"])
        XCTAssertEqual(table.properties(of: "minecraft:oak_wall_sign")?.keys.sorted(), ["facing", "waterlogged"])
        // pale_oak arrived after 1.21.1: only the family rule knows it.
        XCTAssertEqual(table.properties(of: "minecraft:pale_oak_stairs")?.keys.sorted(), ["facing", "half", "shape", "waterlogged"])
    }

    func testExplicitEntriesPlainBlocksAndUnknownBlocksAreTold() throws {
        let table = try BlockPropertyTable.bundled()
        XCTAssertEqual(table.properties(of: "minecraft:chest")?.keys.sorted(), ["facing", "type", "waterlogged"])
        XCTAssertEqual(table.properties(of: "minecraft:vine")?.keys.sorted(), ["east", "north", "south", "up", "west"])
        XCTAssertEqual(table.properties(of: "minecraft:sand"), [:])
        XCTAssertEqual(table.properties(of: "minecraft:dead_bush"), [:])
        XCTAssertTrue(table.knows("minecraft:air"))
        XCTAssertNil(table.properties(of: "minecraft:red_sandstone_stair"), "a misspelt name is unknown")
        XCTAssertFalse(table.knows("mymod:marble"))
    }

    func testCarryOverKeepsEverythingForTheSameBlockAndOnlyAllowedValuesOtherwise() {
        let table = BlockPropertyTable(version: "test", blocks: ["minecraft:lamp": ["lit": ["false", "true"]]],
                                       plain: ["minecraft:rock"], families: ["_step": ["half": ["low", "high"], "wet": ["no", "yes"]]])
        let step = BlockState("minecraft:old_step", ["half": "high", "colour": "red"])
        XCTAssertEqual(table.carryOver(from: step, to: BlockState("minecraft:old_step", ["wet": "yes"])),
                       BlockState("minecraft:old_step", ["half": "high", "colour": "red", "wet": "yes"]))
        XCTAssertEqual(table.carryOver(from: step, to: BlockState("minecraft:new_step")),
                       BlockState("minecraft:new_step", ["half": "high", "wet": "no"]))
        XCTAssertEqual(table.carryOver(from: BlockState("minecraft:x", ["half": "top"]), to: BlockState("minecraft:new_step")),
                       BlockState("minecraft:new_step", ["half": "low", "wet": "no"]), "top is not a step's half")
        XCTAssertEqual(table.carryOver(from: step, to: BlockState("minecraft:rock")), BlockState("minecraft:rock"))
        XCTAssertEqual(table.carryOver(from: step, to: BlockState("minecraft:lamp")), BlockState("minecraft:lamp", ["lit": "false"]))
        XCTAssertEqual(table.carryOver(from: step, to: BlockState("minecraft:cave_air")), BlockState("minecraft:cave_air"))
    }

    func testAMalformedTableIsATypedError() {
        let cases = [#"{"version": "x"}"#, #"{"version": "x", "families": {"_a": {"p": []}}, "blocks": {}, "plain": []}"#]
        for json in cases {
            XCTAssertThrowsError(try BlockPropertyTable.parse(Data(json.utf8), origin: "t.json")) { error in
                guard case .badPropertyTable(let file, _)? = error as? StyleError else { return XCTFail("\(error)") }
                XCTAssertEqual(file, "t.json")
            }
        }
    }
}
