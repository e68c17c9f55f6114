import NBT
import XCTest

final class CompoundTests: XCTestCase {
    /// Small compounds search linearly, large ones keep an index: both must behave the same.
    func testInsertLookupAndRemoveKeepOrderOnBothSidesOfTheIndexThreshold() {
        for size in [0, 1, 5, 12, 13, 40] {
            var c = Compound()
            for i in 0..<size { c["k\(i)"] = .int(Int32(i)) }
            XCTAssertEqual(c.count, size)
            for i in 0..<size { XCTAssertEqual(c["k\(i)"], .int(Int32(i)), "size \(size)") }
            XCTAssertNil(c["missing"])
            if size > 0 {
                c["k0"] = .string("replaced")   // replacing keeps the position
                XCTAssertEqual(c.keys.first, "k0")
                XCTAssertEqual(c["k0"], .string("replaced"))
            }
            for i in stride(from: 0, to: size, by: 2) { XCTAssertNotNil(c.removeValue(forKey: "k\(i)")) }
            XCTAssertEqual(c.keys, (0..<size).filter { $0 % 2 == 1 }.map { "k\($0)" }, "size \(size)")
            for i in 0..<size where i % 2 == 1 { XCTAssertEqual(c["k\(i)"], .int(Int32(i)), "size \(size) after removal") }
            c["new"] = .byte(1)
            XCTAssertEqual(c.keys.last, "new")
            XCTAssertEqual(c["new"], .byte(1))
        }
    }

    func testEqualityIsOrderSensitive() {
        XCTAssertNotEqual(Compound([("a", .int(1)), ("b", .int(2))]), Compound([("b", .int(2)), ("a", .int(1))]))
        XCTAssertEqual(Compound([("a", .int(1)), ("a", .int(3))]), Compound([("a", .int(3))]))
    }
}
