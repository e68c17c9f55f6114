import Anvil
import SeededRandom
import Foundation
import NBT
import TestSupport
import XCTest

/// Chunk-level round trips: decode → edit → encode → decode gives exactly the edited blocks;
/// untouched sections and unrelated tags stay identical.
final class ChunkEditorTests: XCTestCase {
    static let states = [
        BlockState("minecraft:gold_block"),
        BlockState("minecraft:oak_stairs", ["facing": "east", "half": "bottom", "shape": "straight", "waterlogged": "false"]),
        BlockState("minecraft:stone"),
        .air,
    ]

    /// The first `full` chunk (any status spelling) of a region fixture that stores sections.
    func fullChunk(_ path: String) throws -> Compound {
        let roots = try FixtureRegionChunks.roots(of: try Fixtures.shared(path))
        let found = roots.first { root in
            let level = root["Level"]?.compound ?? root
            let status = level["Status"]?.string ?? ""
            return (status.hasSuffix("full") || status == "postprocessed") && (try? ChunkBlocks(decoding: root).sections.count) ?? 0 > 2
        }
        return try XCTUnwrap(found, "no full chunk in \(path)")
    }

    /// Seeded edits in the chunk's two lowest stored sections and in `extraY` (a section that may be absent).
    func randomEdits(seed: UInt64, sectionYs: [Int]) -> [BlockEdit] {
        var rng = SeededGenerator(seed: seed)
        return (0..<600).map { i in
            let sy = sectionYs[i % sectionYs.count]
            let r = rng.next()
            return BlockEdit(x: Int(r & 15), y: sy * 16 + Int((r >> 4) & 15), z: Int((r >> 8) & 15),
                             state: Self.states[Int((r >> 12) % UInt64(Self.states.count))])
        }
    }

    func levelOf(_ root: Compound) -> Compound { root["Level"]?.compound ?? root }

    func assertRoundTrip(_ path: String, extraSectionY: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try fullChunk(path)
        let before = try ChunkBlocks(decoding: root)
        let touched = Array(before.sections.prefix(2).map(\.y)) + [extraSectionY]
        let edits = randomEdits(seed: UInt64(before.dataVersion.rawValue), sectionYs: touched)
        let edited = try ChunkEditor.apply(edits, to: root)
        // Serialise and parse again: the output must be valid NBT the reader accepts.
        let reread = try NBTReader.read(try NBTWriter.write(NBTReader.Document(root: edited))).root
        let after = try ChunkBlocks(decoding: reread)

        var expected: [Int: ChunkSection] = [:]
        for s in before.sections { expected[s.y] = s }
        for e in edits {
            var s = expected[e.y >> 4] ?? .air(y: e.y >> 4)
            s.set([(ChunkSection.offset(x: e.x, y: e.y & 15, z: e.z), e.state)])
            expected[e.y >> 4] = s
        }
        XCTAssertEqual(after.sections.map(\.y), expected.keys.sorted(), "\(path): section Ys", file: file, line: line)
        for s in after.sections {
            let want = try XCTUnwrap(expected[s.y])
            for i in 0..<4096 where s.palette[Int(s.indices[i])] != want.palette[Int(want.indices[i])] {
                XCTFail("\(path): section \(s.y) offset \(i)", file: file, line: line)
                break
            }
            if touched.contains(s.y) {
                XCTAssertFalse(s.paletteCounts().contains(0), "\(path): section \(s.y) palette not compacted", file: file, line: line)
            }
        }
        // Untouched sections and unrelated tags are identical.
        let layout = before.layout
        func sectionsByY(_ r: Compound) -> [Int: Compound] {
            var out: [Int: Compound] = [:]
            for t in levelOf(r)[layout.sectionsKey]?.list ?? [] { if let c = t.compound, let y = c["Y"]?.integer { out[y] = c } }
            return out
        }
        let oldSections = sectionsByY(root), newSections = sectionsByY(reread)
        for (y, c) in oldSections where !touched.contains(y) {
            XCTAssertEqual(newSections[y], c, "\(path): untouched section \(y) changed", file: file, line: line)
        }
        for y in touched {
            XCTAssertNil(newSections[y]?["BlockLight"], file: file, line: line)
            XCTAssertNil(newSections[y]?["SkyLight"], file: file, line: line)
        }
        let changing: Set<String> = [layout.sectionsKey, layout.blockEntitiesKey, "Heightmaps", "isLightOn"]
        let oldLevel = levelOf(root), newLevel = levelOf(reread)
        XCTAssertEqual(newLevel.keys.filter { !changing.contains($0) }, oldLevel.keys.filter { !changing.contains($0) }, file: file, line: line)
        for key in oldLevel.keys where !changing.contains(key) {
            XCTAssertEqual(newLevel[key], oldLevel[key], "\(path): tag \(key) changed", file: file, line: line)
        }
        XCTAssertEqual(newLevel["Heightmaps"], .compound(Compound()), file: file, line: line)
        XCTAssertEqual(newLevel["isLightOn"], .byte(0), file: file, line: line)
    }

    func testEditing1_15ChunkRoundTripsExactly() throws {
        try assertRoundTrip("worlds/real/querz-nbt/r.0.0.mca", extraSectionY: 15)
    }

    func testEditing1_14ChunkWithAMissingSectionCreatesIt() throws {
        try assertRoundTrip("worlds/real/mcaselector/anvil114/r.0.0.mca", extraSectionY: 14)
    }

    func testEditing1_16ChunkRoundTripsExactly() throws {
        try assertRoundTrip("worlds/real/prismarine-provider-anvil/1.16/r.0.-1.mca", extraSectionY: 15)
    }

    func testEditing1_18ChunkRoundTripsExactly() throws {
        try assertRoundTrip("worlds/real/prismarine-provider-anvil/1.18.2/r.0.0.mca", extraSectionY: 19)
    }

    func testEditing1_21ChunkRoundTripsExactly() throws {
        try assertRoundTrip("worlds/real/prismarine-provider-anvil/1.21.1/r.0.0.mca", extraSectionY: -4)
    }

    func testFillingA1_21SectionWithOneBlockStoresAPaletteWithoutData() throws {
        let root = try fullChunk("worlds/real/prismarine-provider-anvil/1.21.1/r.0.0.mca")
        var edits: [BlockEdit] = []
        for y in 0..<16 { for z in 0..<16 { for x in 0..<16 { edits.append(BlockEdit(x: x, y: y, z: z, state: BlockState("minecraft:stone"))) } } }
        let edited = try ChunkEditor.apply(edits, to: root)
        let section = try XCTUnwrap(edited["sections"]?.list?.compactMap(\.compound).first { $0["Y"]?.integer == 0 })
        let states = try XCTUnwrap(section["block_states"]?.compound)
        XCTAssertNil(states["data"])
        XCTAssertEqual(states["palette"]?.list?.count, 1)
        XCTAssertNotNil(section["biomes"])
    }

    func testAFourteenStatePaletteUsesFourBitsAndSeventeenStatesUseFive() throws {
        let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: .v1_16)
        for (n, longs) in [(14, 256), (17, 342)] {
            let edits = (0..<(n - 1)).map { BlockEdit(x: $0 % 16, y: 0, z: $0 / 16, state: BlockState("minecraft:b\($0)")) }
            let edited = try ChunkEditor.apply(edits, to: root)
            let section = try XCTUnwrap(edited["Level"]?.compound?["Sections"]?.list?.first?.compound)
            XCTAssertEqual(section["Palette"]?.list?.count, n)   // the edits plus air
            XCTAssertEqual(section["BlockStates"]?.longArray?.count, longs)
        }
    }

    func testReplacedBlocksLoseTheirBlockEntitiesAndNewOnesAreAdded() throws {
        let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 2, z: -1), dataVersion: .v1_21)
        let chest = BlockState("minecraft:chest", ["facing": "north", "type": "single", "waterlogged": "false"])
        let entity = Compound([("id", .string("minecraft:chest")), ("Items", .list(.end, []))])
        let withChest = try ChunkEditor.apply([BlockEdit(x: 1, y: 70, z: 2, state: chest, blockEntity: entity)], to: root)
        let decoded = try ChunkBlocks(decoding: withChest)
        XCTAssertEqual(decoded.blockEntities.count, 1)
        XCTAssertEqual(decoded.blockEntities.first?["x"], .int(33))
        XCTAssertEqual(decoded.blockEntities.first?["y"], .int(70))
        XCTAssertEqual(decoded.blockEntities.first?["z"], .int(-14))
        let replaced = try ChunkEditor.apply([BlockEdit(x: 1, y: 70, z: 2, state: BlockState("minecraft:stone"))], to: withChest)
        XCTAssertEqual(try ChunkBlocks(decoding: replaced).blockEntities.count, 0)
    }

    func testEditsOutsideTheChunkAreTypedErrors() throws {
        let root = try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: .v1_21)
        XCTAssertThrowsError(try ChunkEditor.apply([BlockEdit(x: 0, y: 320, z: 0, state: .air)], to: root)) { error in
            XCTAssertEqual(error as? ChunkError, .yOutOfRange(y: 320, valid: -64...319, chunk: ChunkPosition(x: 0, z: 0)))
        }
        XCTAssertThrowsError(try ChunkEditor.apply([BlockEdit(x: 16, y: 0, z: 0, state: .air)], to: root)) { error in
            XCTAssertEqual(error as? ChunkError, .localCoordinateOutOfRange(x: 16, z: 0, chunk: ChunkPosition(x: 0, z: 0)))
        }
    }

    func testNumericIDChunksAreNotWritable() throws {
        let root = try NBTReader.read([UInt8](try Data(contentsOf: try Fixtures.shared("worlds/real/fastnbt/1.12.chunk")))).root
        XCTAssertThrowsError(try ChunkEditor.apply([], to: root)) { error in
            guard case ChunkError.legacyChunkNotWritable = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("upgrade the world in Minecraft"))
        }
        XCTAssertThrowsError(try ChunkFactory.emptyChunk(at: ChunkPosition(x: 0, z: 0), dataVersion: .v1_12_2))
    }
}

extension ChunkEditorTests {
    func testCustomHeight1_17ChunksAcceptEditsDownToTheirLowestSection() throws {
        let url = try Fixtures.shared("worlds/real/fastnbt/1.17.1-custom-heights.chunk")   // sections −8…5
        let root = try FixtureRegionChunks.roots(of: url)[0]
        let edited = try ChunkEditor.apply([BlockEdit(x: 2, y: -100, z: 3, state: BlockState("minecraft:emerald_block"))], to: root)
        let section = try XCTUnwrap(try ChunkBlocks(decoding: edited).sections.first { $0.y == -7 })
        XCTAssertEqual(section[x: 2, y: -100 & 15, z: 3], BlockState("minecraft:emerald_block"))
        XCTAssertThrowsError(try ChunkEditor.apply([BlockEdit(x: 0, y: -129, z: 0, state: .air)], to: root)) { error in
            guard case ChunkError.yOutOfRange(_, let valid, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(valid, -128...255)
        }
    }
}
