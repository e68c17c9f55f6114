import Foundation
import Tensor
import TestSupport
import XCTest

final class SafeTensorsTests: XCTestCase {
    func testRoundTripKeepsShapesValuesAndMetadata() throws {
        var file = SafeTensors()
        file["b"] = .init(shape: [2, 3], values: [1, -2, 3.5, .pi, 0, -0.25])
        file["a"] = .init(shape: [], values: [42])
        file.metadata = ["format": "pt", "scale": "2"]
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("w.safetensors")
        try file.write(to: url)
        XCTAssertEqual(try SafeTensors(contentsOf: url), file)
    }

    func testLayoutIsTheSafetensorsSpec() throws {
        var file = SafeTensors()
        file["x"] = .init(shape: [2], values: [1, 2])
        let bytes = file.serialized()
        let n = Int(bytes.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) })
        XCTAssertEqual(n % 8, 0, "header padded to 8 bytes")
        let header = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes[8..<8 + n])) as? [String: Any])
        let x = try XCTUnwrap(header["x"] as? [String: Any])
        XCTAssertEqual(x["dtype"] as? String, "F32")
        XCTAssertEqual(x["shape"] as? [Int], [2])
        XCTAssertEqual(x["data_offsets"] as? [Int], [0, 8])
        XCTAssertEqual(Array(bytes[(8 + n)...]), [0, 0, 0x80, 0x3F, 0, 0, 0, 0x40], "little-endian float32 1.0, 2.0")
    }

    func testMalformedFilesAreTypedErrors() {
        XCTAssertThrowsError(try SafeTensors(bytes: [1, 2, 3])) { XCTAssertTrue("\($0)".contains("shorter")) }
        var huge = [UInt8](repeating: 0, count: 16)
        huge[7] = 0x7F   // claims an enormous header
        XCTAssertThrowsError(try SafeTensors(bytes: huge)) { XCTAssertTrue("\($0)".contains("exceeds")) }
        var file = SafeTensors()
        file["x"] = .init(shape: [4], values: [1, 2, 3, 4])
        var bytes = file.serialized()
        bytes.removeLast(4)   // data shorter than the header says
        XCTAssertThrowsError(try SafeTensors(bytes: bytes)) { XCTAssertTrue("\($0)".contains("offsets")) }
    }
}
