import Anvil
import NBT
import XCTest

/// Decoding of hand-built chunks: layout choice by DataVersion, numeric-id nibble order, and
/// typed errors for damaged sections.
final class ChunkCodecTests: XCTestCase {
    /// A 1.16-style chunk (Level/Sections) with one section holding `palette` and `data`.
    func levelChunk(dataVersion: Int, sections: [Compound]) -> Compound {
        Compound([
            ("DataVersion", .int(Int32(dataVersion))),
            ("Level", .compound(Compound([
                ("xPos", .int(5)), ("zPos", .int(-7)),
                ("Sections", .list(.compound, sections.map { .compound($0) })),
            ]))),
        ])
    }

    func palettedSection(y: Int8, names: [String], data: [Int64]) -> Compound {
        Compound([
            ("Y", .byte(y)),
            ("Palette", .list(.compound, names.map { .compound(Compound([("Name", .string($0))])) })),
            ("BlockStates", .longArray(data)),
        ])
    }

    func testLayoutIsChosenByDataVersionCutOvers() {
        XCTAssertEqual(ChunkLayout(for: .absent), .numericIDs)
        XCTAssertEqual(ChunkLayout(for: DataVersion(1343)), .numericIDs)
        XCTAssertEqual(ChunkLayout(for: DataVersion(1451)), .palettedStraddling)
        XCTAssertEqual(ChunkLayout(for: DataVersion(2528)), .palettedStraddling)
        XCTAssertEqual(ChunkLayout(for: DataVersion(2529)), .paletted)
        XCTAssertEqual(ChunkLayout(for: DataVersion(2730)), .paletted)
        XCTAssertEqual(ChunkLayout(for: DataVersion(2836)), .levelBlockStates)
        XCTAssertEqual(ChunkLayout(for: DataVersion(2844)), .sections)
        XCTAssertEqual(ChunkLayout(for: DataVersion(9999)), .sections)
    }

    func testStraddlingAndPaddedSectionsDecodeTheSameBlocks() throws {
        let names = (0..<20).map { "minecraft:b\($0)" }   // 5 bits per block
        let indices = (0..<4096).map { UInt64(($0 * 7) % 20) }
        for (dv, packing) in [(1631, PackedIndices.Packing.straddling), (2566, .padded)] {
            let data = PackedIndices.encode(indices, bits: 5, packing: packing)
            let chunk = try ChunkBlocks(decoding: levelChunk(dataVersion: dv, sections: [palettedSection(y: 2, names: names, data: data)]))
            XCTAssertEqual(chunk.position, ChunkPosition(x: 5, z: -7))
            XCTAssertEqual(chunk.sections.map(\.y), [2])
            XCTAssertEqual(chunk.sections[0].indices.map(UInt64.init), indices, "DataVersion \(dv)")
        }
    }

    func testDataOfTheWrongLengthIsATypedErrorNamingChunkAndPath() {
        let section = palettedSection(y: 3, names: ["minecraft:air", "minecraft:stone"], data: [Int64](repeating: 0, count: 255))
        XCTAssertThrowsError(try ChunkBlocks(decoding: levelChunk(dataVersion: 2566, sections: [section]))) { error in
            guard case ChunkError.badArrayLength(let path, let expected, let found, let chunk) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path.description, "Level.Sections[0].BlockStates")
            XCTAssertEqual(expected, 256)
            XCTAssertEqual(found, 255)
            XCTAssertEqual(chunk, ChunkPosition(x: 5, z: -7))
            XCTAssertTrue("\(error)".contains("chunk (5, -7)"))
        }
    }

    func testAnIndexPastThePaletteIsATypedErrorNamingTheSection() {
        var indices = [UInt64](repeating: 0, count: 4096)
        indices[100] = 9
        let data = PackedIndices.encode(indices, bits: 4, packing: .padded)
        let section = palettedSection(y: -2, names: ["minecraft:air", "minecraft:stone"], data: data)
        XCTAssertThrowsError(try ChunkBlocks(decoding: levelChunk(dataVersion: 2730, sections: [section]))) { error in
            XCTAssertEqual(error as? ChunkError,
                           .indexOutOfPalette(sectionY: -2, index: 9, paletteCount: 2, chunk: ChunkPosition(x: 5, z: -7)))
        }
    }

    func testMissingPositionAndIllTypedTagsAreReportedWithTheirPath() {
        XCTAssertThrowsError(try ChunkBlocks(decoding: Compound([("DataVersion", .int(3955))]))) { error in
            XCTAssertEqual(error as? ChunkError, .missingTag(path: NBTPath([.key("xPos")]), chunk: nil))
        }
        var bad = levelChunk(dataVersion: 2566, sections: [])
        var level = bad["Level"]!.compound!
        level["Sections"] = .intArray([1])
        bad["Level"] = .compound(level)
        XCTAssertThrowsError(try ChunkBlocks(decoding: bad)) { error in
            XCTAssertEqual(error as? ChunkError, .wrongTagType(path: NBTPath([.key("Level"), .key("Sections")]),
                                                               expected: .list, found: .intArray, chunk: ChunkPosition(x: 5, z: -7)))
        }
    }

    func testSingleEntryPalettesWithoutDataDecodeAsOneBlockFrom1_18() throws {
        let section = Compound([
            ("Y", .byte(-4)),
            ("block_states", .compound(Compound([("palette", .list(.compound, [.compound(Compound([("Name", .string("minecraft:deepslate"))]))]))]))),
        ])
        let root = Compound([("DataVersion", .int(3955)), ("xPos", .int(0)), ("zPos", .int(0)), ("yPos", .int(-4)),
                             ("sections", .list(.compound, [.compound(section)]))])
        let chunk = try ChunkBlocks(decoding: root)
        XCTAssertEqual(chunk.blockCounts(), [BlockState("minecraft:deepslate"): 4096])
        XCTAssertTrue(chunk.warnings.isEmpty)
    }

    func testNewerThanKnownDataVersionsDecodeWithTheNewestLayoutAndWarn() throws {
        let root = Compound([("DataVersion", .int(99999)), ("xPos", .int(0)), ("zPos", .int(0)), ("sections", .list(.end, []))])
        let chunk = try ChunkBlocks(decoding: root)
        XCTAssertEqual(chunk.layout, .sections)
        XCTAssertEqual(chunk.warnings, [.newerThanKnown(DataVersion(99999))])
    }

    func testNumericIDSectionsCombineAddAndDataNibblesLowNibbleFirst() throws {
        var blocks = [UInt8](repeating: 0, count: 4096), data = [UInt8](repeating: 0, count: 2048)
        var add = [UInt8](repeating: 0, count: 2048)
        blocks[0] = 35; data[0] = 0x0E        // index 0 (even, low nibble): red wool 35:14
        blocks[1] = 1; data[0] |= 0x10         // index 1 (odd, high nibble): granite 1:1
        blocks[2] = 0xA0; add[1] = 0x0F         // index 2: id 0xFA0 = 4000 with Add
        let section = Compound([("Y", .byte(0)), ("Blocks", .byteArray(blocks)), ("Data", .byteArray(data)), ("Add", .byteArray(add))])
        let root = Compound([("DataVersion", .int(1343)), ("Level", .compound(Compound([
            ("xPos", .int(0)), ("zPos", .int(0)), ("Sections", .list(.compound, [.compound(section)]))])))])
        let chunk = try ChunkBlocks(decoding: root)
        let s = chunk.sections[0]
        XCTAssertEqual(s[x: 0, y: 0, z: 0], BlockState("minecraft:red_wool"))
        XCTAssertEqual(s[x: 1, y: 0, z: 0], BlockState("minecraft:granite"))
        XCTAssertEqual(s[x: 2, y: 0, z: 0].token, "minecraft:legacy_4000_0")
        XCTAssertEqual(chunk.legacyIDCounts()[4000], 1)
        XCTAssertEqual(chunk.legacyIDCounts()[0], 4093)
        XCTAssertEqual(chunk.warnings, [.unknownLegacyBlocks(id: 4000, data: 0, count: 1)])
    }
}
