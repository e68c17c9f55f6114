import Foundation
import TestSupport
import XCTest

/// One ../shared/parity JSON file: its arrays and the per-array tolerances the README defines
/// (`float64_check.<name>.suggested_atol`, about 1e-5 of the array's largest magnitude).
struct ParityFixture: Decodable {
    struct Array: Decodable { let shape: [Int]; let data: [Double] }
    struct Check: Decodable { let suggested_atol: Double }
    let arrays: [String: Array]
    let float64_check: [String: Check]

    static func load(_ name: String) throws -> ParityFixture {
        let url = try Fixtures.shared("parity/\(name)")
        return try JSONDecoder().decode(ParityFixture.self, from: Data(contentsOf: url))
    }

    func floats(_ name: String) throws -> [Float] {
        try XCTUnwrap(arrays[name], "fixture has no array \(name)").data.map { Float($0) }
    }

    func ints(_ name: String) throws -> [Int32] {
        try XCTUnwrap(arrays[name], "fixture has no array \(name)").data.map { Int32($0) }
    }

    /// Element-wise |actual − expected| ≤ suggested_atol, with shape (element count) checked first.
    func assertMatches(_ actual: [Float], _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try floats(name)
        let atol = try XCTUnwrap(float64_check[name], "no tolerance for \(name)").suggested_atol
        XCTAssertEqual(actual.count, expected.count, "\(name): element count", file: file, line: line)
        for (i, (a, e)) in zip(actual, expected).enumerated() where !(abs(Double(a) - Double(e)) <= atol) {
            XCTFail("\(name)[\(i)]: got \(a), PyTorch \(e), atol \(atol)", file: file, line: line)
            return
        }
    }
}
