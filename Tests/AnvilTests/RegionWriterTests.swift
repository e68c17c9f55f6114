import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

final class RegionWriterTests: XCTestCase {
    /// A copy of a real region in a fresh folder.
    private func copyOf(_ fixture: String, as name: String? = nil) throws -> URL {
        let source = try Fixtures.shared("worlds/real/" + fixture)
        let dir = try Fixtures.temporaryDirectory(self)
        let target = dir.appendingPathComponent(name ?? source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    private func smallChunk(_ marker: Int32) throws -> [UInt8] {
        try NBTWriter.write(NBTReader.Document(root: Compound([("DataVersion", .int(3955)), ("marker", .int(marker))])))
    }

    func testReplacingOneChunkLeavesEveryOtherChunkByteIdentical() throws {
        let url = try copyOf("prismarine-provider-anvil/1.17.1/r.0.0.mca")
        let before = try RegionFile(contentsOf: url)
        let target = try XCTUnwrap(before.presentSlots.dropFirst(5).first)
        var writer = RegionWriter(url: url)
        writer.setChunk(try smallChunk(7), at: target)
        let summary = try writer.write(timestamp: 1_700_000_000)
        XCTAssertEqual(summary.written, [target])
        XCTAssertEqual(summary.copied.count, before.presentSlots.count - 1)
        XCTAssertTrue(summary.dropped.isEmpty)

        let after = try RegionFile(contentsOf: url)
        XCTAssertEqual(after.presentSlots, before.presentSlots)
        for slot in before.presentSlots where slot != target {
            XCTAssertEqual(try after.rawRecord(at: slot), try before.rawRecord(at: slot), "\(slot)")
            XCTAssertEqual(after.entry(slot).timestamp, before.entry(slot).timestamp)
        }
        let replaced = try XCTUnwrap(try after.chunk(at: target, decoder: RegionChunkDecoder()))
        XCTAssertEqual(replaced.compression, .zlib)
        XCTAssertEqual(replaced.timestamp, 1_700_000_000)
        XCTAssertEqual(try replaced.nbt().root["marker"], .int(7))
        XCTAssertEqual(after.fileSize % 4096, 0)
        XCTAssertTrue(after.readAllChunks().allSatisfy { (try? $0.result.get()) != nil })
    }

    func testCopiedChunksKeepTheirOverlongStreamsFromQuerzWriter() throws {
        let url = try copyOf("querz-nbt/r.2.2.mca")
        var writer = RegionWriter(url: url)
        writer.setChunk(try smallChunk(1), at: RegionChunkSlot(localX: 5, localZ: 5))
        _ = try writer.write()
        let chunks = try RegionFile(contentsOf: url).readAllChunks().map { try $0.result.get() }
        XCTAssertEqual(chunks.count, 4)
        XCTAssertEqual(chunks.filter { !$0.warnings.isEmpty }.count, 3, "the original three keep their quirk, and still read")
    }

    func testBackupKeepsThePreviousFileAndNoTemporaryFileRemains() throws {
        let url = try copyOf("mcaselector/import/target/r.-1.-1.mca")
        let original = try Data(contentsOf: url)
        var writer = RegionWriter(url: url)
        writer.removeChunk(at: try XCTUnwrap(try RegionFile(contentsOf: url).presentSlots.first))
        _ = try writer.write(backup: true)
        XCTAssertEqual(try Data(contentsOf: AtomicFile.backupURL(for: url)), original)
        XCTAssertEqual(try RegionFile(contentsOf: url).presentSlots.count, 3)
        let names = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).sorted()
        XCTAssertEqual(names, ["r.-1.-1.mca", "r.-1.-1.mca.bak"])
    }

    func testFailedWriteLeavesTheOriginalUntouchedAndNoTemporaryFile() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("r.0.0.mca")
        let damaged = Data(repeating: 7, count: 100)              // shorter than a header
        try damaged.write(to: url)
        var writer = RegionWriter(url: url)
        writer.setChunk(try smallChunk(1), at: RegionChunkSlot(localX: 0, localZ: 0))
        XCTAssertThrowsError(try writer.write()) { error in
            XCTAssertEqual(error as? RegionError, .headerTruncated(file: url, size: 100))
        }
        XCTAssertEqual(try Data(contentsOf: url), damaged)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["r.0.0.mca"])
    }

    func testUnwritableFolderIsFileUnwritableNamingTheFile() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("missing-folder/r.0.0.mca")
        var writer = RegionWriter(url: url)
        writer.setChunk(try smallChunk(1), at: RegionChunkSlot(localX: 0, localZ: 0))
        XCTAssertThrowsError(try writer.write()) { error in
            guard case .fileUnwritable(let file, _, _)? = error as? RegionError else { return XCTFail("got \(error)") }
            XCTAssertEqual(file, url)
        }
    }

    func testNewRegionIsCreatedWithChunksInEveryCompression() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("r.-3.7.mca")
        for (i, compression) in ChunkCompression.allCases.enumerated() {
            var writer = RegionWriter(url: url)
            writer.compression = compression
            writer.setChunk(try smallChunk(Int32(i)), at: RegionChunkSlot(localX: i, localZ: 31))
            _ = try writer.write()
        }
        let region = try RegionFile(contentsOf: url)
        XCTAssertEqual(region.position, RegionPosition(x: -3, z: 7))
        let chunks = try region.readAllChunks().map { try $0.result.get() }
        XCTAssertEqual(chunks.map(\.compression), ChunkCompression.allCases)
        XCTAssertEqual(try chunks.map { try $0.nbt().root["marker"]?.integer }, [0, 1, 2, 3])
        XCTAssertEqual(region.entry(RegionChunkSlot(localX: 0, localZ: 31)).sector, 2)
    }

    func testOversizedChunkGoesToAnExternalMccFileAndReadsBack() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("r.1.-1.mca")
        var state: UInt32 = 12345
        let noise = (0..<(1_200_000)).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16)
        }
        let big = try NBTWriter.write(NBTReader.Document(root: Compound([("noise", .byteArray(noise))])))
        let slot = RegionChunkSlot(localX: 2, localZ: 3)
        var writer = RegionWriter(url: url)
        writer.setChunk(big, at: slot)
        writer.setChunk(try smallChunk(9), at: RegionChunkSlot(localX: 0, localZ: 0))
        let summary = try writer.write()
        XCTAssertEqual(summary.external, [slot])

        let mcc = dir.appendingPathComponent("c.34.-29.mcc")      // chunk (32 + 2, -32 + 3)
        XCTAssertTrue(FileManager.default.fileExists(atPath: mcc.path))
        let region = try RegionFile(contentsOf: url)
        XCTAssertEqual(try region.rawRecord(at: slot), [0, 0, 0, 1, 0x82])
        let chunk = try XCTUnwrap(try region.chunk(at: slot, decoder: RegionChunkDecoder()))
        XCTAssertTrue(chunk.isExternal)
        XCTAssertEqual(chunk.data, big)

        // Replaced by a small chunk, it moves back inline and the .mcc goes away.
        var shrink = RegionWriter(url: url)
        shrink.setChunk(try smallChunk(3), at: slot)
        _ = try shrink.write()
        XCTAssertFalse(FileManager.default.fileExists(atPath: mcc.path))
        XCTAssertFalse(try XCTUnwrap(try RegionFile(contentsOf: url).chunk(at: slot, decoder: RegionChunkDecoder())).isExternal)
    }

    func testMissingMccIsAnErrorForThatChunkOnly() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("r.0.0.mca")
        var layout = [UInt8](repeating: 0, count: 3 * 4096)
        layout[3] = 1; layout[2] = 2                               // slot 0 → sector 2, 1 sector
        layout.replaceSubrange(8192..<8197, with: [0, 0, 0, 1, 0x82])
        let region = try RegionFile(bytes: layout, url: url)
        XCTAssertThrowsError(try region.chunk(localX: 0, localZ: 0)) { error in
            guard case .externalFileUnreadable(let ref, let path, _)? = error as? RegionError else { return XCTFail("got \(error)") }
            XCTAssertEqual(ref.slot.index, 0)
            XCTAssertEqual(path, dir.appendingPathComponent("c.0.0.mcc").path)
        }
    }
}
