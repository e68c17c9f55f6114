import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Corrupt region files generated here, one kind of damage each: every chunk-level failure is a
/// typed error naming the region file and the chunk, and leaves the other chunks readable.
final class RegionGeneratedCorruptionTests: XCTestCase {
    let url = URL(fileURLWithPath: "/tmp/worldgan-corruption/r.1.2.mca")

    private func chunkNBT(_ marker: Int32) throws -> [UInt8] {
        try NBTWriter.write(NBTReader.Document(root: Compound([("DataVersion", .int(3955)), ("marker", .int(marker))])))
    }

    /// A region with a good zlib chunk in slot 0 and `damage` applied to slot 1.
    private func region(_ damage: (inout RegionBuilder) throws -> Void) throws -> RegionFile {
        var b = RegionBuilder()
        b.appendRecord(slot: 0, compressionByte: 2, payload: try Deflater.compress(chunkNBT(0), container: .zlib))
        try damage(&b)
        return try RegionFile(bytes: b.bytes, url: url)
    }

    /// Reads slot 1 expecting an error; checks slot 0 still reads and the message names file and chunk.
    private func failure(of region: RegionFile, file: StaticString = #filePath, line: UInt = #line) -> RegionError? {
        XCTAssertNotNil(try? region.chunk(localX: 0, localZ: 0), "the healthy chunk must still read", file: file, line: line)
        do {
            _ = try region.chunk(localX: 1, localZ: 0)
            XCTFail("damaged chunk read without error", file: file, line: line)
            return nil
        } catch {
            let text = "\(error)"
            XCTAssertTrue(text.contains(url.path) && text.contains("chunk (33, 64) [local (1, 0)]"), text, file: file, line: line)
            XCTAssertEqual(error.chunk?.slot.index, 1, file: file, line: line)
            return error
        }
    }

    func testZeroLengthFieldIsNoPayload() throws {
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 2, payload: [1, 2, 3], length: 0) }
        guard case .noPayload(_, 0)? = failure(of: r) else { return XCTFail() }
    }

    func testOversizedLengthFieldIsStreamTruncatedWithoutAllocating() throws {
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 2, payload: [1, 2, 3], length: 0x7FFF_FFFF) }
        guard case .streamTruncated(_, 0x7FFF_FFFF, 4092)? = failure(of: r) else { return XCTFail() }
    }

    func testSectorsInsideTheHeaderAreChunkInHeader() throws {
        for sector in [0, 1] {
            let r = try region { $0.setLocation(slot: 1, sector: sector, count: 1) }
            guard case .chunkInHeader(_, sector)? = failure(of: r) else { return XCTFail("sector \(sector)") }
        }
    }

    func testZeroSectorCountIsReported() throws {
        let r = try region { $0.setLocation(slot: 1, sector: 2, count: 0) }
        guard case .zeroSectorCount(_, 2)? = failure(of: r) else { return XCTFail() }
    }

    func testOffsetPastEndOfFileIsChunkPastEndOfFile() throws {
        let r = try region { $0.setLocation(slot: 1, sector: 0xFFFFFF, count: 255) }
        guard case .chunkPastEndOfFile(_, 0xFFFFFF, 3 * 4096)? = failure(of: r) else { return XCTFail() }
    }

    func testChunksSharingSectorsBothReadWithOverlapWarnings() throws {
        let r = try region { $0.setLocation(slot: 1, sector: 2, count: 1) }
        let a = try XCTUnwrap(try r.chunk(localX: 0, localZ: 0))
        let b = try XCTUnwrap(try r.chunk(localX: 1, localZ: 0))
        XCTAssertEqual(a.warnings, [.overlappingSectors(r.reference(a.slot), other: b.slot)])
        XCTAssertEqual(b.warnings, [.overlappingSectors(r.reference(b.slot), other: a.slot)])
    }

    func testUnknownCompressionBytesAreReported() throws {
        for byte: UInt8 in [0, 5, 0x7E, 0x85] {
            let r = try region { $0.appendRecord(slot: 1, compressionByte: byte, payload: [1, 2, 3]) }
            guard case .unknownCompression(_, byte)? = failure(of: r) else { return XCTFail("byte \(byte)") }
        }
    }

    func testModCustomCompressionIsNamedInTheError() throws {
        var payload: [UInt8] = [0, 13]
        payload += Array("example:zstd1".utf8) + [1, 2, 3]
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 127, payload: payload) }
        guard case .customCompression(_, "example:zstd1")? = failure(of: r) else { return XCTFail() }
    }

    func testGarbledZlibIsDecompressionFailed() throws {
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 2, payload: [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0x00]) }
        guard case .decompressionFailed(_, .zlib, .decompressionFailed)? = failure(of: r) else { return XCTFail() }
    }

    func testZlibStreamCutShortEndsEarly() throws {
        let full = try Deflater.compress(chunkNBT(1), container: .zlib)
        var b = RegionBuilder()
        b.appendRecord(slot: 0, compressionByte: 2, payload: try Deflater.compress(chunkNBT(0), container: .zlib))
        b.appendRecord(slot: 1, compressionByte: 2, payload: Array(full.prefix(full.count / 2)))
        b.bytes.removeLast(b.bytes.count - (3 * 4096 + 5 + full.count / 2))     // the file ends with the cut stream
        let r = try RegionFile(bytes: b.bytes, url: url)
        guard case .decompressionFailed(_, .zlib, .compressedDataEndsEarly)? = failure(of: r) else { return XCTFail() }
    }

    func testBadLZ4ChecksumIsReported() throws {
        var framed = LZ4BlockStream.encode(try chunkNBT(1))
        framed[20] ^= 0x04
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 4, payload: framed) }
        guard case .lz4StreamInvalid(_, .checksumMismatch)? = failure(of: r) else { return XCTFail() }
    }

    func testDecompressionBombStopsAtTheDecoderLimit() throws {
        let bomb = try Deflater.compress([UInt8](repeating: 0, count: 4 << 20), container: .zlib)
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 2, payload: bomb) }
        XCTAssertThrowsError(try r.chunk(at: RegionChunkSlot(localX: 1, localZ: 0), decoder: RegionChunkDecoder(limit: 1 << 20))) { error in
            guard case .decompressionFailed(_, .zlib, .tooLarge(1 << 20))? = error as? RegionError else { return XCTFail("got \(error)") }
        }
    }

    func testMissingExternalFileIsReportedForThatChunk() throws {
        let r = try region { $0.appendRecord(slot: 1, compressionByte: 0x82, payload: []) }
        guard case .externalFileUnreadable(_, let path, _)? = failure(of: r) else { return XCTFail() }
        XCTAssertEqual(path, "/tmp/worldgan-corruption/c.33.64.mcc")
    }

    func testEveryTruncationOfARegionFailsCleanlyPerChunk() throws {
        var b = RegionBuilder()
        for slot in 0..<3 {
            b.appendRecord(slot: slot, compressionByte: 2, payload: try Deflater.compress(chunkNBT(Int32(slot)), container: .zlib))
        }
        let full = b.bytes
        var readableAtLength: [Int: Int] = [:]
        for length in stride(from: 0, through: full.count, by: 7) {
            let prefix = Array(full.prefix(length))
            guard length == 0 || length >= 4096 else {
                XCTAssertThrowsError(try RegionFile(bytes: prefix, url: url)) { error in
                    XCTAssertEqual(error as? RegionError, .headerTruncated(file: url, size: length))
                }
                continue
            }
            let region = try RegionFile(bytes: prefix, url: url)
            readableAtLength[length] = region.readAllChunks().filter { (try? $0.result.get()) != nil }.count
        }
        XCTAssertEqual(readableAtLength[0], 0)
        XCTAssertEqual(readableAtLength[8190], 0)
        XCTAssertEqual(readableAtLength.values.max(), 3)
        // More bytes never make fewer chunks readable.
        let ordered = readableAtLength.sorted { $0.key < $1.key }.map(\.value)
        XCTAssertEqual(ordered, ordered.sorted())
    }

    func testRewritingDropsARecordWhoseLengthCannotFitAnyLocation() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let file = dir.appendingPathComponent("r.0.0.mca")
        var b = RegionBuilder()
        b.appendRecord(slot: 0, compressionByte: 2, payload: try Deflater.compress(chunkNBT(0), container: .zlib))
        // Slot 1: one allocated sector, but a length field spanning 300 sectors of (zero) bytes.
        b.appendRecord(slot: 1, compressionByte: 2, payload: [UInt8](repeating: 0, count: 300 * 4096), length: 300 * 4096, sectorCount: 1)
        try Data(b.bytes).write(to: file)
        var writer = RegionWriter(url: file)
        writer.setChunk(try chunkNBT(5), at: RegionChunkSlot(localX: 2, localZ: 0))
        let summary = try writer.write()
        XCTAssertEqual(summary.copied, [RegionChunkSlot(localX: 0, localZ: 0)])
        guard case .oversizedRecord(let ref, let sectors)? = summary.dropped.first else { return XCTFail("\(summary.dropped)") }
        XCTAssertEqual(ref.slot.index, 1)
        XCTAssertEqual(sectors, 301)
        XCTAssertEqual(try RegionFile(contentsOf: file).presentSlots.map(\.index), [0, 2])
    }
}
