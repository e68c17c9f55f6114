import Foundation
import XCTest

/// One PyTorch reference case from `../shared/parity/` (format in that folder's README): named
/// arrays (row-major, explicit shape) and the tolerance each output is fairly compared with.
public struct ParityCase: Decodable {
    public struct Array: Decodable {
        public let shape: [Int]
        public let data: [Float]
    }

    private struct Check: Decodable { let suggested_atol: Float }
    private struct Exception: Decodable { let atol: Float }

    public let config: [String: Double]
    public let outputs: [String]
    public let arrays: [String: Array]
    private let float64_check: [String: Check]
    private let tolerance_exceptions: [String: Exception]

    /// Loads `parity/<file>` from `../shared` (skips the test when absent, fails in CI).
    public static func load(_ file: String, caller: StaticString = #filePath, line: UInt = #line) throws -> ParityCase {
        let url = try Fixtures.shared("parity/\(file)", file: caller, line: line)
        return try JSONDecoder().decode(ParityCase.self, from: Data(contentsOf: url))
    }

    /// The array `name`; fails the test when the fixture lacks it.
    public func array(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Array {
        guard let array = arrays[name] else {
            XCTFail("parity fixture has no array \(name)", file: file, line: line)
            throw FixtureMissing(path: name)
        }
        return array
    }

    /// The fair absolute tolerance of output `name`: its exception, else its suggested atol
    /// (`max(100 × float32-vs-float64 error, 1e-5 × max |ref|)`), else 1e-5 of its largest value.
    public func tolerance(_ name: String) -> Float {
        if let exception = tolerance_exceptions[name] { return exception.atol }
        if let check = float64_check[name] { return check.suggested_atol }
        let largest = arrays[name]?.data.map(abs).max() ?? 0
        return max(1e-5 * largest, 1e-7)
    }

    /// Asserts `actual` has the reference shape and is within ``tolerance(_:)`` element-wise.
    public func assertMatches(_ name: String, _ actual: [Float], shape: [Int], slack: Float = 1,
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try array(name, file: file, line: line)
        let referenceShape = reference.shape.isEmpty ? [] : reference.shape
        XCTAssertEqual(elementCount(shape), elementCount(referenceShape),
                       "\(name): element count differs (shape \(shape) vs \(referenceShape))", file: file, line: line)
        XCTAssertEqual(shape.filter { $0 != 1 }, referenceShape.filter { $0 != 1 },
                       "\(name): shape \(shape) vs reference \(referenceShape)", file: file, line: line)
        guard actual.count == reference.data.count else { return }
        let atol = tolerance(name) * slack
        var worst: (index: Int, error: Float) = (0, 0)
        for (i, (a, r)) in zip(actual, reference.data).enumerated() {
            let error = abs(a - r)
            if !(error <= worst.error) { worst = (i, error) }
        }
        XCTAssertLessThanOrEqual(worst.error, atol,
            "\(name): element \(worst.index) is \(actual[worst.index]), reference \(reference.data[worst.index]) (atol \(atol))",
            file: file, line: line)
    }
}

private func elementCount(_ shape: [Int]) -> Int { shape.reduce(1, *) }
