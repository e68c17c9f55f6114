import CLZ4
import CZlib
import Foundation
import NBT
import TestSupport
import XCTest

/// Throwaway, test-only region reading so the chunk tests can run on real `.mca` fixtures before
/// the region module lands (the brief allows this; the product's reader lives in Sources/Anvil/Region).
/// It is deliberately lenient: it inflates whatever the sector span holds (Querz's r.2.2 declares
/// a length one byte short).
enum ThrowawayRegionReader {
    struct Failure: Error, CustomStringConvertible { let description: String }

    /// Every present chunk's decompressed NBT bytes.
    static func chunkPayloads(of url: URL) throws -> [[UInt8]] {
        let file = [UInt8](try Data(contentsOf: url))
        guard file.count >= 8192 else { return [] }
        var out: [[UInt8]] = []
        for i in 0..<1024 {
            let entry = Int(file[4 * i]) << 16 | Int(file[4 * i + 1]) << 8 | Int(file[4 * i + 2])
            let sectors = Int(file[4 * i + 3])
            guard entry >= 2, sectors > 0 else { continue }
            let start = entry * 4096
            guard start + 5 <= file.count else { continue }
            let length = Int(file[start]) << 24 | Int(file[start + 1]) << 16 | Int(file[start + 2]) << 8 | Int(file[start + 3])
            let scheme = file[start + 4]
            let end = min(file.count, max(start + 4 + length, start + sectors * 4096))
            let body = Array(file[(start + 5)..<end])
            switch scheme {
            case 1, 2: out.append(try inflate(body))
            case 3: out.append(Array(body.prefix(max(0, length - 1))))
            case 4: out.append(try lz4Block(body))
            default: throw Failure(description: "\(url.lastPathComponent): chunk \(i) has compression \(scheme)")
            }
        }
        return out
    }

    /// zlib or gzip (auto-detected), stopping at the end of the stream.
    static func inflate(_ input: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "inflateInit failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var input = input
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(inBuf.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: outBuf[0..<(outBuf.count - Int(stream.avail_out))])
                }
            } while status == Z_OK
        }
        guard status == Z_STREAM_END else { throw Failure(description: "inflate failed: \(status)") }
        return output
    }

    /// lz4-java `LZ4Block` stream: per block "LZ4Block", token, compressed and raw lengths (LE),
    /// checksum, payload; an empty block ends it.
    static func lz4Block(_ input: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var at = 0
        func le32(_ p: Int) -> Int { Int(input[p]) | Int(input[p + 1]) << 8 | Int(input[p + 2]) << 16 | Int(input[p + 3]) << 24 }
        while at + 21 <= input.count {
            let token = input[at + 8], compressed = le32(at + 9), raw = le32(at + 13)
            at += 21
            if raw == 0 { break }
            guard at + compressed <= input.count else { throw Failure(description: "LZ4 block past end") }
            if token & 0xF0 == 0x10 {
                output.append(contentsOf: input[at..<(at + compressed)])
            } else {
                var block = [UInt8](repeating: 0, count: raw)
                let n = input.withUnsafeBufferPointer { i in
                    block.withUnsafeMutableBufferPointer { o in
                        i.baseAddress!.advanced(by: at).withMemoryRebound(to: CChar.self, capacity: compressed) { src in
                            o.baseAddress!.withMemoryRebound(to: CChar.self, capacity: raw) { dst in
                                LZ4_decompress_safe(src, dst, Int32(compressed), Int32(raw))
                            }
                        }
                    }
                }
                guard n == raw else { throw Failure(description: "LZ4 block failed") }
                output.append(contentsOf: block)
            }
            at += compressed
        }
        return output
    }

    /// Root compounds of every chunk in a region file, or of a single raw-NBT chunk file.
    static func chunkRoots(of url: URL) throws -> [Compound] {
        if url.pathExtension == "mca" {
            return try chunkPayloads(of: url).map { try NBTReader.read($0).root }
        }
        return [try NBTReader.read([UInt8](try Data(contentsOf: url))).root]
    }
}

final class ChunkFixtureReaderTests: XCTestCase {
    func testThrowawayReaderFindsEveryChunkOfARealRegion() throws {
        let url = try Fixtures.shared("worlds/real/prismarine-provider-anvil/1.16/r.0.-1.mca")
        XCTAssertEqual(try ThrowawayRegionReader.chunkRoots(of: url).count, 253)
    }
}
