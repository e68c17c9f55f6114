import NBT
import XCTest

final class SNBTTests: XCTestCase {
    private var sample: Compound {
        Compound([
            ("b", .byte(1)), ("s", .short(2)), ("i", .int(3)), ("l", .long(4)),
            ("f", .float(5)), ("d", .double(6)),
            ("bytes", .byteArray([1, 0xFF])), ("ints", .intArray([1, -2])), ("longs", .longArray([1, 2])),
            ("name", .string("say \"hi\"")), ("odd key", .string("back\\slash")),
            ("list", .list(.double, [.double(0.5), .double(1e10)])),
            ("pos", .list(.compound, [.compound(Compound([("x", .int(1))]))])),
            ("empty", .compound(Compound())), ("none", .list(.end, [])),
        ])
    }

    func testPrettyOutputMatchesTheGoldenText() {
        let expected = """
        {
            b: 1b,
            s: 2s,
            i: 3,
            l: 4L,
            f: 5.0f,
            d: 6.0d,
            bytes: [B; 1b, -1b],
            ints: [I; 1, -2],
            longs: [L; 1L, 2L],
            name: 'say "hi"',
            "odd key": "back\\\\slash",
            list: [0.5d, 1.0E10d],
            pos: [
                {
                    x: 1
                }
            ],
            empty: {},
            none: []
        }
        """
        XCTAssertEqual(SNBT.format(.compound(sample)), expected)
    }

    func testTagConvenienceMatchesTheFormatter() {
        XCTAssertEqual(Tag.intArray([1, 2]).snbt(indent: 0), "[I; 1, 2]")
        XCTAssertEqual(Tag.compound(sample).snbt(), SNBT.format(.compound(sample)))
        XCTAssertEqual(Tag.byteArray([1, 2, 3]).snbt(maxElements: 1), "[B; 1b, … 2 more]")
    }

    func testOneLineOutputUsesCommaSpaceSeparators() {
        let c = Compound([("a", .byte(1)), ("b", .list(.string, [.string("x"), .string("y")]))])
        XCTAssertEqual(SNBT.format(.compound(c), options: .init(indent: 0)), "{a: 1b, b: [\"x\", \"y\"]}")
    }

    func testHugeArraysAreCutWithACountOfTheRest() {
        let tag = Tag.longArray((0..<4100).map(Int64.init))
        XCTAssertEqual(SNBT.format(tag, options: .init(maxElements: 4)), "[L; 0L, 1L, 2L, 3L, … 4096 more]")
        XCTAssertEqual(SNBT.format(tag, options: .init(maxElements: nil)).components(separatedBy: ", ").count, 4100)
    }

    func testFloatsFollowJavaToString() {
        let cases: [(Tag, String)] = [
            (.float(0.49823147), "0.49823147f"), (.double(0.001), "0.001d"), (.double(0.0001), "1.0E-4d"),
            (.double(1234567), "1234567.0d"), (.double(12345678), "1.2345678E7d"), (.float(-0.0), "-0.0f"),
            (.double(.infinity), "Infinityd"), (.float(.nan), "NaNf"), (.double(100), "100.0d"),
        ]
        for (tag, text) in cases { XCTAssertEqual(SNBT.format(tag), text) }
    }

    func testControlCharactersAreEscapedSoValuesStayOnOneLine() {
        XCTAssertEqual(SNBT.format(.string("a\r\nb\tc\u{0}d")), #""a\r\nb\tc\x00d""#)
        XCTAssertEqual(SNBT.format(.string("it's \"x\"")), #""it's \"x\"""#)
        XCTAssertEqual(SNBT.format(.string("😀 ok")), "\"😀 ok\"")
    }
}
