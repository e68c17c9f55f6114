import Anvil
import Block2Vec
import Foundation
import Styles
import TestSupport
import XCTest

final class StyleDecoderTests: XCTestCase {
    /// Three voxels of 2 channels, channel-major: (0.1, 0), (9, 1), (5.2, 5).
    let generated: [Float] = [0.1, 9, 5.2, 0, 1, 5]

    func testDecodingAgainstAnotherVocabularyPicksItsNearestToken() throws {
        let run = Embeddings(tokens: ["minecraft:stone", "minecraft:dirt"], dimension: 2, vectors: [0, 0, 10, 0])
        let other = Embeddings(tokens: ["minecraft:sandstone", "minecraft:sand",
                                        "minecraft:red_sandstone_stairs[facing=east,half=bottom]"],
                               dimension: 2, vectors: [0, 1, 9, 0, 5, 5])
        let ownDecode = try StyleDecoder(embeddings: run, file: "run.txt").decode(channelMajor: generated, size: (1, 1, 3))
        XCTAssertEqual((0..<3).map { ownDecode[0, 0, $0].token }, ["minecraft:stone", "minecraft:dirt", "minecraft:dirt"])

        let styled = try other.decode(channelMajor: generated, size: (1, 1, 3), file: "other.txt")
        XCTAssertEqual(styled[0, 0, 0], BlockState("minecraft:sandstone"))
        XCTAssertEqual(styled[0, 0, 1], BlockState("minecraft:sand"))
        XCTAssertEqual(styled[0, 0, 2], BlockState("minecraft:red_sandstone_stairs", ["facing": "east", "half": "bottom"]))
        XCTAssertEqual(styled.palette.count, 3, "only the states that occur")
    }

    func testVoxelOrderFollowsTheVolumeLayout() throws {
        // Size (2, 1, 2): storage offsets (x*1+y)*2+z; voxel 2 is (1, 0, 0).
        let e = Embeddings(tokens: ["minecraft:a", "minecraft:b"], dimension: 1, vectors: [0, 1])
        let volume = try e.decode(channelMajor: [0, 0, 1, 0], size: (2, 1, 2), file: "e.txt")
        XCTAssertEqual(volume[1, 0, 0], BlockState("minecraft:b"))
        XCTAssertEqual(volume.histogram(), [BlockState("minecraft:a"): 3, BlockState("minecraft:b"): 1])
    }

    func testADimensionMismatchIsAClearError() throws {
        let wide = Embeddings(tokens: ["minecraft:sand"], dimension: 3, vectors: [0, 0, 0])
        XCTAssertThrowsError(try wide.decode(channelMajor: generated, size: (1, 1, 3), file: "wide.txt")) { error in
            XCTAssertEqual(error as? StyleError,
                           .dimensionMismatch(file: "wide.txt", embeddingsDimension: 3, valueCount: 6, voxelCount: 3))
            XCTAssertEqual(String(describing: error),
                           "wide.txt: embeddings of dimension 3 cannot decode a volume of 2 channels per voxel; "
                           + "pass an embeddings file of the run's dimension")
        }
    }

    func testTokensThatAreNotBlockStatesAndEmptyFilesAreRefused() {
        let bad = Embeddings(tokens: ["minecraft:sand", "minecraft:stone]"], dimension: 1, vectors: [0, 1])
        XCTAssertThrowsError(try StyleDecoder(embeddings: bad, file: "bad.txt")) { error in
            XCTAssertEqual(error as? StyleError, .unparsableToken(file: "bad.txt", row: 1, token: "minecraft:stone]"))
        }
        let empty = Embeddings(tokens: [], dimension: 2, vectors: [])
        XCTAssertThrowsError(try StyleDecoder(embeddings: empty, file: "empty.txt")) { error in
            XCTAssertEqual(error as? StyleError, .emptyVocabulary(file: "empty.txt"))
        }
    }

    func testAStyleArgumentResolvesToABundledStyleAJsonFileOrAnEmbeddingsFile() throws {
        let folder = try Fixtures.temporaryDirectory(self)
        let txt = folder.appendingPathComponent("other.TXT")
        try EmbeddingFile.write(Embeddings(tokens: ["minecraft:sand"], dimension: 2, vectors: [1, 2]), to: txt)
        let json = folder.appendingPathComponent("mine.json")
        try Data(#"{"map": {"minecraft:dirt": "minecraft:sand"}}"#.utf8).write(to: json)

        guard case .mapping(let desert) = try StyleChoice.resolve("desert") else { return XCTFail("desert is a mapping") }
        XCTAssertEqual(desert.origin, "bundled style desert")
        guard case .mapping(let mine) = try StyleChoice.resolve(json.path) else { return XCTFail("mine.json is a mapping") }
        XCTAssertEqual(mine.map, ["minecraft:dirt": "minecraft:sand"])
        guard case .vocabulary(let decoder) = try StyleChoice.resolve(txt.path) else { return XCTFail("other.TXT is embeddings") }
        XCTAssertEqual(decoder.states, [BlockState("minecraft:sand")])
        XCTAssertThrowsError(try StyleChoice.resolve("tundra")) { error in
            guard case .unknownStyle("tundra", _)? = error as? StyleError else { return XCTFail("\(error)") }
        }
    }

    func testTheShippedRuinsVocabularyDecodesAndTheDesertStyleCoversAllButTheChest() throws {
        let url = Fixtures.project("embeddings/ruins.txt")
        let decoder = try StyleDecoder(contentsOf: url)
        let e = decoder.embeddings
        // One voxel per token, its own vector: decoding gives every token back.
        var values = [Float](repeating: 0, count: e.count * e.dimension)
        for row in 0..<e.count { for c in 0..<e.dimension { values[c * e.count + row] = e.vectors[row * e.dimension + c] } }
        let volume = try decoder.decode(channelMajor: values, size: (1, 1, e.count))
        XCTAssertEqual((0..<e.count).map { volume[0, 0, $0] }, decoder.states)

        let styled = try StyleMapper(style: Style.load(named: "desert")).apply(to: volume)
        XCTAssertEqual(styled.report.notCovered.map(\.state.name), ["minecraft:chest"])
        let stairs = BlockState("minecraft:stone_brick_stairs", ["facing": "east", "half": "top", "shape": "straight", "waterlogged": "false"])
        let z = try XCTUnwrap(decoder.states.firstIndex(of: stairs))
        XCTAssertEqual(styled.volume[0, 0, z],
                       BlockState("minecraft:smooth_red_sandstone_stairs", ["facing": "east", "half": "top", "shape": "straight", "waterlogged": "false"]))
        XCTAssertEqual(styled.report.mergedTargets[BlockState("minecraft:sand")],
                       [BlockState("minecraft:coarse_dirt"), BlockState("minecraft:dirt"),
                        BlockState("minecraft:grass_block", ["snowy": "false"]), BlockState("minecraft:water", ["level": "0"])])
        XCTAssertEqual(styled.report.mergedTargets[BlockState("minecraft:dead_bush")],
                       [BlockState("minecraft:short_grass"), BlockState("minecraft:tall_grass", ["half": "lower"])])
    }
}
