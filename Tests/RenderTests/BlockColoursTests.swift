import Anvil
import Render
import XCTest

final class BlockColoursTests: XCTestCase {
    let colours = BlockColours.standard

    func testTableColoursAtLeastTwoHundredBlockNames() {
        XCTAssertGreaterThanOrEqual(colours.knownNames.count, 200)
        for name in ["stone", "grass_block", "oak_planks", "red_wool", "water", "glass", "poppy", "spruce_leaves"] {
            XCTAssertTrue(colours.appearance(for: BlockState(name)).isKnown, name)
        }
    }

    func testShapedVariantsTakeTheColourOfTheirBaseBlock() {
        let bricks = colours.appearance(for: BlockState("stone_bricks"))
        let stairs = colours.appearance(for: BlockState("stone_brick_stairs", ["facing": "east"]))
        XCTAssertEqual(stairs.top, bricks.top)
        XCTAssertEqual(colours.appearance(for: BlockState("oak_fence")).top, colours.appearance(for: BlockState("oak_planks")).top)
        XCTAssertEqual(colours.appearance(for: BlockState("red_wall_banner")).top, colours.appearance(for: BlockState("red_banner")).top)
        XCTAssertEqual(colours.appearance(for: BlockState("wall_torch")).top, colours.appearance(for: BlockState("torch")).top)
        XCTAssertEqual(colours.appearance(for: BlockState("spruce_wall_hanging_sign")).top,
                       colours.appearance(for: BlockState("spruce_planks")).top)
        XCTAssertEqual(colours.appearance(for: BlockState("waxed_cut_copper_slab")).top,
                       colours.appearance(for: BlockState("cut_copper")).top)
    }

    func testMaterialsAndShapesFollowNameAndProperties() {
        XCTAssertEqual(colours.appearance(for: BlockState("water")).material, .water)
        XCTAssertEqual(colours.appearance(for: BlockState("lime_stained_glass_pane")).material, .glass)
        XCTAssertEqual(colours.appearance(for: BlockState("cave_air")).material, .air)
        XCTAssertEqual(colours.appearance(for: BlockState("oak_slab", ["type": "top"])).box, .layer(bottom: 0.5, top: 1))
        XCTAssertEqual(colours.appearance(for: BlockState("snow", ["layers": "4"])).box, .layer(top: 0.5))
        XCTAssertEqual(colours.appearance(for: BlockState("snow", ["layers": "999"])).box, .full)
        XCTAssertTrue(colours.appearance(for: BlockState("stone")).box.isFull)
        XCTAssertFalse(colours.appearance(for: BlockState("dandelion")).box.isFull)
    }

    func testUnknownNamesGetAStableHashedColour() {
        let widget = colours.appearance(for: BlockState("mymod:widget"))
        XCTAssertFalse(widget.isKnown)
        XCTAssertEqual(widget.top, colours.appearance(for: BlockState("mymod:widget", ["power": "3"])).top)
        XCTAssertEqual(BlockColours.hashedColour("mymod:widget"), BlockColours.hashedColour("mymod:widget"))
        XCTAssertNotEqual(BlockColours.hashedColour("mymod:widget"), BlockColours.hashedColour("mymod:gadget"))
        // Pinned: the fallback must not change between releases, so saved renders stay comparable.
        XCTAssertEqual(BlockColours.hashedColour("mymod:widget"), RGBA(156, 89, 171))
    }

    func testCustomColoursOverrideTheTable() {
        var custom = BlockColours.standard
        custom.set("mymod:widget", top: RGBA(1, 2, 3))
        XCTAssertEqual(custom.appearance(for: BlockState("mymod:widget")).top, RGBA(1, 2, 3))
    }
}
