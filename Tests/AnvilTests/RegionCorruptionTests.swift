import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// twoolie's hand-made corruption suite (twoolie-nbt/synthetic/regiontest.mca in SOURCES.md):
/// 21 chunks; every failure is a typed per-chunk error and the rest of the region still reads.
///
/// SOURCES.md counts 8 unreadable (7 at the region level, plus chunk 11 whose "uncompressed"
/// payload is really a zlib stream) and 13 readable, one of them of "unknown" layout: that is chunk
/// (5, 1), whose zlib stream inflates to English text ("Minecraft is a sandbox…"), not NBT — our
/// NBT reader rejects it (tag id 77 = "M"), so 12 chunks parse as NBT here.
final class RegionCorruptionTests: XCTestCase {
    func testRegiontestYieldsThirteenReadableChunksAndTypedErrorsForTheRest() throws {
        let url = try Fixtures.shared("worlds/real/twoolie-nbt/synthetic/regiontest.mca")
        let region = try RegionFile(contentsOf: url)
        let outcomes = region.readAllChunks()
        XCTAssertEqual(outcomes.count, 21)
        var readable: [Int] = []
        var failures: [Int: String] = [:]
        for outcome in outcomes {
            let slot = outcome.slot
            switch outcome.result {
            case .success(let chunk):
                do {
                    _ = try chunk.nbt()
                    readable.append(slot.index)
                } catch {
                    failures[slot.index] = "nbt: \(error)"
                }
            case .failure(let error):
                XCTAssertEqual(error.chunk?.slot, slot)
                XCTAssertEqual(error.chunk?.file, url)
                failures[slot.index] = kind(error)
            }
        }
        // Slot index = localX + 32·localZ: 35 is (3, 1), 36 (4, 1), 37 (5, 1), … 40 (8, 1).
        XCTAssertEqual(readable, [1, 4, 6, 7, 8, 9, 10, 12, 16, 35, 38, 39])
        XCTAssertEqual(failures[2], "unknownCompression 0")
        XCTAssertEqual(failures[3], "zlib failed")
        XCTAssertEqual(failures[11], "nbt: unknown NBT tag type 120 at byte 0 in <root> (corrupt data)")   // 0x78: zlib
        XCTAssertEqual(failures[37], "nbt: unknown NBT tag type 77 at byte 0 in <root> (corrupt data)")    // "M…"
        XCTAssertEqual(failures[13], "zeroSectorCount")
        XCTAssertEqual(failures[14], "chunkInHeader")
        XCTAssertEqual(failures[15], "chunkPastEndOfFile")
        XCTAssertEqual(failures[36], "noPayload 0")
        XCTAssertEqual(failures[40], "noPayload 1")
        XCTAssertEqual(failures.count, 9)
    }

    func testRegiontestReportsOverlapsAndLengthsBeyondTheirSectors() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/twoolie-nbt/synthetic/regiontest.mca"))
        let chunk4 = try XCTUnwrap(try region.chunk(localX: 4, localZ: 0))
        XCTAssertTrue(chunk4.warnings.contains { if case .overlappingSectors(_, let other) = $0 { other.index == 12 } else { false } })
        let chunk3x1 = try XCTUnwrap(try region.chunk(localX: 3, localZ: 1))
        XCTAssertTrue(chunk3x1.warnings.contains(.lengthExceedsSectorCount(region.reference(chunk3x1.slot), length: 4093, sectorCount: 1)))
        let gzip = try XCTUnwrap(try region.chunk(localX: 10, localZ: 0))
        XCTAssertEqual(gzip.compression, .gzip)
        let raw = try XCTUnwrap(try region.chunk(localX: 11, localZ: 0))
        XCTAssertEqual(raw.compression, .none)
    }

    func testErrorDescriptionsNameTheFileAndChunk() throws {
        let url = try Fixtures.shared("worlds/real/twoolie-nbt/synthetic/regiontest.mca")
        let region = try RegionFile(contentsOf: url)
        XCTAssertThrowsError(try region.chunk(localX: 2, localZ: 0)) { error in
            XCTAssertEqual("\(error)", "chunk [local (2, 0)] of \(url.path): unknown compression byte 0 (expected 1 gzip, 2 zlib, 3 none, 4 LZ4; corrupt chunk)")
        }
    }

    private func kind(_ error: RegionError) -> String {
        switch error {
        case .unknownCompression(_, let byte): "unknownCompression \(byte)"
        case .decompressionFailed(_, let c, _): "\(c) failed"
        case .zeroSectorCount: "zeroSectorCount"
        case .chunkInHeader: "chunkInHeader"
        case .chunkPastEndOfFile: "chunkPastEndOfFile"
        case .noPayload(_, let length): "noPayload \(length)"
        default: "\(error)"
        }
    }
}
