import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Litematica, structure and MCEdit reading and writing, and format detection by content.
final class SchematicFormatTests: XCTestCase {
    private func sample() -> BlockVolume {
        var v = BlockVolume(size: (5, 4, 3), fill: .air)
        for i in 0..<30 { v[i % 5, (i / 5) % 4, i % 3] = BlockState("minecraft:wool_\(i % 7)") }
        v[2, 1, 1] = BlockState("minecraft:chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        v.blockEntities[VoxelPosition(2, 1, 1)] = Compound([("id", .string("minecraft:chest")), ("Items", .list(.end, []))])
        return v
    }

    func testEveryWritableFormatRoundTripsThroughItsFileAndIsDetectedByContent() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        for format in SchematicFormat.allCases where format.isWritable {
            // A misleading extension: the reader must go by content.
            let url = dir.appendingPathComponent("a-\(format.rawValue).bin")
            try SchematicFile.write(sample(), to: url, format: format, dataVersion: 3955)
            let (back, info) = try SchematicFile.read(url)
            XCTAssertEqual(info.format, format)
            XCTAssertEqual(info.dataVersion, 3955, "\(format)")
            XCTAssertEqual(back, sample(), "\(format)")
        }
    }

    func testStructureVoidIsLeftOutOfTheBlocksListAndReadBackAsVoid() throws {
        var v = sample()
        v[0, 0, 0] = .structureVoid
        let doc = StructureTemplate.document(for: v, dataVersion: 3955)
        XCTAssertEqual(doc.root["blocks"]?.list?.count, v.count - 1)
        XCTAssertEqual(try StructureTemplate.read(doc).volume[0, 0, 0], .structureVoid)
    }

    func testLitematicRegionWithNegativeSizeIsPlacedFromItsMinimumCorner() throws {
        var v = BlockVolume(size: (3, 1, 1), fill: .air)
        v[0, 0, 0] = BlockState("minecraft:stone")
        var doc = try LitematicSchematic.document(for: v, dataVersion: 3955)
        var regions = try XCTUnwrap(doc.root["Regions"]?.compound)
        var region = try XCTUnwrap(regions["worldgan"]?.compound)
        // Position 5, size −3: the region covers x 3…5, stored from x = 3.
        region["Position"] = .compound(Compound([("x", .int(5)), ("y", .int(0)), ("z", .int(0))]))
        region["Size"] = .compound(Compound([("x", .int(-3)), ("y", .int(1)), ("z", .int(1))]))
        regions["worldgan"] = .compound(region)
        regions["second"] = .compound(try XCTUnwrap(LitematicSchematic.document(for: v, dataVersion: 3955).root["Regions"]?.compound?["worldgan"]?.compound))
        doc.root["Regions"] = .compound(regions)
        let (back, info) = try LitematicSchematic.read(doc)
        XCTAssertEqual(back.size.0, 6)
        XCTAssertEqual(back[3, 0, 0], BlockState("minecraft:stone"))
        XCTAssertEqual(back[0, 0, 0], BlockState("minecraft:stone"))
        XCTAssertEqual(back.histogram()[BlockState("minecraft:stone")], 2)
        XCTAssertEqual(info.notes.count, 1)
    }

    func testLitematicBlockStatesOfTheWrongLengthNameTheRegion() throws {
        var doc = try LitematicSchematic.document(for: sample(), dataVersion: 3955)
        var regions = try XCTUnwrap(doc.root["Regions"]?.compound)
        var region = try XCTUnwrap(regions["worldgan"]?.compound)
        region["BlockStates"] = .longArray([0, 1])
        regions["worldgan"] = .compound(region)
        doc.root["Regions"] = .compound(regions)
        XCTAssertThrowsError(try SchematicFile.read(doc)) { error in
            guard case .badRegion(name: "worldgan", _) = error as? SchematicError else { return XCTFail("\(error)") }
        }
    }

    func testStructurePaletteIndexOutOfRangeIsATypedError() throws {
        var doc = StructureTemplate.document(for: sample(), dataVersion: 3955)
        var blocks = try XCTUnwrap(doc.root["blocks"]?.list)
        var first = try XCTUnwrap(blocks[0].compound)
        first["state"] = .int(500)
        blocks[0] = .compound(first)
        doc.root["blocks"] = .list(.compound, blocks)
        XCTAssertThrowsError(try SchematicFile.read(doc)) { error in
            guard case .paletteIndexOutOfRange(index: 500, _, _) = error as? SchematicError else { return XCTFail("\(error)") }
        }
    }

    func testMCEditNumericIdsGoThroughTheLegacyTableWithAddBlocks() throws {
        var root = Compound()
        root["Width"] = .short(2); root["Height"] = .short(1); root["Length"] = .short(1)
        root["Materials"] = .string("Alpha")
        root["Blocks"] = .byteArray([1, 5])
        root["Data"] = .byteArray([1, 3])
        root["AddBlocks"] = .byteArray([0x00])
        let (v, info) = try SchematicFile.read(NBTReader.Document(name: "Schematic", root: root))
        XCTAssertEqual(info.format, .mcedit)
        XCTAssertEqual(v[0, 0, 0], BlockState("minecraft:granite"))
        XCTAssertEqual(v[1, 0, 0], BlockState("minecraft:jungle_planks"))
        root["Materials"] = .string("Classic")
        XCTAssertThrowsError(try SchematicFile.read(NBTReader.Document(name: "Schematic", root: root))) { error in
            XCTAssertEqual(error as? SchematicError, .unsupportedMaterials("Classic"))
        }
    }

    func testAnNBTFileOfNoSchematicFormatNamesItsRootTags() {
        let doc = NBTReader.Document(name: "", root: Compound([("Data", .compound(Compound()))]))
        XCTAssertThrowsError(try SchematicFile.read(doc)) { error in
            XCTAssertEqual(error as? SchematicError, .unknownFormat(keys: ["Data"]))
        }
    }
}
