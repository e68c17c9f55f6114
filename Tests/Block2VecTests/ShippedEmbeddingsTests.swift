import Block2Vec
import TestSupport
import XCTest

/// The pretrained embeddings shipped in `embeddings/` for the sample ruin.
final class ShippedEmbeddingsTests: XCTestCase {
    func testSampleRuinEmbeddingsLoadAndAgreeWithTheirSidecar() throws {
        let embeddings = try EmbeddingFile.read(from: Fixtures.project("embeddings/ruins.txt"))
        let sidecar = try EmbeddingSidecar.read(from: Fixtures.project("embeddings/ruins.json"))
        XCTAssertEqual(embeddings.dimension, sidecar.parameters.dimension)
        XCTAssertEqual(embeddings.tokens, sidecar.vocabulary.map(\.token))
        XCTAssertEqual(sidecar.epochLosses.count, sidecar.parameters.epochs)
        XCTAssertGreaterThan(embeddings.count, 30)
        // Weathered variants of the keep's walls should sit together.
        let bricks = try XCTUnwrap(embeddings.distance("minecraft:stone_bricks", "minecraft:cracked_stone_bricks"))
        let air = try XCTUnwrap(embeddings.distance("minecraft:stone_bricks", "minecraft:air"))
        XCTAssertLessThan(bricks, air)
    }
}
