import Tensor
import XCTest

final class SymmetricEigenTests: XCTestCase {
    /// A random symmetric 12×12 matrix: A·v = λ·v for every pair, the values descending, the
    /// vectors orthonormal.
    func testEigenpairsOfARandomSymmetricMatrix() throws {
        var rng = SeededGenerator(seed: 9)
        let n = 12
        let b = Tensor.randomNormal([n, n], using: &rng)
        let a = Tensor(shape: [n, n], data: (0..<n * n).map { b.data[$0] + b.data[($0 % n) * n + $0 / n] })
        let (values, vectors) = try XCTUnwrap(a.symmetricEigen())
        XCTAssertEqual(values.count, n)
        XCTAssertEqual(values, values.sorted(by: >))
        let av = a.matmul(vectors)
        for k in 0..<n { for i in 0..<n {
            XCTAssertEqual(av.data[i * n + k], values[k] * vectors.data[i * n + k], accuracy: 1e-3, "pair \(k), row \(i)")
        } }
        let gram = vectors.matmul(vectors, transposeSelf: true)
        for i in 0..<n { for j in 0..<n { XCTAssertEqual(gram.data[i * n + j], i == j ? 1 : 0, accuracy: 1e-4) } }
    }

    /// A diagonal matrix: its entries, largest first, with unit axes as vectors.
    func testADiagonalMatrixGivesItsEntriesInDescendingOrder() throws {
        let a = Tensor(shape: [3, 3], data: [2, 0, 0, 0, 5, 0, 0, 0, -1])
        let (values, vectors) = try XCTUnwrap(a.symmetricEigen())
        XCTAssertEqual(values[0], 5, accuracy: 1e-5)
        XCTAssertEqual(values[1], 2, accuracy: 1e-5)
        XCTAssertEqual(values[2], -1, accuracy: 1e-5)
        XCTAssertEqual(abs(vectors.data[1 * 3 + 0]), 1, accuracy: 1e-5)   // first column: the Y axis
    }
}
