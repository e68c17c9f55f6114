import Foundation
import NBT
import TestSupport
import XCTest

/// Malformed and hostile NBT (built with `NBTBuilder`) fails with a typed error, never a crash,
/// and never allocates what a lying length claims.
final class HostileInputTests: XCTestCase {
    private func nested(depth: Int) -> [UInt8] {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        for _ in 1..<depth { b.tagHeader(.compound, name: "x") }
        for _ in 0..<depth { b.end() }
        return b.bytes
    }

    func testNestingOf512CompoundsIsAcceptedAnd513IsRejected() throws {
        XCTAssertNoThrow(try NBTReader.read(nested(depth: 512)))
        XCTAssertThrowsError(try NBTReader.read(nested(depth: 513))) { error in
            guard case .nestingTooDeep(let limit, _, let path)? = error as? NBTError else {
                return XCTFail("expected nestingTooDeep, got \(error)")
            }
            XCTAssertEqual(limit, 512)
            XCTAssertEqual(path.components.count, 512)
        }
    }

    func testListClaimingTwoBillionElementsInTwentyBytesIsTruncated() {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        b.tagHeader(.list, name: "l")
        b.u8(TagType.byte.rawValue)
        b.i32(Int32.max)
        b.raw([UInt8](repeating: 0, count: 20 - b.bytes.count))
        XCTAssertEqual(b.bytes.count, 20)
        XCTAssertThrowsError(try NBTReader.read(b.bytes)) { error in
            guard case .truncated(let offset, let needed, let path)? = error as? NBTError else {
                return XCTFail("expected truncated, got \(error)")
            }
            XCTAssertEqual(offset, 12)
            XCTAssertEqual(needed, Int(Int32.max) - 8)
            XCTAssertEqual(path.description, "l")
        }
    }

    func testLongArrayClaimingOneGigabyteIsTruncated() {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        b.tagHeader(.longArray, name: "BlockStates")
        b.i32(1 << 27)                       // 2^27 longs = 1 GiB
        b.i64(42)
        b.end()
        XCTAssertThrowsError(try NBTReader.read(b.bytes)) { error in
            guard case .truncated(_, let needed, let path)? = error as? NBTError else {
                return XCTFail("expected truncated, got \(error)")
            }
            XCTAssertGreaterThan(needed, 1 << 29)
            XCTAssertEqual(path.description, "BlockStates")
        }
    }

    func testNegativeArrayLengthIsRejectedWithItsOffset() {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        b.tagHeader(.intArray, name: "a")
        let at = b.bytes.count
        b.i32(-5)
        XCTAssertThrowsError(try NBTReader.read(b.bytes)) { error in
            XCTAssertEqual(error as? NBTError, .negativeLength(-5, offset: at, path: NBTPath([.key("a")])))
        }
    }

    func testWrongTagIdIsUnknownTagTypeWithOffsetAndPath() {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        b.tagHeader(.compound, name: "Level")
        b.tagHeader(.list, name: "Sections")
        b.u8(TagType.compound.rawValue)
        b.i32(2)
        b.tagHeader(.byte, name: "Y"); b.u8(0); b.end()   // element 0
        b.tagHeader(.byte, name: "Y"); b.u8(1)           // element 1 continues…
        let at = b.bytes.count
        b.u8(13)                                          // …with a tag id that does not exist
        b.raw([0, 0, 0, 0])
        XCTAssertThrowsError(try NBTReader.read(b.bytes)) { error in
            let expected = NBTError.unknownTagType(13, offset: at, path: NBTPath([.key("Level"), .key("Sections"), .index(1)]))
            XCTAssertEqual(error as? NBTError, expected)
            XCTAssertEqual("\(error)", "unknown NBT tag type 13 at byte \(at) in Level.Sections[1] (corrupt data)")
        }
    }

    func testListOfEndTagsWithElementsIsRejected() {
        var b = NBTBuilder()
        b.tagHeader(.compound, name: "")
        b.tagHeader(.list, name: "bad")
        b.u8(TagType.end.rawValue)
        b.i32(3)
        b.raw([0, 0, 0, 0])
        XCTAssertThrowsError(try NBTReader.read(b.bytes)) { error in
            XCTAssertEqual(error as? NBTError, .inconsistentList(declared: .end, found: .end, path: NBTPath([.key("bad")])))
            XCTAssertEqual("\(error)", "list bad has elements but declares no element type (TAG_End); corrupt data")
        }
    }

    func testEveryTruncationOfBigtestThrowsInsteadOfCrashing() throws {
        let raw = [UInt8](try Data(contentsOf: try Fixtures.shared("worlds/real/twoolie-nbt/bigtest.nbt")))
        let plain = try raw.withUnsafeBytes { try NBTCompression.gzip.decompress($0) }
        XCTAssertNoThrow(try NBTReader.read(plain))
        var failures = 0
        for length in 0..<plain.count {
            let prefix = Array(plain[0..<length])
            do { _ = try NBTReader.read(prefix) } catch { failures += 1 }
        }
        XCTAssertEqual(failures, plain.count)
    }

    func testCutOffGzipFileReportsTheStreamEndingEarly() throws {
        let raw = [UInt8](try Data(contentsOf: try Fixtures.shared("worlds/real/twoolie-nbt/bigtest.nbt")))
        let cut = Array(raw.prefix(raw.count / 2))
        XCTAssertThrowsError(try cut.withUnsafeBytes { try NBTCompression.gzip.decompress($0) }) { error in
            guard case .compressedDataEndsEarly(let format, _)? = error as? NBTError else {
                return XCTFail("expected compressedDataEndsEarly, got \(error)")
            }
            XCTAssertEqual(format, "gzip")
        }
    }

    func testDecompressionBombStopsAtTheLimit() throws {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let bomb = try Deflater.compress(zeros, container: .zlib)
        XCTAssertLessThan(bomb.count, 4096)
        XCTAssertThrowsError(try bomb.withUnsafeBytes { try NBTCompression.zlib.decompress($0, limit: 1 << 16) }) { error in
            XCTAssertEqual(error as? NBTError, .tooLarge(limit: 1 << 16))
        }
        XCTAssertEqual(try bomb.withUnsafeBytes { try NBTCompression.zlib.decompress($0) }, zeros)
    }

    func testGarbledZlibDataIsDecompressionFailed() {
        let garbage: [UInt8] = [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x12]
        XCTAssertEqual(NBTCompression.detect(garbage), .zlib)
        XCTAssertThrowsError(try garbage.withUnsafeBytes { try NBTCompression.zlib.decompress($0) }) { error in
            guard case .decompressionFailed(let format, _)? = error as? NBTError else {
                return XCTFail("expected decompressionFailed, got \(error)")
            }
            XCTAssertEqual(format, "zlib")
        }
    }

    func testMissingFileIsFileUnreadableNamingThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/level.dat")
        XCTAssertThrowsError(try NBTFile.read(contentsOf: url)) { error in
            guard case .fileUnreadable(let path, _)? = error as? NBTError else {
                return XCTFail("expected fileUnreadable, got \(error)")
            }
            XCTAssertEqual(path, "/nonexistent/level.dat")
        }
    }
}
