import Foundation
import NBT
import TestSupport
import XCTest

/// Every NBT file in ../shared/worlds/real (see its SOURCES.md) parses and is rewritten byte for
/// byte after decompression.
final class NBTFixtureRoundTripTests: XCTestCase {
    /// (path under worlds/real, compression SOURCES.md lists)
    static let files: [(String, NBTCompression)] = [
        ("hellonbt/level.dat", .gzip),
        ("hellonbt/level.dat.raw", .none),
        ("querz-nbt/nbt7/level.dat", .gzip),
        ("mcaselector/generator/level.dat", .gzip),
        ("twoolie-nbt/bigtest.nbt", .gzip),
        ("twoolie-nbt/world_test/data/scoreboard.dat", .gzip),
        ("fastnbt/1.12.chunk", .none), ("fastnbt/1.17.0.chunk", .none),
        ("fastnbt/1.17.1-custom-heights.chunk", .none), ("fastnbt/1.17.1.chunk", .none),
        ("fastnbt/21w44a-test1.nbt", .none), ("fastnbt/chunk.nbt", .none), ("fastnbt/chunk1.14.nbt", .none),
        ("fastnbt/etho-empty.chunk", .none), ("fastnbt/etho-end-r.-6.-1.c.7.25.nbt", .none),
        ("fastnbt/etho-max-heights.chunk", .none), ("fastnbt/etho-old-heightmaps.chunk", .none),
        ("fastnbt/etho-old-in-new.chunk", .none), ("fastnbt/etho-old-in-new2.chunk", .none),
        ("fastnbt/etho.chunk", .none), ("fastnbt/forge-1.20.1.nbt", .none),
        ("fastnbt/issue99-chunk.nbt", .none), ("fastnbt/unicode.chunk", .none),
    ]

    func testEveryRealNBTFileRoundTripsByteForByteAfterDecompression() throws {
        var checked = 0
        for (path, expected) in Self.files {
            let url = try Fixtures.shared("worlds/real/" + path)
            let raw = [UInt8](try Data(contentsOf: url))
            let compression = NBTCompression.detect(raw)
            XCTAssertEqual(compression, expected, path)
            let plain = try raw.withUnsafeBytes { try compression.decompress($0) }
            let document = try NBTReader.read(plain)
            XCTAssertEqual(try NBTWriter.write(document), plain, "\(path) is not rewritten identically")
            checked += 1
        }
        XCTAssertEqual(checked, 23)
    }

    func testLevelDatFilesCarryTheDataVersionsSourcesLists() throws {
        let expected = ["hellonbt/level.dat": 4671, "hellonbt/level.dat.raw": 4671,
                        "querz-nbt/nbt7/level.dat": 2865, "mcaselector/generator/level.dat": 4774]
        for (path, dataVersion) in expected {
            let (document, _) = try NBTFile.read(contentsOf: try Fixtures.shared("worlds/real/" + path))
            XCTAssertEqual(document.root["Data"]?.compound?["DataVersion"]?.integer, dataVersion, path)
        }
    }

    func testChineseLevelNameSurvivesModifiedUTF8() throws {
        let (document, _) = try NBTFile.read(contentsOf: try Fixtures.shared("worlds/real/hellonbt/level.dat"))
        XCTAssertEqual(document.root["Data"]?.compound?["LevelName"]?.string, "半圆猪人塔猪灵捕捉交易-36900简单收集")
    }

    func testUnicodeChunkRoundTripsThroughEncodeAndDecode() throws {
        let raw = [UInt8](try Data(contentsOf: try Fixtures.shared("worlds/real/fastnbt/unicode.chunk")))
        let document = try NBTReader.read(raw)
        let again = try NBTReader.read(try NBTWriter.write(document))
        XCTAssertEqual(again, document)
        XCTAssertTrue(raw.contains(where: { $0 >= 0x80 }), "unicode.chunk should hold non-ASCII strings")
    }

    func testWrittenGzipFileReadsBackWithJavaStyleHeader() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let (level, compression) = try NBTFile.read(contentsOf: try Fixtures.shared("worlds/real/querz-nbt/nbt7/level.dat"))
        let out = dir.appendingPathComponent("level.dat")
        try NBTFile.write(level, to: out, compression: compression)
        let written = [UInt8](try Data(contentsOf: out))
        XCTAssertEqual(Array(written.prefix(10)), [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF])
        let (again, againCompression) = try NBTFile.read(contentsOf: out)
        XCTAssertEqual(again, level)
        XCTAssertEqual(againCompression, .gzip)
    }
}
