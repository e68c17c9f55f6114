import Anvil
import XCTest

final class DerivedPropertiesTests: XCTestCase {
    func testCanonicalStatesKeepRealChoicesAndFixDerivedOnes() {
        let leaf = BlockState("oak_leaves", ["distance": "5", "persistent": "true", "waterlogged": "false"])
        XCTAssertEqual(DerivedProperties.canonical(leaf).token, "minecraft:oak_leaves[distance=1,persistent=true,waterlogged=false]")
        let stair = BlockState("oak_stairs", ["facing": "east", "half": "top", "shape": "inner_left", "waterlogged": "false"])
        XCTAssertEqual(DerivedProperties.canonical(stair)["shape"], "straight")
        XCTAssertEqual(DerivedProperties.canonical(stair)["facing"], "east")
        let newWall = BlockState("cobblestone_wall", ["north": "tall", "east": "low", "south": "none", "west": "none", "up": "false", "waterlogged": "false"])
        XCTAssertEqual(DerivedProperties.canonical(newWall)["north"], "none")
        XCTAssertEqual(DerivedProperties.canonical(newWall)["up"], "true")
        let oldWall = BlockState("cobblestone_wall", ["north": "true", "east": "false", "south": "false", "west": "false", "up": "true"])
        XCTAssertEqual(DerivedProperties.canonical(oldWall)["north"], "false")
        XCTAssertEqual(DerivedProperties.canonical(BlockState("stone")), BlockState("stone"))
        XCTAssertEqual(DerivedProperties.canonical(BlockState("oak_wall_sign", ["facing": "north"]))["facing"], "north")
    }

    func testLeafDistancesCountStepsFromTheNearestLogCappedAtSeven() {
        var v = BlockVolume(size: (10, 1, 1))
        v[0, 0, 0] = BlockState("oak_log", ["axis": "y"])
        for x in 1..<10 { v[x, 0, 0] = BlockState("oak_leaves", ["distance": "1", "persistent": "false"]) }
        DerivedProperties.recompute(in: &v)
        XCTAssertEqual((1..<10).map { v[$0, 0, 0]["distance"] }, ["1", "2", "3", "4", "5", "6", "7", "7", "7"])
    }

    func testLeavesOutOfALogsReachDecayUnlessPersistentAndWaterloggedOnesLeaveWater() {
        var v = BlockVolume(size: (10, 1, 3))
        v[0, 0, 0] = BlockState("oak_log", ["axis": "y"])
        for x in 1..<10 {
            v[x, 0, 0] = BlockState("oak_leaves", ["distance": "1", "persistent": "false", "waterlogged": "false"])
            v[x, 0, 2] = BlockState("birch_leaves", ["distance": "1", "persistent": "true", "waterlogged": "false"])
        }
        v[9, 0, 1] = BlockState("spruce_leaves", ["distance": "1", "persistent": "false", "waterlogged": "true"])
        DerivedProperties.recompute(in: &v)
        XCTAssertEqual(DerivedProperties.decayUnsupportedLeaves(in: &v), 4)
        XCTAssertEqual((1..<10).map { v[$0, 0, 0].name }, Array(repeating: "minecraft:oak_leaves", count: 6) + Array(repeating: "minecraft:air", count: 3))
        XCTAssertEqual(v[6, 0, 0]["distance"], "6")
        XCTAssertEqual(v[9, 0, 1], BlockState("water", ["level": "0"]))
        XCTAssertTrue((1..<10).allSatisfy { v[$0, 0, 2].name == "minecraft:birch_leaves" }, "persistent leaves never decay")
        XCTAssertFalse(v.palette.contains { $0["distance"] == "7" && $0["persistent"] == "false" })
        XCTAssertEqual(DerivedProperties.decayUnsupportedLeaves(in: &v), 0, "nothing left to decay")
    }

    func testFencesAndPanesJoinNeighboursAndSolidBlocksOnly() {
        var v = BlockVolume(size: (3, 1, 3))
        let fence = BlockState("oak_fence", ["north": "false", "east": "false", "south": "false", "west": "false", "waterlogged": "false"])
        v[1, 0, 1] = fence
        v[2, 0, 1] = fence                       // east: another fence
        v[0, 0, 1] = BlockState("stone")         // west: a solid block
        v[1, 0, 0] = BlockState("poppy")         // north: a plant, no connection
        DerivedProperties.recompute(in: &v)
        let centre = v[1, 0, 1]
        XCTAssertEqual([centre["north"], centre["east"], centre["south"], centre["west"]], ["false", "true", "false", "true"])
        XCTAssertEqual(v[2, 0, 1]["west"], "true")
    }

    func testStairsMeetingAtACornerTurnInnerAndOuter() {
        // Stairs along z facing east at x = 1, and along x facing south at z = 2: the stair at
        // (1, 0, 2) has a stair facing south behind it (west side) → an inner corner.
        var v = BlockVolume(size: (3, 1, 3))
        func stair(_ facing: String) -> BlockState {
            BlockState("oak_stairs", ["facing": facing, "half": "bottom", "shape": "straight", "waterlogged": "false"])
        }
        v[1, 0, 0] = stair("east")
        v[1, 0, 1] = stair("east")
        v[1, 0, 2] = stair("east")
        v[0, 0, 2] = stair("south")
        DerivedProperties.recompute(in: &v)
        XCTAssertEqual(v[1, 0, 0]["shape"], "straight")
        XCTAssertEqual(v[1, 0, 2]["shape"], "inner_right")
        // The stair in front of a north-facing stair that faces east makes an outer corner.
        var w = BlockVolume(size: (1, 1, 2))
        w[0, 0, 1] = stair("north")
        w[0, 0, 0] = stair("east")
        DerivedProperties.recompute(in: &w)
        XCTAssertEqual(w[0, 0, 1]["shape"], "outer_right")
    }

    func testSnowyGroundFollowsTheBlockAbove() {
        var v = BlockVolume(size: (1, 2, 2))
        v[0, 0, 0] = BlockState("grass_block", ["snowy": "false"])
        v[0, 1, 0] = BlockState("snow", ["layers": "1"])
        v[0, 0, 1] = BlockState("grass_block", ["snowy": "true"])
        DerivedProperties.recompute(in: &v)
        XCTAssertEqual(v[0, 0, 0]["snowy"], "true")
        XCTAssertEqual(v[0, 0, 1]["snowy"], "false")
    }
}
