import Anvil
import XCTest

/// The bundled rename table (generated from minecraft-data and `version-facts.json`, see
/// `make-version-table.py`): the renames the issue names, splits, both directions, states without
/// equivalent, and the no-ops.
final class BlockVersionTableTests: XCTestCase {
    private let v1_13_2 = DataVersion(1631), v1_14 = DataVersion(1952), v1_15_2 = DataVersion(2230)
    private let v1_16 = DataVersion(2566), v1_16_5 = DataVersion(2586), v1_17 = DataVersion(2724)
    private let v1_19_2 = DataVersion(3120), v1_20_2 = DataVersion(3578), v1_20_3 = DataVersion(3698)
    private let v1_21_8 = DataVersion(4440), v1_21_9 = DataVersion(4554)

    private func table() throws -> BlockVersionTable { try BlockVersionTable.bundled() }

    private func up(_ token: String, _ from: DataVersion, _ to: DataVersion) throws -> String? {
        try table().translate(XCTUnwrap(BlockState(token: token)), from: from, to: to)?.token
    }

    func testBundledTableHoldsEveryGeneratedRowAndItsSteps() throws {
        let table = try table()
        XCTAssertEqual(table.count, 992)   // the row count in the TSV header
        XCTAssertEqual(table.stepVersions.first, DataVersion(1628))
        XCTAssertTrue(table.stepVersions.contains(v1_20_3))
        XCTAssertEqual(table.stepVersions, table.stepVersions.sorted())
    }

    func testGrassBecomesShortGrassExactlyAt1_20_3AndBackBelowIt() throws {
        XCTAssertEqual(try up("minecraft:grass", v1_16_5, .v1_21), "minecraft:short_grass")
        XCTAssertEqual(try up("minecraft:grass", v1_20_2, DataVersion(3697)), "minecraft:grass")
        XCTAssertEqual(try up("minecraft:grass", v1_20_2, v1_20_3), "minecraft:short_grass")
        XCTAssertEqual(try up("minecraft:short_grass", .v1_21, v1_16_5), "minecraft:grass")
        XCTAssertEqual(try up("minecraft:short_grass", v1_20_3, v1_20_2), "minecraft:grass")
        // the grass block kept its name throughout
        XCTAssertEqual(try up("minecraft:grass_block[snowy=false]", v1_16_5, .v1_21), "minecraft:grass_block[snowy=false]")
    }

    func testFlatteningEraRenamesKeepTheOtherProperties() throws {
        XCTAssertEqual(try up("minecraft:grass_path", v1_16_5, v1_17), "minecraft:dirt_path")
        XCTAssertEqual(try up("minecraft:dirt_path", v1_17, v1_16_5), "minecraft:grass_path")
        XCTAssertEqual(try up("minecraft:sign[rotation=7,waterlogged=true]", v1_13_2, v1_14), "minecraft:oak_sign[rotation=7,waterlogged=true]")
        XCTAssertEqual(try up("minecraft:wall_sign[facing=east,waterlogged=false]", v1_13_2, .v1_21),
                       "minecraft:oak_wall_sign[facing=east,waterlogged=false]")
        XCTAssertEqual(try up("minecraft:oak_wall_sign[facing=east,waterlogged=false]", .v1_21, v1_13_2),
                       "minecraft:wall_sign[facing=east,waterlogged=false]")
        XCTAssertEqual(try up("minecraft:stone_slab[type=top,waterlogged=false]", v1_13_2, v1_14),
                       "minecraft:smooth_stone_slab[type=top,waterlogged=false]")
        XCTAssertEqual(try up("minecraft:chain[axis=x,waterlogged=false]", v1_21_8, v1_21_9), "minecraft:iron_chain[axis=x,waterlogged=false]")
        XCTAssertEqual(try up("minecraft:iron_chain[axis=z,waterlogged=false]", v1_21_9, v1_16_5), "minecraft:chain[axis=z,waterlogged=false]")
    }

    func testSeveralStepsApplyInOrder() throws {
        // 1.13 sign → 1.14 oak_sign; 1.16 walls; 1.17 cauldron split; 1.20.3 grass — in one translation
        let t = try table()
        for (old, new) in [("minecraft:sign[rotation=0,waterlogged=false]", "minecraft:oak_sign[rotation=0,waterlogged=false]"),
                           ("minecraft:grass", "minecraft:short_grass"), ("minecraft:cauldron[level=3]", "minecraft:water_cauldron[level=3]")] {
            XCTAssertEqual(t.translate(try XCTUnwrap(BlockState(token: old)), from: v1_13_2, to: .v1_21_11)?.token, new, old)
            XCTAssertEqual(t.translate(try XCTUnwrap(BlockState(token: new)), from: .v1_21_11, to: v1_13_2)?.token, old, new)
        }
    }

    func testCauldronLevelsSplitIntoWaterCauldronIn1_17() throws {
        XCTAssertEqual(try up("minecraft:cauldron[level=0]", v1_16_5, v1_17), "minecraft:cauldron")
        XCTAssertEqual(try up("minecraft:cauldron[level=2]", v1_16_5, v1_17), "minecraft:water_cauldron[level=2]")
        XCTAssertEqual(try up("minecraft:water_cauldron[level=2]", v1_17, v1_16_5), "minecraft:cauldron[level=2]")
        XCTAssertEqual(try up("minecraft:cauldron", v1_17, v1_16_5), "minecraft:cauldron")
    }

    func testWallSidesChangeIndependentlyIn1_16() throws {
        XCTAssertEqual(try up("minecraft:cobblestone_wall[east=true,north=false,south=true,up=true,waterlogged=false,west=false]", v1_15_2, v1_16),
                       "minecraft:cobblestone_wall[east=low,north=none,south=low,up=true,waterlogged=false,west=none]")
        XCTAssertEqual(try up("minecraft:cobblestone_wall[east=tall,north=none,south=low,up=false,waterlogged=false,west=none]", v1_16, v1_15_2),
                       "minecraft:cobblestone_wall[east=true,north=false,south=true,up=false,waterlogged=false,west=false]")
    }

    func testStatesWithoutEquivalentInTheTargetAreNil() throws {
        XCTAssertNil(try up("minecraft:cherry_planks", .v1_21, v1_19_2))
        XCTAssertNil(try up("minecraft:lava_cauldron", v1_17, v1_16_5))
        // 1.14's plain stone slab has no 1.13 counterpart (1.13's stone_slab is 1.14's smooth_stone_slab)
        XCTAssertNil(try up("minecraft:stone_slab[type=bottom,waterlogged=false]", v1_14, v1_13_2))
        XCTAssertEqual(try up("minecraft:smooth_stone_slab[type=bottom,waterlogged=false]", v1_14, v1_13_2),
                       "minecraft:stone_slab[type=bottom,waterlogged=false]")
        XCTAssertEqual(try up("minecraft:cherry_planks", .v1_21, .v1_21_11), "minecraft:cherry_planks")
    }

    func testJigsawFacingBecomesOrientationIn1_16AndBack() throws {
        // orientation = front_top: the front is the old facing; an up/down front gets a horizontal top
        for (facing, orientation) in [("west", "west_up"), ("north", "north_up"), ("down", "down_south"), ("up", "up_north")] {
            XCTAssertEqual(try up("minecraft:jigsaw[facing=\(facing)]", v1_15_2, v1_16), "minecraft:jigsaw[orientation=\(orientation)]")
            XCTAssertEqual(try up("minecraft:jigsaw[orientation=\(orientation)]", v1_16, v1_15_2), "minecraft:jigsaw[facing=\(facing)]")
        }
        XCTAssertEqual(try up("minecraft:jigsaw[orientation=up_east]", v1_16, v1_15_2), "minecraft:jigsaw[facing=up]")
    }

    func testCreakingHeartStateFollowsItsTwoRenamesAndComesBack() throws {
        let v1_21_2 = DataVersion(4080), v1_21_4 = DataVersion(4189), v1_21_5 = DataVersion(4325)
        let heart = "minecraft:creaking_heart[axis=y,creaking=active]"
        XCTAssertEqual(try up(heart, v1_21_2, v1_21_4), "minecraft:creaking_heart[active=true,axis=y]")
        XCTAssertEqual(try up(heart, v1_21_2, v1_21_5), "minecraft:creaking_heart[axis=y,creaking_heart_state=awake]")
        XCTAssertEqual(try up("minecraft:creaking_heart[axis=y,creaking_heart_state=awake,natural=true]", v1_21_5, v1_21_2), heart)
        XCTAssertEqual(try up("minecraft:creaking_heart[axis=y,creaking_heart_state=uprooted,natural=false]", v1_21_5, v1_21_2),
                       "minecraft:creaking_heart[axis=y,creaking=dormant]")
    }

    func testPropertiesAnOlderVersionLacksAreDroppedGoingDown() throws {
        // minecraft-data: leaves became waterloggable in 1.19, bells got `powered` in 1.15
        XCTAssertEqual(try up("minecraft:oak_leaves[distance=3,persistent=true,waterlogged=true]", v1_19_2, DataVersion(2975)),
                       "minecraft:oak_leaves[distance=3,persistent=true]")
        XCTAssertEqual(try up("minecraft:bell[attachment=floor,facing=north,powered=true]", v1_15_2, DataVersion(1976)),
                       "minecraft:bell[attachment=floor,facing=north]")
    }

    func testBlocksAddedAfter1_19_2HaveNoEquivalentBeforeTheirRelease() throws {
        for (token, added) in [("minecraft:trial_spawner", v1_20_3), ("minecraft:pale_oak_planks", DataVersion(4080)),
                               ("minecraft:waxed_copper_golem_statue", v1_21_9), ("minecraft:dead_tube_coral", DataVersion(1628))] {
            XCTAssertNil(try up(token, .v1_21_11, DataVersion(added.rawValue - 1)), token)
            XCTAssertEqual(try up(token, .v1_21_11, added), token)
        }
    }

    func testEqualVersionsAndUnknownBlocksAreLeftAlone() throws {
        for token in ["minecraft:grass", "minecraft:short_grass", "minecraft:cauldron[level=2]", "mymod:grass"] {
            XCTAssertEqual(try up(token, v1_16_5, v1_16_5), token)
            XCTAssertEqual(try up(token, .v1_21, .v1_21), token)
        }
        XCTAssertEqual(try up("mymod:grass", v1_16_5, .v1_21), "mymod:grass")
        // a state that lacks the property a rule matches on is kept (the game fills in the default)
        XCTAssertEqual(try up("minecraft:cauldron", v1_16_5, v1_17), "minecraft:cauldron")
    }

    func testMalformedRowsAreReportedWithTheirLine() {
        let good = "# comment\n3698\tup\tminecraft:grass\tminecraft:short_grass\n"
        XCTAssertNoThrow(try BlockVersionTable(tsv: good))
        for (text, line) in [(good + "3698\tsideways\tminecraft:grass\tminecraft:x\n", 3), ("x\tup\tminecraft:grass\t-\n", 1),
                             ("3698\tup\tminecraft:grass[\tminecraft:x\n", 1), ("3698\tup\tminecraft:grass\n", 1)] {
            XCTAssertThrowsError(try BlockVersionTable(tsv: text)) { error in
                guard case .badRow(let got, _) = error as? BlockVersionTable.LoadError else { return XCTFail("\(error)") }
                XCTAssertEqual(got, line, text)
            }
        }
    }
}
