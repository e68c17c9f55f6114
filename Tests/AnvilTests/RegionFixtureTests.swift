import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Every region file in ../shared/worlds/real reads; chunk counts, compressions and DataVersion
/// counts per file are those SOURCES.md lists.
final class RegionFixtureTests: XCTestCase {
    struct Expectation {
        var path: String
        var chunks: Int
        var compression: ChunkCompression
        /// DataVersion → chunk count; -1 stands for "no DataVersion tag".
        var dataVersions: [Int: Int]
    }

    static let regions: [Expectation] = [
        .init(path: "prismarine-provider-anvil/1.8.9/r.-1.0.mca", chunks: 300, compression: .zlib, dataVersions: [-1: 300]),
        .init(path: "prismarine-provider-anvil/1.9/r.-1.-1.mca", chunks: 326, compression: .zlib, dataVersions: [169: 326]),
        .init(path: "prismarine-provider-anvil/1.11.2/r.-1.0.mca", chunks: 28, compression: .zlib, dataVersions: [922: 28]),
        .init(path: "prismarine-provider-anvil/1.12.2/r.0.-1.mca", chunks: 105, compression: .zlib, dataVersions: [1343: 105]),
        .init(path: "prismarine-provider-anvil/1.13.2/r.-1.-1.mca", chunks: 189, compression: .zlib, dataVersions: [1631: 189]),
        .init(path: "prismarine-provider-anvil/1.14.4/r.0.-1.mca", chunks: 299, compression: .zlib, dataVersions: [1976: 299]),
        .init(path: "prismarine-provider-anvil/1.16/r.0.-1.mca", chunks: 253, compression: .zlib, dataVersions: [2566: 253]),
        .init(path: "prismarine-provider-anvil/1.17.1/r.0.0.mca", chunks: 144, compression: .zlib, dataVersions: [2730: 144]),
        .init(path: "prismarine-provider-anvil/1.18.2/r.0.0.mca", chunks: 280, compression: .zlib, dataVersions: [2975: 280]),
        .init(path: "prismarine-provider-anvil/1.19.4/r.0.0.mca", chunks: 529, compression: .zlib, dataVersions: [3337: 529]),
        .init(path: "prismarine-provider-anvil/1.20.6/r.0.0.mca", chunks: 225, compression: .zlib, dataVersions: [3839: 225]),
        .init(path: "prismarine-provider-anvil/1.21.1/r.0.0.mca", chunks: 225, compression: .zlib, dataVersions: [3955: 225]),
        .init(path: "querz-nbt/pr68/1_17_1/region/r.-3.-2.mca", chunks: 1, compression: .zlib, dataVersions: [2730: 1]),
        .init(path: "querz-nbt/pr68/1_18/region/r.-1.-1.mca", chunks: 1, compression: .zlib, dataVersions: [2845: 1]),
        .init(path: "querz-nbt/pr68/1_18/region/r.15.-9.mca", chunks: 1, compression: .zlib, dataVersions: [2845: 1]),
        .init(path: "querz-nbt/r.0.0.mca", chunks: 1, compression: .zlib, dataVersions: [2230: 1]),
        .init(path: "querz-nbt/r.2.2.mca", chunks: 3, compression: .zlib, dataVersions: [1628: 3]),
        .init(path: "mcaselector/anvil112/r.0.0.mca", chunks: 103, compression: .zlib, dataVersions: [1343: 103]),
        .init(path: "mcaselector/anvil113/r.0.0.mca", chunks: 147, compression: .zlib, dataVersions: [1631: 147]),
        .init(path: "mcaselector/anvil114/r.0.0.mca", chunks: 199, compression: .zlib, dataVersions: [1976: 199]),
        .init(path: "mcaselector/anvil115/r.0.0.mca", chunks: 199, compression: .zlib, dataVersions: [1976: 3, 2230: 196]),
        .init(path: "mcaselector/anvil116/r.0.0.mca", chunks: 292, compression: .zlib, dataVersions: [2578: 292]),
        .init(path: "mcaselector/import/source/r.-1.-1.mca", chunks: 4, compression: .zlib, dataVersions: [2578: 4]),
        .init(path: "mcaselector/import/source/r.0.-1.mca", chunks: 1, compression: .zlib, dataVersions: [2578: 1]),
        .init(path: "mcaselector/import/target/r.-1.-1.mca", chunks: 4, compression: .zlib, dataVersions: [2578: 4]),
        .init(path: "twoolie-nbt/world_test/region/r.4.-4.mca", chunks: 1, compression: .zlib, dataVersions: [1952: 1]),
        .init(path: "hellonbt/lz4.mca", chunks: 256, compression: .lz4, dataVersions: [4671: 256]),
        .init(path: "hellonbt/zlib.mca", chunks: 930, compression: .zlib, dataVersions: [3337: 705, 3465: 225]),
    ]

    func testEveryRealRegionReadsWithTheChunkCountsCompressionsAndDataVersionsOfSources() throws {
        for expected in Self.regions {
            let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/" + expected.path))
            let outcomes = region.readAllChunks()
            XCTAssertEqual(outcomes.count, expected.chunks, expected.path)
            var dataVersions: [Int: Int] = [:]
            for outcome in outcomes {
                let chunk = try outcome.result.get()
                XCTAssertEqual(chunk.compression, expected.compression, "\(expected.path) \(chunk.slot)")
                XCTAssertFalse(chunk.isExternal)
                let root = try chunk.nbt().root
                dataVersions[root["DataVersion"]?.integer ?? -1, default: 0] += 1
            }
            XCTAssertEqual(dataVersions, expected.dataVersions, expected.path)
        }
    }

    func testQuerzRegionWithShortLengthFieldsReadsWithAWarningPerChunk() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/querz-nbt/r.2.2.mca"))
        XCTAssertEqual(region.position, RegionPosition(x: 2, z: 2))
        let chunks = try region.readAllChunks().map { try $0.result.get() }
        XCTAssertEqual(chunks.map(\.slot.index), [0, 512, 1023])
        for chunk in chunks {
            XCTAssertEqual(chunk.warnings.count, 1)
            guard case .streamPastDeclaredLength(let ref, let declared, let used)? = chunk.warnings.first else {
                return XCTFail("expected streamPastDeclaredLength, got \(chunk.warnings)")
            }
            XCTAssertEqual(used, declared + 1)
            XCTAssertEqual(ref.slot, chunk.slot)
        }
        XCTAssertEqual(chunks[0].warnings.first.map { "\($0)" },
                       "chunk (64, 64) [local (0, 0)] of \(region.url.path): compressed stream is 6160 bytes but the length field says 6159 (read anyway; re-save to fix)")
    }

    func testLZ4RegionReadsAllChunksWithVerifiedChecksums() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/hellonbt/lz4.mca"), position: RegionPosition(x: 0, z: -2))
        let chunks = try region.readAllChunks().map { try $0.result.get() }
        XCTAssertEqual(chunks.count, 1024 / 4)
        for chunk in chunks {
            XCTAssertEqual(chunk.compression, .lz4)
            XCTAssertTrue(chunk.warnings.isEmpty)
            let root = try chunk.nbt().root
            // SOURCES.md: the chunks' xPos/zPos say this file was r.0.-2.
            XCTAssertEqual(root["xPos"]?.integer, 0 * 32 + chunk.slot.localX)
            XCTAssertEqual(root["zPos"]?.integer, -2 * 32 + chunk.slot.localZ)
        }
    }

    func testHeaderTimestampsAndLocationsAreExposed() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/twoolie-nbt/synthetic/regiontest.mca"))
        XCTAssertEqual(region.entry(RegionChunkSlot(localX: 9, localZ: 0)),
                       RegionHeaderEntry(sector: 6, sectorCount: 1, timestamp: 1_334_530_101))
        XCTAssertEqual(region.entry(RegionChunkSlot(localX: 17, localZ: 0)).timestamp, 1_334_530_101)
        XCTAssertFalse(region.entry(RegionChunkSlot(localX: 17, localZ: 0)).isPresent)
        XCTAssertEqual(region.entry(RegionChunkSlot(localX: 7, localZ: 1)).timestamp, 0)
        XCTAssertNil(try region.chunk(localX: 2, localZ: 2))
    }
}

final class RegionConcurrentReadingTests: XCTestCase {
    func testConcurrentMapMatchesSequentialReadingInHeaderOrder() throws {
        let region = try RegionFile(contentsOf: try Fixtures.shared("worlds/real/mcaselector/anvil115/r.0.0.mca"))
        let sequential = region.readAllChunks().map { outcome -> [UInt8] in (try? outcome.result.get().data) ?? [] }
        let concurrent = region.mapChunksConcurrently(threads: 3) { outcome -> [UInt8] in (try? outcome.result.get().data) ?? [] }
        XCTAssertEqual(concurrent.count, 199)
        XCTAssertEqual(concurrent, sequential)
        let slots = region.mapChunksConcurrently { $0.slot }
        XCTAssertEqual(slots, region.presentSlots)
    }
}
