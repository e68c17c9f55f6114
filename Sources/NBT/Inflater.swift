import CZlib

/// A reusable DEFLATE decoder (zlib or gzip) with a size cap against decompression bombs.
///
/// Reading a whole region inflates hundreds of chunks; one `Inflater` keeps its zlib state and its
/// output buffer between calls (`inflateReset2` instead of a fresh `inflateInit2`), so the loop
/// allocates nothing per chunk until the caller copies the result.
///
/// ```swift
/// let inflater = Inflater()
/// let consumed = try inflater.inflate(compressed, container: .zlib)
/// let bytes = Array(inflater.output)
/// ```
/// Not thread-safe: use one per thread.
public final class Inflater {
    /// zlib keeps a back-pointer to its `z_stream`, so the stream lives at a fixed address.
    private let stream: UnsafeMutablePointer<z_stream>
    private var initialisedBits: Int32?
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    private var produced = 0

    /// The bytes produced by the last successful `inflate`; valid until the next call.
    public var output: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: buffer, count: produced) }

    /// - Parameter initialCapacity: starting size of the output buffer; it doubles as needed.
    public init(initialCapacity: Int = 1 << 16) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        capacity = max(initialCapacity, 1024)
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        if initialisedBits != nil { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        buffer.deallocate()
    }

    /// Inflates one complete stream at the start of `input` into `output`. Bytes after the end of
    /// the stream are ignored (region sectors are zero-padded).
    ///
    /// - Returns: the number of input bytes the stream occupied (callers use it to notice a stream
    ///   that ran past a declared length).
    /// - Throws: `NBTError.compressedDataEndsEarly` when the input stops before the stream ends,
    ///   `.decompressionFailed` for damaged data, `.tooLarge` when the output would exceed `limit`.
    /// - Complexity: O(input + output).
    @discardableResult
    public func inflate(
        _ input: UnsafeRawBufferPointer, container: DeflateContainer, limit: Int = NBTLimits.maxDecompressedSize
    ) throws(NBTError) -> Int {
        produced = 0
        try reset(windowBits: container.inflateWindowBits, container: container)
        guard input.count <= Int(UInt32.max) else { throw .tooLarge(limit: Int(UInt32.max)) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            if produced == capacity { try grow(limit: limit) }
            stream.pointee.next_out = (buffer + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(min(capacity - produced, Int(UInt32.max)))
            let before = Int(stream.pointee.avail_out)
            let rc = CZlib.inflate(stream, Z_NO_FLUSH)
            produced += before - Int(stream.pointee.avail_out)
            let consumed = input.count - Int(stream.pointee.avail_in)
            switch rc {
            case Z_STREAM_END:
                return consumed
            case Z_OK:
                // Output room left but no input: the stream needs bytes that are not there.
                if stream.pointee.avail_out > 0 && stream.pointee.avail_in == 0 {
                    throw .compressedDataEndsEarly(format: container.description, consumed: consumed)
                }
            case Z_BUF_ERROR:
                // "No progress possible": fine when the output is full (grow and go on); otherwise
                // the input ran out before the end of the stream.
                if stream.pointee.avail_out > 0 {
                    throw .compressedDataEndsEarly(format: container.description, consumed: consumed)
                }
            default:
                throw .decompressionFailed(format: container.description, reason: zlibMessage(rc))
            }
        }
    }

    private func reset(windowBits: Int32, container: DeflateContainer) throws(NBTError) {
        let rc: Int32
        if initialisedBits == nil {
            rc = inflateInit2_(stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        } else {
            rc = inflateReset2(stream, windowBits)
        }
        guard rc == Z_OK else {
            throw .decompressionFailed(format: container.description, reason: "cannot start inflater (\(zlibMessage(rc)))")
        }
        initialisedBits = windowBits
    }

    private func grow(limit: Int) throws(NBTError) {
        guard capacity < limit else { throw .tooLarge(limit: limit) }
        let newCapacity = min(capacity * 2, limit)
        let newBuffer = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        newBuffer.copyMemory(from: buffer, byteCount: produced)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    private func zlibMessage(_ rc: Int32) -> String {
        if let msg = stream.pointee.msg { return String(cString: msg) }
        switch rc {
        case Z_DATA_ERROR: return "invalid deflate data"
        case Z_MEM_ERROR: return "out of memory"
        case Z_NEED_DICT: return "stream needs a preset dictionary"
        case Z_STREAM_ERROR: return "inconsistent stream state"
        default: return "zlib error \(rc)"
        }
    }
}
