import Block2Vec
import XCTest

final class ProjectionTests: XCTestCase {
    func testPointsOnALineProjectOntoTheFirstAxisKeepingTheirSpacing() {
        // Four points on the line t·(1, 2, 2) (unit direction (1,2,2)/3), t = 0, 1, 2, 5.
        let ts: [Float] = [0, 1, 2, 5]
        let e = Embeddings(tokens: ["a", "b", "c", "d"], dimension: 3, vectors: ts.flatMap { [$0, 2 * $0, 2 * $0] })
        let p = Projection(e)
        XCTAssertEqual(p.explainedVariance.0, 1, accuracy: 1e-9)
        XCTAssertEqual(p.explainedVariance.1, 0, accuracy: 1e-9)
        let mean = 2.0 * 3
        for (i, t) in ts.enumerated() {
            // |(1,2,2)| = 3, so coordinate = 3·(t − mean t); the axis sign makes (1,2,2) positive.
            XCTAssertEqual(p.points[i].x, 3 * Double(t) - mean, accuracy: 1e-5)
            XCTAssertEqual(p.points[i].y, 0, accuracy: 1e-5)
        }
    }

    func testSecondAxisCarriesTheSecondLargestSpread() {
        // Spread 4 along z, 1 along x, none along y.
        let e = Embeddings(tokens: ["a", "b", "c", "d"], dimension: 3,
                           vectors: [-1, 0, 0, 1, 0, 0, 0, 0, -4, 0, 0, 4])
        let p = Projection(e)
        XCTAssertEqual(p.points.map(\.x), [0, 0, -4, 4].map(Double.init))
        XCTAssertEqual(p.points.map(\.y), [-1, 1, 0, 0].map(Double.init))
        XCTAssertEqual(p.explainedVariance.0, 32.0 / 34, accuracy: 1e-12)
    }

    func testDistanceMatrixIsSymmetricWithAZeroDiagonal() {
        let e = Embeddings(tokens: ["p", "q", "r"], dimension: 2, vectors: [0, 0, 3, 4, 6, 8])
        let p = Projection(e)
        XCTAssertEqual(p.distances, [0, 5, 10, 5, 0, 5, 10, 5, 0])
        XCTAssertEqual(p.tokens, ["p", "q", "r"])
    }

    func testProjectionIsDeterministic() {
        var rng = SeededGenerator(seed: 8)
        let vectors = (0..<(20 * 32)).map { _ in rng.nextSymmetric(1) }
        let e = Embeddings(tokens: (0..<20).map { "t\($0)" }, dimension: 32, vectors: vectors)
        XCTAssertEqual(Projection(e), Projection(e))
        XCTAssertEqual(Projection(e).points.count, 20)
    }
}
