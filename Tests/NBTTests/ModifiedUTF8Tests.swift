import NBT
import XCTest

final class ModifiedUTF8Tests: XCTestCase {
    func testNulIsWrittenAsC080AndReadBack() {
        let bytes = ModifiedUTF8.encode("a\u{0}b")
        XCTAssertEqual(bytes, [0x61, 0xC0, 0x80, 0x62])
        XCTAssertEqual(bytes.withUnsafeBytes { ModifiedUTF8.decode($0) }, "a\u{0}b")
    }

    func testSupplementaryCharacterIsASurrogatePairOfThreeByteSequences() {
        let bytes = ModifiedUTF8.encode("\u{1F600}")
        XCTAssertEqual(bytes, [0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80])
        XCTAssertEqual(bytes.withUnsafeBytes { ModifiedUTF8.decode($0) }, "\u{1F600}")
    }

    func testTwoAndThreeByteCharactersMatchStandardUTF8() {
        let text = "Åé€半"
        XCTAssertEqual(ModifiedUTF8.encode(text), Array(text.utf8))
        XCTAssertEqual(Array(text.utf8).withUnsafeBytes { ModifiedUTF8.decode($0) }, text)
    }

    func testRawNulByteAndTruncatedSequenceAreRejected() {
        XCTAssertNil([0x61, 0x00].withUnsafeBytes { ModifiedUTF8.decode($0) })
        XCTAssertNil([0xE4, 0xB8].withUnsafeBytes { ModifiedUTF8.decode($0) })
        XCTAssertNil([0xF0, 0x9F, 0x98, 0x80].withUnsafeBytes { ModifiedUTF8.decode($0) })
    }

    func testStringsWithNulAndEmojiRoundTripThroughATag() throws {
        var root = Compound()
        root["text"] = .string("x\u{0}y\u{1F600}z")
        let bytes = try NBTWriter.write(NBTReader.Document(root: root))
        XCTAssertEqual(try NBTReader.read(bytes).root, root)
    }
}
