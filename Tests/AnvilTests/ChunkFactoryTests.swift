import Anvil
import NBT
import XCTest

final class ChunkFactoryTests: XCTestCase {
    static let versions: [DataVersion] = [.v1_13, DataVersion(1631), .v1_14, DataVersion(2230), .v1_16, DataVersion(2730),
                                          .v1_18_blockStates, .v1_18, DataVersion(3465), .v1_20_5, .v1_21, .latestKnown]

    func testEmptyChunksOfEveryWritableLayoutDecodeAsAir() throws {
        for dv in Self.versions {
            let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: -3, z: 4), dataVersion: dv)
            let chunk = try ChunkBlocks(decoding: root)
            XCTAssertEqual(chunk.position, ChunkPosition(x: -3, z: 4), "\(dv)")
            XCTAssertEqual(chunk.layout, ChunkLayout(for: dv))
            XCTAssertTrue(chunk.blockCounts().keys.allSatisfy(\.isAir), "\(dv)")
            XCTAssertEqual(chunk.sections.count, chunk.layout == .sections ? 24 : 0, "\(dv)")
        }
    }

    func testEmptyChunksCarryTheTagsOfAFullChunk() throws {
        let modern = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: .v1_21)
        XCTAssertEqual(modern["Status"], .string("minecraft:full"))
        XCTAssertEqual(modern["isLightOn"], .byte(0))
        XCTAssertEqual(modern["yPos"], .int(-4))
        for key in ["DataVersion", "xPos", "zPos", "LastUpdate", "InhabitedTime", "block_entities", "Heightmaps",
                    "block_ticks", "fluid_ticks", "PostProcessing", "structures"] {
            XCTAssertNotNil(modern[key], key)
        }
        XCTAssertEqual(modern["PostProcessing"]?.list?.count, 24)
        let old = try XCTUnwrap(try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: DataVersion(1631))["Level"]?.compound)
        XCTAssertEqual(old["Status"], .string("postprocessed"))
        XCTAssertEqual(old["Biomes"]?.intArray?.count, 256)
        XCTAssertNil(old["isLightOn"])
        let v116 = try XCTUnwrap(try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: .v1_16)["Level"]?.compound)
        XCTAssertEqual(v116["Status"], .string("full"))
        XCTAssertEqual(v116["Biomes"]?.intArray?.count, 1024)
    }

    func testBlocksWrittenIntoAnEmptyChunkSurviveSerialisation() throws {
        for dv in Self.versions {
            let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 1, z: 1), dataVersion: dv)
            let y = dv >= .v21w43a ? -50 : 100
            let edited = try ChunkEditor.apply([BlockEdit(x: 4, y: y, z: 9, state: BlockState("minecraft:diamond_block"))], to: root)
            let reread = try NBTReader.read(try NBTWriter.write(NBTReader.Document(root: edited))).root
            let chunk = try ChunkBlocks(decoding: reread)
            XCTAssertEqual(chunk.blockCounts()[BlockState("minecraft:diamond_block")], 1, "\(dv)")
            let section = try XCTUnwrap(chunk.sections.first { $0.y == y >> 4 })
            XCTAssertEqual(section[x: 4, y: y & 15, z: 9], BlockState("minecraft:diamond_block"), "\(dv)")
        }
    }
}
