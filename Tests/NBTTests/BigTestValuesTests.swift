import Foundation
import NBT
import TestSupport
import XCTest

/// The classic bigtest.nbt (twoolie-nbt/bigtest.nbt in SOURCES.md) holds well-known values.
final class BigTestValuesTests: XCTestCase {
    private func bigtest() throws -> NBTReader.Document {
        try NBTFile.read(contentsOf: try Fixtures.shared("worlds/real/twoolie-nbt/bigtest.nbt")).document
    }

    func testRootIsNamedLevelAndScalarsHaveTheirKnownValues() throws {
        let doc = try bigtest()
        XCTAssertEqual(doc.name, "Level")
        XCTAssertEqual(doc.root["longTest"], .long(9_223_372_036_854_775_807))
        XCTAssertEqual(doc.root["shortTest"], .short(32767))
        XCTAssertEqual(doc.root["intTest"], .int(2_147_483_647))
        XCTAssertEqual(doc.root["byteTest"], .byte(127))
        XCTAssertEqual(doc.root["floatTest"], .float(0.49823147))
        XCTAssertEqual(doc.root["doubleTest"], .double(0.4931287132182315))
        XCTAssertEqual(doc.root["stringTest"], .string("HELLO WORLD THIS IS A TEST STRING ÅÄÖ!"))
    }

    func testByteArrayHoldsTheFirstThousandValuesOfTheFormula() throws {
        let doc = try bigtest()
        let key = "byteArrayTest (the first 1000 values of (n*n*255+n*7)%100, starting with n=0 (0, 62, 34, 16, 8, ...))"
        let bytes = try XCTUnwrap(doc.root[key]?.byteArray)
        let expected: [UInt8] = (0..<1000).map { (n: Int) -> UInt8 in UInt8((n * n * 255 + n * 7) % 100) }
        XCTAssertEqual(bytes, expected)
    }

    func testListsAndNestedCompoundsHaveTheirKnownContents() throws {
        let doc = try bigtest()
        XCTAssertEqual(doc.root["listTest (long)"], .list(.long, (11...15).map { .long(Int64($0)) }))
        let compounds = try XCTUnwrap(doc.root["listTest (compound)"]?.list)
        XCTAssertEqual(compounds.count, 2)
        XCTAssertEqual(compounds[0].compound?["name"], .string("Compound tag #0"))
        XCTAssertEqual(compounds[1].compound?["created-on"], .long(1_264_099_775_885))
        let nested = try XCTUnwrap(doc.root["nested compound test"]?.compound)
        XCTAssertEqual(nested["ham"]?.compound?["name"], .string("Hampus"))
        XCTAssertEqual(nested["ham"]?.compound?["value"], .float(0.75))
        XCTAssertEqual(nested["egg"]?.compound?["name"], .string("Eggbert"))
        XCTAssertEqual(nested["egg"]?.compound?["value"], .float(0.5))
    }
}
