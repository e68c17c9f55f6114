import Foundation

/// A region file (`r.X.Z.mca`) read into memory: its header and its chunks on demand.
///
/// Layout (Minecraft wiki, "Region file format"): bytes 0–4095 hold 1024 big-endian locations
/// (`sector << 8 | sectorCount`, entry `localX + 32·localZ`), bytes 4096–8191 1024 big-endian
/// timestamps; each chunk starts on a 4 KiB sector with a 4-byte big-endian length (counting the
/// compression byte), the compression byte, then the stream. See `ChunkCompression`.
///
/// ```swift
/// let region = try RegionFile(contentsOf: url)
/// if let chunk = try region.chunk(localX: 3, localZ: 0) {
///     let nbt = try chunk.nbt()
/// }
/// for outcome in region.readAllChunks() { … }      // per-chunk data or error
/// ```
/// The whole file is read once; chunks are decoded from memory. Damaged chunks throw (or are
/// reported) on their own and never stop the rest of the region.
public struct RegionFile: Sendable {
    static let sectorSize = 4096
    static let headerSize = 8192

    /// Where the file was read from (named in every error).
    public let url: URL
    /// The region's coordinates: from the file name, or as given; `nil` if neither.
    public let position: RegionPosition?
    /// The 1024 header entries, in slot index order.
    public let entries: [RegionHeaderEntry]
    /// The file's bytes.
    let bytes: [UInt8]
    /// Slots whose sectors overlap, per slot index (filled once, at load).
    let overlaps: [Int: [RegionChunkSlot]]

    /// Reads the region file at `url`. A 0-byte file is an empty region (the game creates those).
    /// - Parameter position: the region's coordinates when the name is not `r.X.Z.mca`.
    /// - Throws: `RegionError.fileUnreadable`, or `.headerTruncated` when the location table is cut.
    public init(contentsOf url: URL, position: RegionPosition? = nil) throws(RegionError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .fileUnreadable(file: url, reason: (error as NSError).localizedDescription)
        }
        try self.init(bytes: [UInt8](data), url: url, position: position)
    }

    /// A region from bytes already in memory; `url` is used for names in errors and `.mcc` files.
    /// - Throws: `RegionError.headerTruncated` when there are 1…4095 bytes.
    public init(bytes: [UInt8], url: URL, position: RegionPosition? = nil) throws(RegionError) {
        guard bytes.isEmpty || bytes.count >= Self.sectorSize else {
            throw .headerTruncated(file: url, size: bytes.count)
        }
        self.url = url
        self.position = position ?? RegionPosition(fileName: url.lastPathComponent)
        self.bytes = bytes
        self.entries = Self.parseHeader(bytes)
        self.overlaps = Self.findOverlaps(entries, fileSectors: (bytes.count + Self.sectorSize - 1) / Self.sectorSize)
    }

    /// The file's size in bytes.
    public var fileSize: Int { bytes.count }

    /// The header entry of `slot`.
    public func entry(_ slot: RegionChunkSlot) -> RegionHeaderEntry { entries[slot.index] }

    /// Slots with a chunk location, in header order.
    public var presentSlots: [RegionChunkSlot] {
        entries.indices.filter { entries[$0].isPresent }.map(RegionChunkSlot.init(index:))
    }

    /// The reference used in errors and warnings about `slot`.
    public func reference(_ slot: RegionChunkSlot) -> RegionChunkReference {
        RegionChunkReference(file: url, slot: slot, region: position)
    }

    /// The chunk at local (x, z), decompressed.
    /// - Returns: `nil` when the header has no location for it (never generated).
    /// - Throws: `RegionError` naming this chunk when its location, length or stream is broken.
    /// - Complexity: O(chunk size).
    public func chunk(localX: Int, localZ: Int) throws(RegionError) -> RegionChunk? {
        try chunk(at: RegionChunkSlot(localX: localX, localZ: localZ), decoder: RegionChunkDecoder())
    }

    /// Every present chunk, decoded in header order with one reused decoder.
    /// - Complexity: O(file size + decompressed size).
    public func readAllChunks(decoder: RegionChunkDecoder = RegionChunkDecoder()) -> [RegionChunkOutcome] {
        presentSlots.map { slot in
            RegionChunkOutcome(slot: slot, result: Result { () throws(RegionError) -> RegionChunk in
                // A present slot never yields nil.
                guard let chunk = try chunk(at: slot, decoder: decoder) else { throw .noPayload(reference(slot), length: 0) }
                return chunk
            })
        }
    }

    private static func parseHeader(_ bytes: [UInt8]) -> [RegionHeaderEntry] {
        bytes.withUnsafeBytes { raw in
            (0..<1024).map { i in
                func be(_ at: Int) -> UInt32 {
                    at + 4 <= raw.count ? UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) : 0
                }
                let location = be(4 * i)
                return RegionHeaderEntry(sector: Int(location >> 8), sectorCount: Int(location & 0xFF),
                                         timestamp: be(sectorSize + 4 * i))
            }
        }
    }

    /// Pairs of chunks that claim the same sector (corrupt or hand-edited files).
    private static func findOverlaps(_ entries: [RegionHeaderEntry], fileSectors: Int) -> [Int: [RegionChunkSlot]] {
        var owner = [Int16](repeating: -1, count: fileSectors)
        var result: [Int: [RegionChunkSlot]] = [:]
        for (i, e) in entries.enumerated() where e.sector >= 2 && e.sectorCount > 0 && e.sector < fileSectors {
            for s in e.sector..<min(e.sector + e.sectorCount, fileSectors) {
                let other = Int(owner[s])
                if other >= 0 {
                    if result[i]?.contains(RegionChunkSlot(index: other)) != true {
                        result[i, default: []].append(RegionChunkSlot(index: other))
                        result[other, default: []].append(RegionChunkSlot(index: i))
                    }
                } else {
                    owner[s] = Int16(i)
                }
            }
        }
        return result
    }
}
