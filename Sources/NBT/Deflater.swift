import CZlib

/// DEFLATE encoding into a zlib or gzip container.
///
/// Gzip output carries the header Java's `GZIPOutputStream` writes in current Minecraft
/// (`1F 8B 08 00`, mtime 0, XFL 0, OS 255), so re-saved files look like the game's own.
///
/// ```swift
/// let gz = try Deflater.compress(bytes, container: .gzip)
/// ```
public enum Deflater {
    /// The fixed 10-byte gzip header: magic, CM=8 (deflate), no flags, mtime 0, XFL 0, OS 255.
    static let gzipHeader: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]

    /// Compresses `input`. - Parameter level: zlib level 0…9, or -1 for zlib's default (6, as Java).
    /// - Throws: `NBTError.compressionFailed` only if zlib cannot allocate its state.
    /// - Complexity: O(n).
    public static func compress(
        _ input: UnsafeRawBufferPointer, container: DeflateContainer, level: Int32 = Z_DEFAULT_COMPRESSION
    ) throws(NBTError) -> [UInt8] {
        switch container {
        case .zlib:
            return try deflate(input, windowBits: 15, level: level, format: "zlib", prefix: [])
        case .gzip:
            // Raw deflate framed by our own header and trailer: zlib's gzip mode writes OS=3.
            var out = try deflate(input, windowBits: -15, level: level, format: "gzip", prefix: gzipHeader)
            let crc = crc32(0, input.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(input.count))
            appendLittleEndian(UInt32(truncatingIfNeeded: crc), to: &out)
            appendLittleEndian(UInt32(truncatingIfNeeded: input.count), to: &out)
            return out
        }
    }

    /// Compresses an array. - Throws: see `compress(_:container:level:)`.
    public static func compress(
        _ input: [UInt8], container: DeflateContainer, level: Int32 = Z_DEFAULT_COMPRESSION
    ) throws(NBTError) -> [UInt8] {
        var result: Result<[UInt8], NBTError> = .success([])
        input.withUnsafeBytes { raw in
            result = Result { () throws(NBTError) -> [UInt8] in try compress(raw, container: container, level: level) }
        }
        return try result.get()
    }

    private static func deflate(
        _ input: UnsafeRawBufferPointer, windowBits: Int32, level: Int32, format: String, prefix: [UInt8]
    ) throws(NBTError) -> [UInt8] {
        guard input.count <= Int(UInt32.max) else {
            throw .compressionFailed(format: format, reason: "input of \(input.count) bytes exceeds 4 GiB")
        }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deinitialize(count: 1); stream.deallocate() }
        let rc = deflateInit2_(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY,
                               ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw .compressionFailed(format: format, reason: "deflateInit2 returned \(rc)") }
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, uLong(input.count)))
        var out = [UInt8](repeating: 0, count: prefix.count + bound)
        var finished = false
        out.withUnsafeMutableBytes { dst in
            dst.copyBytes(from: prefix)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = (dst.baseAddress.map { $0 + prefix.count })?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(bound)
            // deflateBound guarantees a single Z_FINISH call completes.
            finished = CZlib.deflate(stream, Z_FINISH) == Z_STREAM_END
        }
        guard finished else { throw .compressionFailed(format: format, reason: "output exceeded deflateBound") }
        out.removeLast(Int(stream.pointee.avail_out))
        return out
    }

    private static func appendLittleEndian(_ v: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
    }
}
