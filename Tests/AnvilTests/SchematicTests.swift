import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

final class SchematicTests: XCTestCase {
    private func sampleVolume() -> BlockVolume {
        var v = BlockVolume(size: (5, 4, 3), fill: .air)
        v[0, 0, 0] = BlockState("minecraft:stone")
        v[4, 3, 2] = BlockState("minecraft:oak_stairs", ["facing": "east", "half": "top", "shape": "straight", "waterlogged": "false"])
        v[2, 1, 1] = BlockState("minecraft:chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        v.blockEntities[VoxelPosition(2, 1, 1)] = Compound([("id", .string("minecraft:chest")),
                                                           ("Items", .list(.end, []))])
        // Many distinct states so that some palette ids need two varint bytes.
        for i in 0..<40 { v[i % 5, (i / 5) % 4, 0] = BlockState("minecraft:wool_\(i)") }
        return v
    }

    func testVersion3DocumentRoundTripsBlocksAndBlockEntities() throws {
        let v = sampleVolume()
        let doc = try SpongeSchematic.document(for: v, dataVersion: 3955, offset: (1, 2, 3))
        let (back, info) = try SpongeSchematic.read(doc)
        XCTAssertEqual(back, v)
        XCTAssertEqual(info.version, 3)
        XCTAssertEqual(info.dataVersion, 3955)
        XCTAssertEqual(info.offset.0, 1)
        XCTAssertEqual(back.blockEntities[VoxelPosition(2, 1, 1)]?["id"]?.string, "minecraft:chest")
    }

    func testVersion3DocumentUsesTheSpecLayout() throws {
        var v = BlockVolume(size: (2, 2, 2), fill: .air)
        v[1, 0, 0] = BlockState("minecraft:stone")   // x + z*W + y*W*L = 1
        v[0, 1, 0] = BlockState("minecraft:dirt")    // = 4
        let doc = try SpongeSchematic.document(for: v, dataVersion: 3955)
        let schem = try XCTUnwrap(doc.root["Schematic"]?.compound)
        XCTAssertEqual(schem["Version"], .int(3))
        XCTAssertEqual(schem["Width"], .short(2))
        let blocks = try XCTUnwrap(schem["Blocks"]?.compound)
        let palette = try XCTUnwrap(blocks["Palette"]?.compound)
        let data = try XCTUnwrap(blocks["Data"]?.byteArray)
        let stone = try XCTUnwrap(palette["minecraft:stone"]?.integer)
        let dirt = try XCTUnwrap(palette["minecraft:dirt"]?.integer)
        XCTAssertEqual(Int(data[1]), stone)
        XCTAssertEqual(Int(data[4]), dirt)
        XCTAssertEqual(data.count, 8)
    }

    func testSchematicFileRoundTripsThroughGzip() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("a.schem")
        let v = sampleVolume()
        try SchematicFile.write(v, to: url, dataVersion: 4671)
        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(Array(bytes.prefix(2)), [0x1F, 0x8B], "a .schem is gzip")
        XCTAssertEqual(try SchematicFile.read(url).volume, v)
    }

    func testDamagedBlockDataIsATypedErrorNamingTheBlock() throws {
        var doc = try SpongeSchematic.document(for: sampleVolume(), dataVersion: 3955)
        var schem = try XCTUnwrap(doc.root["Schematic"]?.compound)
        var blocks = try XCTUnwrap(schem["Blocks"]?.compound)
        var data = try XCTUnwrap(blocks["Data"]?.byteArray)
        data[7] = 0xFF   // a varint that never ends… then runs into the next ids
        data.removeLast(3)
        blocks["Data"] = .byteArray(data)
        schem["Blocks"] = .compound(blocks)
        doc.root["Schematic"] = .compound(schem)
        XCTAssertThrowsError(try SpongeSchematic.read(doc)) { error in
            guard case SchematicError.badDimensions = error as! SchematicError else {
                guard case SchematicError.badBlockData = error as! SchematicError else {
                    return XCTFail("unexpected \(error)")
                }
                return
            }
        }
    }

    func testUnknownPaletteIdIsRejected() throws {
        var doc = try SpongeSchematic.document(for: sampleVolume(), dataVersion: 3955)
        var schem = try XCTUnwrap(doc.root["Schematic"]?.compound)
        var blocks = try XCTUnwrap(schem["Blocks"]?.compound)
        var data = try XCTUnwrap(blocks["Data"]?.byteArray)
        data[0] = 0x7F   // id 127: no such palette entry
        blocks["Data"] = .byteArray(data)
        schem["Blocks"] = .compound(blocks)
        doc.root["Schematic"] = .compound(schem)
        XCTAssertThrowsError(try SpongeSchematic.read(doc)) { error in
            XCTAssertEqual(error as? SchematicError, .badBlockData(index: 0, reason: "id 127 has no palette entry"))
        }
    }

    func testMissingVersionSaysItIsNotASchematic() {
        let doc = NBTReader.Document(root: Compound([("Foo", .int(1))]))
        XCTAssertThrowsError(try SpongeSchematic.read(doc)) { error in
            XCTAssertEqual(error as? SchematicError, .missingTag("Version", expected: "an integer"))
        }
    }
}
