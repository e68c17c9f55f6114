@testable import WorldGAN
import Tensor
import XCTest

final class PatchProjectionTests: XCTestCase {
    /// Rows that lie in a 3-dimensional affine subspace of 20 dimensions: the projection keeps at
    /// most 3 directions and the distances through its operands are the exact ones.
    func testLowRankPatchesKeepTheirDistancesInFewDirections() {
        var rng = SeededGenerator(seed: 4)
        let factors = Tensor.randomNormal([50, 3], using: &rng), mixing = Tensor.randomNormal([3, 20], using: &rng)
        let rows = factors.matmul(mixing) + 0.5
        let projection = PatchProjection(rows)
        XCTAssertLessThanOrEqual(projection.basis.shape[1], 3)
        let distances = PatchProjection.squaredDistances(projection.queryOperand(rows), rows: 0..<50, to: projection.keyOperand(rows))
        for i in stride(from: 0, to: 50, by: 7) { for j in stride(from: 0, to: 50, by: 5) {
            let exact = (0..<20).reduce(Float(0)) { sum, c in
                let d = rows.data[i * 20 + c] - rows.data[j * 20 + c]
                return sum + d * d
            }
            XCTAssertEqual(distances.data[i * 50 + j], exact, accuracy: 1e-3 * max(1, exact), "rows \(i), \(j)")
        } }
        // A query block of other rows gives the same distances as the whole.
        let part = PatchProjection.squaredDistances(projection.queryOperand(rows), rows: 7..<9, to: projection.keyOperand(rows))
        XCTAssertEqual(Array(part.data[0..<50]), Array(distances.data[(7 * 50)..<(8 * 50)]))
    }
}
