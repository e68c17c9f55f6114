import Foundation
import NBT

extension RegionFile {
    /// The chunk in `slot`, decompressed with `decoder` (give each thread its own).
    /// - Returns: `nil` when the slot is empty.
    /// - Throws: `RegionError` naming the chunk (see the cases for each kind of damage).
    public func chunk(at slot: RegionChunkSlot, decoder: RegionChunkDecoder) throws(RegionError) -> RegionChunk? {
        let entry = entries[slot.index]
        guard entry.isPresent else { return nil }
        let ref = reference(slot)
        let record = try locateRecord(slot)
        var warnings = (overlaps[slot.index] ?? []).map { RegionWarning.overlappingSectors(ref, other: $0) }
        let decoded: [UInt8]
        if record.isExternal {
            if record.length > 1 { warnings.append(.externalWithInlineData(ref, length: record.length)) }
            let external = try readExternal(ref)
            decoded = try external.withUnsafeBytes { raw in
                Result { () throws(RegionError) in try decoder.decompress(raw, compression: record.compression, reference: ref).data }
            }.get()
        } else {
            let payloadStart = record.start + 5
            let declared = record.length - 1
            if 4 + record.length > entry.sectorCount * Self.sectorSize {
                warnings.append(.lengthExceedsSectorCount(ref, length: record.length, sectorCount: entry.sectorCount))
            }
            // Self-terminating streams may read on to the end of the allocated sectors: files from
            // Querz's 2018 writer have a length field one byte short, and Java's inflater reads on.
            let allocatedEnd = min(bytes.count, (entry.sector + entry.sectorCount) * Self.sectorSize)
            let end = record.compression == .none ? payloadStart + declared : max(payloadStart + declared, allocatedEnd)
            let (data, consumed) = try bytes.withUnsafeBytes { raw in
                Result { () throws(RegionError) in
                    try decoder.decompress(UnsafeRawBufferPointer(rebasing: raw[payloadStart..<end]),
                                           compression: record.compression, reference: ref)
                }
            }.get()
            if consumed > declared {
                warnings.append(.streamPastDeclaredLength(ref, declared: record.length, used: consumed + 1))
            }
            decoded = data
        }
        return RegionChunk(slot: slot, timestamp: entry.timestamp, compression: record.compression,
                           isExternal: record.isExternal, data: decoded, warnings: warnings)
    }

    /// A chunk's record header: where it starts, its length field and compression byte.
    struct ChunkRecord {
        var start: Int
        var length: Int
        var compression: ChunkCompression
        var isExternal: Bool
    }

    /// Validates the header entry and the record's length and compression byte.
    func locateRecord(_ slot: RegionChunkSlot) throws(RegionError) -> ChunkRecord {
        let entry = entries[slot.index]
        let ref = reference(slot)
        guard entry.sectorCount > 0 else { throw .zeroSectorCount(ref, sector: entry.sector) }
        guard entry.sector >= 2 else { throw .chunkInHeader(ref, sector: entry.sector) }
        let start = entry.sector * Self.sectorSize
        guard start < bytes.count else { throw .chunkPastEndOfFile(ref, sector: entry.sector, fileSize: bytes.count) }
        guard bytes.count - start >= 5 else { throw .streamTruncated(ref, length: 1, available: max(0, bytes.count - start - 4)) }
        let length = bytes.withUnsafeBytes { Int(UInt32(bigEndian: $0.loadUnaligned(fromByteOffset: start, as: UInt32.self))) }
        guard length > 0 else { throw .noPayload(ref, length: 0) }
        let byte = bytes[start + 4]
        guard let (compression, external) = ChunkCompression.decode(byte) else {
            if byte & ~ChunkCompression.externalFlag == ChunkCompression.customID {
                throw .customCompression(ref, algorithm: customAlgorithmName(at: start + 5, end: start + 4 + length))
            }
            throw .unknownCompression(ref, byte: byte)
        }
        if !external {
            guard length > 1 else { throw .noPayload(ref, length: length) }
            let available = bytes.count - start - 4
            guard length <= available else { throw .streamTruncated(ref, length: length, available: available) }
        }
        return ChunkRecord(start: start, length: length, compression: compression, isExternal: external)
    }

    /// The `.mcc` file of `slot` if its record is an external stub, else `nil`.
    func externalFile(of slot: RegionChunkSlot) -> URL? {
        guard entries[slot.index].isPresent, (try? locateRecord(slot))?.isExternal == true else { return nil }
        return externalFileURL(slot)
    }

    /// The algorithm name a custom-compressed stream starts with (Java `writeUTF`: 2-byte length,
    /// modified UTF-8), if it is there and readable.
    private func customAlgorithmName(at offset: Int, end: Int) -> String? {
        let end = min(end, bytes.count)
        guard offset + 2 <= end else { return nil }
        let count = Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
        guard offset + 2 + count <= end else { return nil }
        return bytes.withUnsafeBytes { ModifiedUTF8.decode(UnsafeRawBufferPointer(rebasing: $0[offset + 2..<offset + 2 + count])) }
    }

    /// `c.<x>.<z>.mcc` beside the region file, where the game puts chunks of 1 MiB or more.
    public func externalFileURL(_ slot: RegionChunkSlot) -> URL? {
        guard let name = position?.externalChunkFileName(slot) else { return nil }
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    private func readExternal(_ ref: RegionChunkReference) throws(RegionError) -> Data {
        guard let file = externalFileURL(ref.slot) else { throw .regionPositionUnknown(ref) }
        do {
            return try Data(contentsOf: file)
        } catch {
            throw .externalFileUnreadable(ref, path: file.path, reason: (error as NSError).localizedDescription)
        }
    }
}

extension RegionFile {
    /// The chunk's record exactly as stored: 4-byte length, compression byte, and the declared
    /// stream bytes (for an external chunk, just the 5-byte stub).
    /// - Returns: `nil` when the slot is empty. - Throws: `RegionError` for a broken location/length.
    public func rawRecord(at slot: RegionChunkSlot) throws(RegionError) -> [UInt8]? {
        guard entries[slot.index].isPresent else { return nil }
        let record = try locateRecord(slot)
        let end = record.isExternal ? record.start + 5 : record.start + 4 + record.length
        return Array(bytes[record.start..<end])
    }
}
