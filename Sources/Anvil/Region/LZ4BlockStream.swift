import CLZ4

/// The framing of lz4-java's `LZ4BlockOutputStream`, which Minecraft uses for region compression 4.
///
/// A stream is a sequence of blocks, each with a 21-byte little-endian header:
///
/// | bytes | field |
/// |---|---|
/// | 0–7 | magic `LZ4Block` |
/// | 8 | token: method (`0x10` raw, `0x20` LZ4) ∣ level, where block size = 1 << (10 + level) |
/// | 9–12 | compressed length |
/// | 13–16 | decompressed length |
/// | 17–20 | XXHash32 (seed `0x9747B28C`) of the decompressed bytes, masked to 28 bits |
///
/// then the payload. A block with both lengths 0 (and checksum 0) ends the stream. Facts from
/// lz4-java's `LZ4BlockOutputStream`/`LZ4BlockInputStream` documentation and source behaviour.
///
/// ```swift
/// let framed = LZ4BlockStream.encode(nbtBytes)
/// let back = try LZ4BlockStream.decode(framed)
/// ```
public enum LZ4BlockStream {
    static let magic: [UInt8] = Array("LZ4Block".utf8)
    static let headerLength = 21
    static let methodRaw: UInt8 = 0x10
    static let methodLZ4: UInt8 = 0x20
    /// lz4-java's `DEFAULT_SEED` for the streaming XXHash32.
    public static let checksumSeed: UInt32 = 0x9747_B28C
    /// lz4-java's default block size (64 KiB), which Minecraft keeps.
    public static let defaultBlockSize = 1 << 16

    /// Decodes the stream at the start of `input`, appending the data to `output`.
    /// - Returns: the number of input bytes the stream occupied (through its end block).
    /// - Throws: `LZ4BlockStreamError`; `output` may then hold part of the data.
    /// - Complexity: O(input + output).
    @discardableResult
    public static func decode(
        _ input: UnsafeRawBufferPointer, into output: inout [UInt8], limit: Int = 512 << 20
    ) throws(LZ4BlockStreamError) -> Int {
        var offset = 0
        while true {
            let header = try readHeader(input, at: offset)
            let payloadStart = offset + headerLength
            if header.originalLength == 0 { return payloadStart }
            guard header.compressedLength <= input.count - payloadStart else { throw .truncated(offset: offset) }
            guard header.originalLength <= limit - output.count else { throw .tooLarge(limit: limit) }
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: header.originalLength))
            let payload = UnsafeRawBufferPointer(rebasing: input[payloadStart..<payloadStart + header.compressedLength])
            let decoded = output.withUnsafeMutableBytes { all in
                let block = UnsafeMutableRawBufferPointer(rebasing: all[start...])
                return Result { () throws(LZ4BlockStreamError) -> UInt32 in
                    try decodePayload(payload, method: header.method, into: block, blockOffset: offset)
                    return XXHash32.hash(UnsafeRawBufferPointer(block), seed: checksumSeed) & 0x0FFF_FFFF
                }
            }
            let computed = try decoded.get()
            guard computed == header.checksum else {
                throw .checksumMismatch(offset: offset, stored: header.checksum, computed: computed)
            }
            offset = payloadStart + header.compressedLength
        }
    }

    /// Decodes a whole stream. - Throws: `LZ4BlockStreamError`.
    public static func decode(_ input: [UInt8], limit: Int = 512 << 20) throws(LZ4BlockStreamError) -> [UInt8] {
        var output: [UInt8] = []
        var failure: LZ4BlockStreamError?
        input.withUnsafeBytes { raw in
            do throws(LZ4BlockStreamError) { try decode(raw, into: &output, limit: limit) } catch { failure = error }
        }
        if let failure { throw failure }
        return output
    }

    /// Frames `input` as lz4-java would: blocks of `blockSize` bytes, LZ4-compressed unless that
    /// does not make them smaller (then stored raw), each with its checksum, then the end block.
    /// - Precondition: `blockSize` is a power of two from 64 B to 32 MiB (lz4-java's range).
    public static func encode(_ input: UnsafeRawBufferPointer, blockSize: Int = defaultBlockSize) -> [UInt8] {
        precondition(blockSize >= 64 && blockSize <= 1 << 25 && blockSize & (blockSize - 1) == 0,
                     "LZ4BlockStream.encode: block size \(blockSize) is not a power of two in 64…32 MiB")
        let level = UInt8(max(0, blockSize.trailingZeroBitCount - 10))
        let bound = Int(LZ4_compressBound(Int32(blockSize)))
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2 + 64)
        var scratch = [UInt8](repeating: 0, count: bound)
        var offset = 0
        while offset < input.count {
            let n = min(blockSize, input.count - offset)
            let block = UnsafeRawBufferPointer(rebasing: input[offset..<offset + n])
            let checksum = XXHash32.hash(block, seed: checksumSeed) & 0x0FFF_FFFF
            let compressed = scratch.withUnsafeMutableBytes { dst in
                Int(LZ4_compress_default(block.baseAddress?.assumingMemoryBound(to: CChar.self),
                                         dst.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(n), Int32(bound)))
            }
            if compressed > 0 && compressed < n {
                appendHeader(&out, token: methodLZ4 | level, compressed: compressed, original: n, checksum: checksum)
                out.append(contentsOf: scratch[0..<compressed])
            } else {
                appendHeader(&out, token: methodRaw | level, compressed: n, original: n, checksum: checksum)
                out.append(contentsOf: block)
            }
            offset += n
        }
        appendHeader(&out, token: methodRaw | level, compressed: 0, original: 0, checksum: 0)
        return out
    }

    /// See `encode(_:blockSize:)`.
    public static func encode(_ input: [UInt8], blockSize: Int = defaultBlockSize) -> [UInt8] {
        input.withUnsafeBytes { encode($0, blockSize: blockSize) }
    }

    private struct BlockHeader {
        var method: UInt8
        var compressedLength: Int
        var originalLength: Int
        var checksum: UInt32
    }

    /// Reads and validates a block header with lz4-java's rules.
    private static func readHeader(_ input: UnsafeRawBufferPointer, at offset: Int) throws(LZ4BlockStreamError) -> BlockHeader {
        guard input.count - offset >= headerLength else { throw .truncated(offset: offset) }
        for i in 0..<magic.count where input[offset + i] != magic[i] { throw .badMagic(offset: offset) }
        let token = input[offset + 8]
        let method = token & 0xF0
        let blockSize = 1 << (10 + Int(token & 0x0F))
        func le(_ at: Int) -> UInt32 { UInt32(littleEndian: input.loadUnaligned(fromByteOffset: offset + at, as: UInt32.self)) }
        let compressed = Int(Int32(bitPattern: le(9))), original = Int(Int32(bitPattern: le(13)))
        let header = BlockHeader(method: method, compressedLength: compressed, originalLength: original, checksum: le(17))
        let reason: String? =
            method != methodRaw && method != methodLZ4 ? "unknown method 0x\(String(method, radix: 16))"
            : compressed < 0 || original < 0 ? "negative length"
            : original > blockSize ? "decompressed length \(original) exceeds the block size \(blockSize)"
            : (original == 0) != (compressed == 0) ? "only one of the lengths is zero"
            : method == methodRaw && original != compressed ? "raw block with different lengths"
            : original == 0 && header.checksum != 0 ? "end block with a non-zero checksum"
            : nil
        if let reason { throw .badBlockHeader(offset: offset, reason: reason) }
        return header
    }

    private static func decodePayload(
        _ payload: UnsafeRawBufferPointer, method: UInt8, into block: UnsafeMutableRawBufferPointer, blockOffset: Int
    ) throws(LZ4BlockStreamError) {
        if method == methodRaw {
            block.copyMemory(from: payload)
            return
        }
        let n = LZ4_decompress_safe(payload.baseAddress?.assumingMemoryBound(to: CChar.self),
                                    block.baseAddress?.assumingMemoryBound(to: CChar.self),
                                    Int32(payload.count), Int32(block.count))
        guard Int(n) == block.count else { throw .corruptBlock(offset: blockOffset) }
    }

    private static func appendHeader(_ out: inout [UInt8], token: UInt8, compressed: Int, original: Int, checksum: UInt32) {
        out.append(contentsOf: magic)
        out.append(token)
        for v in [UInt32(compressed), UInt32(original), checksum] {
            withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
        }
    }
}
