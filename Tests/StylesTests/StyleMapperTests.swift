import Anvil
import NBT
import Styles
import XCTest

/// A row of blocks along Z: `states[z]` at (0, 0, z).
func row(_ states: [BlockState], blockEntities: [VoxelPosition: NBT.Compound] = [:]) -> BlockVolume {
    var volume = BlockVolume(size: (1, 1, states.count))
    for (z, state) in states.enumerated() { volume[0, 0, z] = state }
    volume.blockEntities = blockEntities
    return volume
}

func mapper(_ map: [String: String]) throws -> StyleMapper {
    try StyleMapper(style: Style(description: "test", map: map), table: BlockPropertyTable.bundled())
}

final class StyleMapperTests: XCTestCase {
    func testSeveralSourcesMergeIntoOneTargetAndAreReported() throws {
        let m = try mapper([
            "minecraft:cobblestone": "minecraft:cut_red_sandstone",
            "minecraft:mossy_cobblestone": "minecraft:cut_red_sandstone",
            "minecraft:stone_bricks": "minecraft:cut_red_sandstone",
        ])
        let input = row([BlockState("minecraft:cobblestone"), BlockState("minecraft:mossy_cobblestone"),
                         BlockState("minecraft:stone_bricks"), BlockState("minecraft:stone_bricks")])
        let styled = try m.apply(to: input)
        let target = BlockState("minecraft:cut_red_sandstone")
        XCTAssertEqual(styled.volume.histogram(), [target: 4])
        XCTAssertEqual(styled.volume.palette, [target], "merged targets share one palette entry")
        XCTAssertEqual(styled.report.mergedTargets, [target: [BlockState("minecraft:cobblestone"),
                                                            BlockState("minecraft:mossy_cobblestone"),
                                                            BlockState("minecraft:stone_bricks")]])
        XCTAssertEqual(styled.report.changes.map(\.voxels), [1, 1, 2])
        XCTAssertEqual(styled.report.coveredVoxels, 4)
    }

    func testStairsKeepFacingHalfAndShapeAcrossFamilies() throws {
        let m = try mapper(["minecraft:stone_brick_stairs": "minecraft:smooth_red_sandstone_stairs"])
        let source = BlockState("minecraft:stone_brick_stairs",
                                ["facing": "east", "half": "top", "shape": "outer_left", "waterlogged": "true"])
        XCTAssertEqual(m.restyle(source), BlockState("minecraft:smooth_red_sandstone_stairs",
                                                     ["facing": "east", "half": "top", "shape": "outer_left", "waterlogged": "true"]))
    }

    func testSlabsKeepTheirType() throws {
        let m = try mapper(["minecraft:stone_brick_slab": "minecraft:cut_red_sandstone_slab"])
        for type in ["top", "bottom", "double"] {
            let source = BlockState("minecraft:stone_brick_slab", ["type": type, "waterlogged": "false"])
            XCTAssertEqual(m.restyle(source)?["type"], type)
            XCTAssertEqual(m.restyle(source)?.name, "minecraft:cut_red_sandstone_slab")
        }
    }

    func testPropertiesTheTargetLacksAreDropped() throws {
        let m = try mapper(["minecraft:stone_brick_stairs": "minecraft:sandstone",
                            "minecraft:vine": "minecraft:weeping_vines"])
        let stairs = BlockState("minecraft:stone_brick_stairs", ["facing": "west", "half": "bottom", "shape": "straight", "waterlogged": "false"])
        XCTAssertEqual(m.restyle(stairs), BlockState("minecraft:sandstone"))
        let vine = BlockState("minecraft:vine", ["east": "false", "north": "true", "south": "false", "up": "false", "west": "false"])
        XCTAssertEqual(m.restyle(vine), BlockState("minecraft:weeping_vines", ["age": "0"]),
                       "vine's sides dropped, weeping_vines' age filled with its default")
    }

    func testMissingRequiredPropertiesAreFilledWithTheGameDefaults() throws {
        let m = try mapper(["minecraft:stone_bricks": "minecraft:stone_brick_stairs",
                            "minecraft:cobblestone": "minecraft:cobblestone_slab",
                            "minecraft:oak_planks": "minecraft:oak_stairs[facing=south]"])
        XCTAssertEqual(m.restyle(BlockState("minecraft:stone_bricks")),
                       BlockState("minecraft:stone_brick_stairs", ["facing": "north", "half": "bottom", "shape": "straight", "waterlogged": "false"]))
        XCTAssertEqual(m.restyle(BlockState("minecraft:cobblestone")),
                       BlockState("minecraft:cobblestone_slab", ["type": "bottom", "waterlogged": "false"]))
        XCTAssertEqual(m.restyle(BlockState("minecraft:oak_planks")),
                       BlockState("minecraft:oak_stairs", ["facing": "south", "half": "bottom", "shape": "straight", "waterlogged": "false"]),
                       "a property written in the target overrides the default")
    }

    func testSharedPropertyWithAValueTheTargetDoesNotAllowFallsBackToTheDefault() throws {
        // A chest's type (single/left/right) is not a slab's type (top/bottom/double).
        let m = try mapper(["minecraft:chest": "minecraft:oak_slab"])
        let chest = BlockState("minecraft:chest", ["facing": "east", "type": "left", "waterlogged": "true"])
        XCTAssertEqual(m.restyle(chest), BlockState("minecraft:oak_slab", ["type": "bottom", "waterlogged": "true"]))
    }

    func testAKeyWithPropertiesWinsOverTheBareNameAndExplicitTargetPropertiesOverride() throws {
        let m = try mapper(["minecraft:tall_grass": "minecraft:dead_bush",
                            "minecraft:tall_grass[half=upper]": "minecraft:air",
                            "minecraft:grass_block": "minecraft:grass_block[snowy=true]"])
        XCTAssertEqual(m.restyle(BlockState("minecraft:tall_grass", ["half": "lower"])), BlockState("minecraft:dead_bush"))
        XCTAssertEqual(m.restyle(BlockState("minecraft:tall_grass", ["half": "upper"])), .air)
        XCTAssertEqual(m.restyle(BlockState("minecraft:grass_block", ["snowy": "false"])),
                       BlockState("minecraft:grass_block", ["snowy": "true"]))
    }

    func testStatesTheStyleDoesNotCoverAreKeptAndReportedExceptAir() throws {
        let m = try mapper(["minecraft:dirt": "minecraft:sand"])
        let chest = BlockState("minecraft:chest", ["facing": "south", "type": "single", "waterlogged": "false"])
        let input = row([.air, BlockState("minecraft:dirt"), chest, BlockState("minecraft:gravel"), BlockState("minecraft:gravel")])
        let styled = try m.apply(to: input)
        XCTAssertEqual(styled.report.notCovered, [StyleReport.Uncovered(state: chest, voxels: 1),
                                                  StyleReport.Uncovered(state: BlockState("minecraft:gravel"), voxels: 2)])
        XCTAssertEqual(styled.volume[0, 0, 2], chest)
        XCTAssertEqual(styled.volume[0, 0, 1], BlockState("minecraft:sand"))
        XCTAssertEqual(styled.volume[0, 0, 0], .air)
        XCTAssertNil(m.restyle(chest))
        XCTAssertTrue(styled.report.lines.contains { $0.contains("minecraft:gravel ×2") }, "\(styled.report.lines)")
    }

    func testAnAirTargetRemovesTheBlock() throws {
        let m = try mapper(["minecraft:vine": "minecraft:air", "minecraft:poppy": "minecraft:air"])
        let vine = BlockState("minecraft:vine", ["east": "true", "north": "false", "south": "false", "up": "false", "west": "false"])
        let styled = try m.apply(to: row([vine, BlockState("minecraft:poppy"), BlockState("minecraft:stone")]))
        XCTAssertEqual(styled.volume.histogram(), [.air: 2, BlockState("minecraft:stone"): 1])
        XCTAssertEqual(styled.report.changes.map(\.target), [.air, .air])
        XCTAssertEqual(styled.report.mergedTargets[.air]?.count, 2)
    }

    func testBlockEntitiesAreKeptWhenTheBlockStaysOfItsKindAndDroppedOtherwise() throws {
        let m = try mapper(["minecraft:chest[type=single]": "minecraft:chest[facing=west]",
                            "minecraft:chest[type=left]": "minecraft:sandstone"])
        let items = NBT.Compound([("id", .string("minecraft:chest"))])
        let single = BlockState("minecraft:chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        let left = BlockState("minecraft:chest", ["facing": "north", "type": "left", "waterlogged": "false"])
        let input = row([single, left], blockEntities: [VoxelPosition(0, 0, 0): items, VoxelPosition(0, 0, 1): items])
        let styled = try m.apply(to: input)
        XCTAssertEqual(styled.volume[0, 0, 0]["facing"], "west")
        XCTAssertEqual(styled.volume.blockEntities, [VoxelPosition(0, 0, 0): items])
        XCTAssertEqual(styled.report.droppedBlockEntities, [VoxelPosition(0, 0, 1)])
    }

    func testAVoxelPastThePaletteIsAnErrorNotATrap() throws {
        let corrupt = BlockVolume(size: (1, 1, 2), palette: [BlockState("minecraft:dirt")], indices: [0, 0])
        var broken = corrupt
        broken.indices[1] = 7
        XCTAssertThrowsError(try mapper(["minecraft:dirt": "minecraft:sand"]).apply(to: broken)) { error in
            XCTAssertEqual(error as? StyleError, .paletteIndexOutOfRange(voxel: 1, index: 7, paletteCount: 1))
        }
    }

    func testTargetsTheTableDoesNotKnowAreListedAndGetOnlyTheirWrittenProperties() throws {
        let m = try mapper(["minecraft:stone_bricks": "mymod:marble[polish=high]"])
        XCTAssertEqual(m.unknownTargets, ["mymod:marble"])
        XCTAssertEqual(m.restyle(BlockState("minecraft:stone_bricks")), BlockState("mymod:marble", ["polish": "high"]))
    }
}
