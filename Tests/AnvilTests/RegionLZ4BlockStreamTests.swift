import Anvil
import Foundation
import TestSupport
import XCTest

/// The lz4-java `LZ4Block` framing used by region compression 4, and its XXHash32 checksums.
final class RegionLZ4BlockStreamTests: XCTestCase {
    func testXXHash32MatchesPublishedVectors() {
        XCTAssertEqual(XXHash32.hash(Array("".utf8)), 0x02CC_5D05)
        XCTAssertEqual(XXHash32.hash(Array("abc".utf8)), 0x32D1_53FF)
        XCTAssertEqual(XXHash32.hash(Array("Nobody inspects the spammish repetition".utf8)), 0xE229_3B2F)
    }

    /// 200 KiB alternating compressible runs and noise: several blocks, both LZ4 and raw.
    private func sample() -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [UInt8] = []
        while out.count < 200 * 1024 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            if (state >> 60) & 1 == 0 {
                out.append(contentsOf: repeatElement(UInt8(truncatingIfNeeded: state >> 33), count: 300))
            } else {
                for _ in 0..<8192 {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    out.append(UInt8(truncatingIfNeeded: state >> 56))
                }
            }
        }
        return out
    }

    func testEncodeThenDecodeRoundTripsAcrossManyBlocks() throws {
        let data = sample()
        let framed = LZ4BlockStream.encode(data, blockSize: 1 << 12)
        XCTAssertEqual(Array(framed.prefix(8)), Array("LZ4Block".utf8))
        XCTAssertEqual(try LZ4BlockStream.decode(framed), data)
        // Both block methods occur: 0x12 raw and 0x22 LZ4 (level 2 = 4 KiB blocks).
        let tokens = Set(stride(from: 0, to: framed.count - 21, by: 1).compactMap { i -> UInt8? in
            framed[i..<i + 8].elementsEqual("LZ4Block".utf8) ? framed[i + 8] : nil
        })
        XCTAssertEqual(tokens, [0x12, 0x22])
    }

    func testEmptyInputIsJustTheEndBlock() throws {
        let framed = LZ4BlockStream.encode([UInt8]())
        XCTAssertEqual(framed.count, 21)
        XCTAssertEqual(framed[8], 0x16)   // raw | level 6 (64 KiB), as lz4-java writes
        XCTAssertEqual(try LZ4BlockStream.decode(framed), [])
    }

    func testFlippedChecksumIsAChecksumMismatchAtTheBlock() {
        var framed = LZ4BlockStream.encode(sample())
        framed[17] ^= 0x01
        XCTAssertThrowsError(try LZ4BlockStream.decode(framed)) { error in
            guard case .checksumMismatch(let offset, let stored, let computed)? = error as? LZ4BlockStreamError else {
                return XCTFail("expected checksumMismatch, got \(error)")
            }
            XCTAssertEqual(offset, 0)
            XCTAssertEqual(stored ^ computed, 1)
        }
    }

    func testCutStreamBadMagicAndCorruptPayloadAreTypedErrors() {
        let framed = LZ4BlockStream.encode(sample())
        XCTAssertThrowsError(try LZ4BlockStream.decode(Array(framed.prefix(framed.count - 10)))) { error in
            guard case .truncated? = error as? LZ4BlockStreamError else { return XCTFail("got \(error)") }
        }
        var badMagic = framed
        badMagic[0] = UInt8(ascii: "X")
        XCTAssertThrowsError(try LZ4BlockStream.decode(badMagic)) { error in
            XCTAssertEqual(error as? LZ4BlockStreamError, .badMagic(offset: 0))
        }
        var lying = framed
        lying[13] = 0xFF; lying[14] = 0xFF; lying[15] = 0xFF; lying[16] = 0x7F   // 2 GiB block
        XCTAssertThrowsError(try LZ4BlockStream.decode(lying)) { error in
            guard case .badBlockHeader(0, _)? = error as? LZ4BlockStreamError else { return XCTFail("got \(error)") }
        }
    }

    func testReencodedGameChunkDecodesToTheSameBytes() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/hellonbt/lz4.mca"))
        let chunk = try XCTUnwrap(try region.readAllChunks().first?.result.get())
        let framed = LZ4BlockStream.encode(chunk.data)
        XCTAssertEqual(framed[8], 0x26)   // LZ4 | level 6, the token the game's own chunks carry
        XCTAssertEqual(try LZ4BlockStream.decode(framed), chunk.data)
    }
}
