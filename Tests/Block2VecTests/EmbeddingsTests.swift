import Anvil
import Block2Vec
import Foundation
import TestSupport
import XCTest

final class EmbeddingsTests: XCTestCase {
    private let square = Embeddings(tokens: ["p", "q", "r", "s"], dimension: 2,
                                    vectors: [0, 0, 3, 0, 0, 4, 3, 4])

    func testDistanceIsEuclidean() {
        XCTAssertEqual(square.distance("p", "s"), 5)
        XCTAssertEqual(square.distance("q", "r"), 5)
        XCTAssertEqual(square.distance("p", "q"), 3)
        XCTAssertNil(square.distance("p", "unknown"))
    }

    func testNearestDecodingOfAChannelMajorVolume() {
        // Three voxels, channel-major: x values then y values.
        let values: [Float] = [0.2, 2.9, 2.0, /* y: */ 0.1, 3.9, 0.3]
        XCTAssertEqual(square.nearestIndices(channelMajor: values, voxelCount: 3), [0, 3, 1])
        XCTAssertEqual(square.nearestIndex(to: [0.1, 3.0]), 2)
    }

    func testRestrictingToAVocabularyListsEveryMissingToken() throws {
        let sub = try square.restricted(to: ["r", "p"], file: "e.txt")
        XCTAssertEqual(sub.tokens, ["r", "p"])
        XCTAssertEqual(sub.vectors, [0, 4, 0, 0])
        XCTAssertThrowsError(try square.restricted(to: ["p", "z", "y"], file: "e.txt")) { error in
            XCTAssertEqual(error as? Block2VecError, .missingTokens(file: "e.txt", tokens: ["y", "z"]))
            XCTAssertTrue("\(error)".contains("e.txt: no embedding for 2 token(s) of the input: y, z"))
        }
    }

    func testSidecarRoundTripsAndRecordsTheRun() throws {
        var config = Block2VecConfig()
        config.dimension = 4
        config.epochs = 2
        config.batchSize = 16
        config.seed = 77
        let result = try Block2VecTrainer.train(volume: TestVolumes.pairedStructure(halfX: 4), config: config)
        let sidecar = EmbeddingSidecar(result: result, sourceFile: "inputs/pairs.schem")
        let url = try Fixtures.temporaryDirectory(self).appendingPathComponent("pairs.json")
        try sidecar.write(to: url)
        XCTAssertEqual(try EmbeddingSidecar.read(from: url), sidecar)

        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        XCTAssertEqual(json["sourceFile"] as? String, "inputs/pairs.schem")
        XCTAssertEqual(json["version"] as? Int, 1)
        let parameters = try XCTUnwrap(json["parameters"] as? [String: Any])
        XCTAssertEqual(parameters["seed"] as? Int, 77)
        XCTAssertEqual(parameters["dimension"] as? Int, 4)
        XCTAssertEqual(parameters["subsampleThreshold"] as? Double, 1e-3)
        let vocabulary = try XCTUnwrap(json["vocabulary"] as? [[String: Any]])
        XCTAssertEqual(vocabulary.map { $0["token"] as? String }, result.vocabulary.tokens)
        XCTAssertEqual(vocabulary.compactMap { $0["count"] as? Int }.reduce(0, +), 8 * 8 * 8)
        XCTAssertEqual((json["epochLosses"] as? [Double])?.count, 2)
        XCTAssertEqual(try XCTUnwrap(json["finalLoss"] as? Double), Double(try XCTUnwrap(result.finalLoss)), accuracy: 1e-6)
    }

    func testSidecarOfAnotherVersionIsRejected() {
        let data = Data(#"{"version": 2}"#.utf8)
        XCTAssertThrowsError(try EmbeddingSidecar.decode(data, file: "x.json")) { error in
            guard case .badSidecar(let file, _)? = error as? EmbeddingFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "x.json")
        }
    }
}

final class EmbeddingsVolumeTests: XCTestCase {
    private let embeddings = Embeddings(tokens: ["minecraft:air", "minecraft:stone", "minecraft:dirt"], dimension: 2,
                                        vectors: [0, 0, 1, 0, 0, 1])

    func testVolumeEncodesChannelMajorAndDecodesBack() throws {
        let volume = TestVolumes.make(3, 2, 2) { x, y, _ in
            ["minecraft:air", "minecraft:stone", "minecraft:dirt"][(x + y) % 3]
        }
        let values = try embeddings.channelMajorValues(of: volume, file: "e.txt")
        XCTAssertEqual(values.count, 2 * 12)
        let offset = volume.offset(1, 1, 0)   // (1 + 1) % 3 = 2 → dirt (0, 1)
        XCTAssertEqual(values[offset], 0)
        XCTAssertEqual(values[12 + offset], 1)
        let rows = embeddings.nearestIndices(channelMajor: values, voxelCount: 12)
        XCTAssertEqual(rows.map { embeddings.tokens[Int($0)] }, volume.indices.map { volume.palette[Int($0)].token })
    }

    func testEncodingAVolumeWithUncoveredStatesListsThem() {
        var volume = BlockVolume(size: (2, 1, 1), fill: BlockState("minecraft:gold_block"))
        volume[1, 0, 0] = BlockState("minecraft:oak_log", ["axis": "y"])
        _ = volume.index(of: BlockState("minecraft:unused"))
        XCTAssertThrowsError(try embeddings.channelMajorValues(of: volume, file: "e.txt")) { error in
            XCTAssertEqual(error as? Block2VecError,
                           .missingTokens(file: "e.txt", tokens: ["minecraft:gold_block", "minecraft:oak_log[axis=y]"]))
        }
    }
}
