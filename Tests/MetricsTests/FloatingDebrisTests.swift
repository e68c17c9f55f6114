import Anvil
import NBT
import Metrics
import XCTest

final class FloatingDebrisTests: XCTestCase {
    private let stone = BlockState("stone")

    /// A 20×10×20 stone floor with a grounded pillar and a flower on the floor (all stay), plus:
    /// a floating 3×2×3 stone blob with a vine on its side, a floating chest, a floating
    /// waterlogged slab, a lone poppy in mid-air (all go), and a floating slab 10 blocks long
    /// (wider than the removal's limit of 8: stays).
    private func scene() -> BlockVolume {
        var v = BlockVolume(size: (20, 10, 20))
        for x in 0..<20 { for z in 0..<20 { v[x, 0, z] = stone } }
        for y in 1..<6 { v[2, y, 2] = stone }
        v[5, 1, 5] = BlockState("poppy")
        for x in 8..<11 { for y in 5..<7 { for z in 8..<11 { v[x, y, z] = stone } } }
        v[11, 5, 8] = BlockState("vine", ["east": "false", "north": "false", "south": "false", "up": "false", "west": "true"])
        v[15, 4, 15] = BlockState("chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        v.blockEntities[VoxelPosition(15, 4, 15)] = Compound([("id", .string("minecraft:chest"))])
        v[17, 3, 3] = BlockState("stone_slab", ["type": "bottom", "waterlogged": "true"])
        v[4, 7, 15] = BlockState("poppy")
        for x in 5..<15 { v[x, 8, 18] = stone }
        return v
    }

    private func floating(_ v: BlockVolume) -> FloatingParts {
        let roles = v.palette.map(BlockRole.init)
        return FloatingParts(roles: v.indices.map { roles[Int($0)] }, size: (v.sizeX, v.sizeY, v.sizeZ))
    }

    func testFloatingPartsFindsDetachedComponentsAndUnsupportedPlants() {
        let parts = floating(scene())
        XCTAssertEqual(parts.components.map(\.voxels.count).sorted(), [1, 1, 10, 18])
        XCTAssertEqual(parts.unsupported.count, 1, "only the poppy in mid-air: the vine still has its blob")
        XCTAssertEqual(parts.components.map(\.horizontalExtent).sorted(), [1, 1, 3, 10])
        XCTAssertEqual(parts.occupied, 400 + 5 + 1 + 18 + 1 + 1 + 1 + 1 + 10)
    }

    func testRemovesNarrowDebrisAndWhatHangsOnItButKeepsWideOrGroundedParts() {
        var v = scene()
        let removed = FloatingDebris(maximumExtent: 8).remove(from: &v, openSides: [])
        XCTAssertEqual(removed, 18 + 1 + 1 + 1 + 1, "blob, vine, chest, slab, mid-air poppy")
        XCTAssertEqual(v[9, 6, 9], .air)
        XCTAssertEqual(v[11, 5, 8], .air, "the vine went with its blob")
        XCTAssertEqual(v[15, 4, 15], .air)
        XCTAssertNil(v.blockEntities[VoxelPosition(15, 4, 15)], "the chest's block entity went with it")
        XCTAssertEqual(v[17, 3, 3], .air, "a waterlogged block's water would float too")
        XCTAssertEqual(v[4, 7, 15], .air)
        XCTAssertEqual(v[2, 5, 2], stone, "the grounded pillar stays")
        XCTAssertEqual(v[5, 1, 5], BlockState("poppy"), "the flower on the floor stays")
        XCTAssertEqual(v[9, 8, 18], stone, "a part wider than the limit stays")
        XCTAssertEqual(floating(v).components.map(\.voxels.count), [10])
    }

    func testPartsTouchingAnOpenSideStay() {
        var v = scene()
        for x in 0..<3 { v[x, 7, 10] = stone }   // floating, touches x = 0
        let kept = FloatingDebris(maximumExtent: 8).remove(from: &v, openSides: [.lowX])
        XCTAssertEqual(v[0, 7, 10], stone, "it may go on in the next window")
        XCTAssertEqual(kept, 22)
        var closed = scene()
        for x in 0..<3 { closed[x, 7, 10] = stone }
        XCTAssertEqual(FloatingDebris(maximumExtent: 8).remove(from: &closed, openSides: [.highX, .lowZ, .highZ]), 25)
    }

    func testAVolumeWithNothingFloatingIsUnchanged() {
        var v = BlockVolume(size: (6, 4, 6))
        for x in 0..<6 { for z in 0..<6 { v[x, 0, z] = stone } }
        v[3, 1, 3] = BlockState("dandelion")
        let before = v
        XCTAssertEqual(FloatingDebris(maximumExtent: 8).remove(from: &v, openSides: []), 0)
        XCTAssertEqual(v, before)
    }
}
