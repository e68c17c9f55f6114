import Anvil
import NBT
import TestSupport
import XCTest

final class ChunkVolumeTests: XCTestCase {
    func testABoxAcrossAChunkGetsItsBlocksAndAirWhereSectionsAreMissing() throws {
        let url = try Fixtures.shared("worlds/real/fastnbt/chunk.nbt")   // 1.16.2, sections 0…5
        let chunk = try ChunkBlocks(decoding: try FixtureRegionChunks.roots(of: url)[0])
        let baseX = chunk.position.x * 16, baseZ = chunk.position.z * 16
        // A box hanging 4 blocks over the chunk's −x side, from y 90 (section 5) up into y 100 (absent).
        let origin = VoxelPosition(baseX - 4, 90, baseZ + 3)
        var volume = BlockVolume(size: (10, 11, 6), fill: BlockState("minecraft:bedrock"))
        chunk.write(into: &volume, origin: origin)
        let section5 = try XCTUnwrap(chunk.sections.first { $0.y == 5 })
        var checked = 0
        for vx in 0..<10 { for vy in 0..<11 { for vz in 0..<6 {
            let wx = origin.x + vx, wy = origin.y + vy, wz = origin.z + vz
            let expected: BlockState
            if wx < baseX { expected = BlockState("minecraft:bedrock") }          // outside the chunk: untouched
            else if wy >> 4 == 5 { expected = section5[x: wx & 15, y: wy & 15, z: wz & 15] }
            else { expected = .air }                                           // section 6 is not stored
            XCTAssertEqual(volume[vx, vy, vz], expected, "(\(vx), \(vy), \(vz))")
            checked += 1
        } } }
        XCTAssertEqual(checked, 660)
    }

    func testBlockEntitiesInsideTheBoxMoveToBoxRelativePositions() throws {
        let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: -1, z: 0), dataVersion: .v1_21)
        let edited = try ChunkEditor.apply([BlockEdit(x: 15, y: 64, z: 0, state: BlockState("minecraft:chest"),
                                                      blockEntity: Compound([("id", .string("minecraft:chest"))]))], to: root)
        let chunk = try ChunkBlocks(decoding: edited)
        var volume = BlockVolume(size: (2, 2, 2))
        chunk.write(into: &volume, origin: VoxelPosition(-1, 63, 0))
        XCTAssertEqual(volume[0, 1, 0], BlockState("minecraft:chest"))
        XCTAssertEqual(volume.blockEntities, [VoxelPosition(0, 1, 0): Compound([("id", .string("minecraft:chest"))])])
    }
}
