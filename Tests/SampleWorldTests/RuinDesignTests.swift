import Anvil
import SampleWorld
import XCTest

final class RuinDesignTests: XCTestCase {
    func testSameSeedBuildsTheSameRuin() {
        XCTAssertEqual(RuinDesign.build(seed: 7), RuinDesign.build(seed: 7))
        XCTAssertNotEqual(RuinDesign.build(seed: 7), RuinDesign.build(seed: 8))
    }

    func testRuinHasTheVarietyTheIssueAsksFor() {
        let v = RuinDesign.build()
        XCTAssertEqual(v.size.0, 48); XCTAssertEqual(v.size.1, 16); XCTAssertEqual(v.size.2, 48)
        let states = Set(v.histogram().keys)
        let names = Set(states.map(\.name))
        for required in ["minecraft:stone_bricks", "minecraft:mossy_stone_bricks", "minecraft:cracked_stone_bricks",
                         "minecraft:stone_brick_stairs", "minecraft:stone_brick_slab", "minecraft:vine",
                         "minecraft:grass_block", "minecraft:short_grass", "minecraft:chest"] {
            XCTAssertTrue(names.contains(required), "ruin lacks \(required)")
        }
        let stairFacings = Set(states.filter { $0.name == "minecraft:stone_brick_stairs" }.compactMap { $0["facing"] })
        XCTAssertEqual(stairFacings, ["north", "south", "east", "west"])
        let slabTypes = Set(states.filter { $0.name == "minecraft:stone_brick_slab" }.compactMap { $0["type"] })
        XCTAssertEqual(slabTypes, ["top", "bottom"])
        XCTAssertEqual(v.blockEntities.count, 1)
        XCTAssertGreaterThan(states.count, 30, "a vocabulary worth learning")
    }
}
