import NBT

/// Decompresses chunk streams, reusing its zlib state and buffers from one chunk to the next.
///
/// `RegionFile.readAllChunks()` makes one; callers decoding chunks on several threads give each
/// thread its own and call `RegionFile.chunk(at:decoder:)`. Not thread-safe.
public final class RegionChunkDecoder {
    private let inflater = Inflater(initialCapacity: 1 << 18)
    private var lz4Output: [UInt8] = []
    /// Largest uncompressed chunk accepted (default 512 MiB, far above any real chunk).
    public let limit: Int

    public init(limit: Int = NBTLimits.maxDecompressedSize) {
        self.limit = limit
    }

    /// Decompresses the stream at the start of `input` (which may continue past the stream's end).
    /// - Returns: the data and how many input bytes the stream used.
    func decompress(
        _ input: UnsafeRawBufferPointer, compression: ChunkCompression, reference: RegionChunkReference
    ) throws(RegionError) -> (data: [UInt8], consumed: Int) {
        switch compression {
        case .zlib, .gzip:
            do {
                let consumed = try inflater.inflate(input, container: compression == .zlib ? .zlib : .gzip, limit: limit)
                return (Array(inflater.output), consumed)
            } catch {
                throw .decompressionFailed(reference, compression, error)
            }
        case .lz4:
            lz4Output.removeAll(keepingCapacity: true)
            do {
                let consumed = try LZ4BlockStream.decode(input, into: &lz4Output, limit: limit)
                return (lz4Output, consumed)
            } catch {
                throw .lz4StreamInvalid(reference, error)
            }
        case .none:
            guard input.count <= limit else { throw .decompressionFailed(reference, .none, .tooLarge(limit: limit)) }
            return (Array(input), input.count)
        }
    }
}
