/// The bytes of a region file being assembled: the 8 KiB header, then sector-aligned records.
struct RegionLayout {
    private(set) var bytes = [UInt8](repeating: 0, count: RegionFile.headerSize)

    static func sectors(for byteCount: Int) -> Int {
        (byteCount + RegionFile.sectorSize - 1) / RegionFile.sectorSize
    }

    /// Appends a new record (4-byte length counting the compression byte, the byte, the payload).
    mutating func appendRecord(slot: RegionChunkSlot, compressionByte: UInt8, payload: [UInt8], timestamp: UInt32) {
        let start = bytes.count
        append(bigEndian: UInt32(payload.count + 1))
        bytes.append(compressionByte)
        bytes.append(contentsOf: payload)
        finishRecord(slot: slot, start: start, timestamp: timestamp)
    }

    /// Copies an existing chunk's sectors unchanged: everything its header allocates, extended to
    /// the end of its length field if that runs further (and the file has the bytes).
    mutating func appendCopy(of slot: RegionChunkSlot, from region: RegionFile) throws(RegionError) {
        let record = try region.locateRecord(slot)
        let entry = region.entries[slot.index]
        let allocatedEnd = (entry.sector + entry.sectorCount) * RegionFile.sectorSize
        let recordEnd = record.isExternal ? record.start + 5 : record.start + 4 + record.length
        let end = min(region.bytes.count, max(allocatedEnd, recordEnd))
        guard Self.sectors(for: end - record.start) <= 255 else {
            throw .oversizedRecord(region.reference(slot), sectors: Self.sectors(for: end - record.start))
        }
        let start = bytes.count
        bytes.append(contentsOf: region.bytes[record.start..<end])
        finishRecord(slot: slot, start: start, timestamp: entry.timestamp)
    }

    private mutating func finishRecord(slot: RegionChunkSlot, start: Int, timestamp: UInt32) {
        let sectorCount = Self.sectors(for: bytes.count - start)
        bytes.append(contentsOf: repeatElement(0, count: sectorCount * RegionFile.sectorSize - (bytes.count - start)))
        let location = UInt32(start / RegionFile.sectorSize) << 8 | UInt32(sectorCount)
        store(bigEndian: location, at: 4 * slot.index)
        store(bigEndian: timestamp, at: RegionFile.sectorSize + 4 * slot.index)
    }

    private mutating func append(bigEndian v: UInt32) {
        withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func store(bigEndian v: UInt32, at offset: Int) {
        bytes.withUnsafeMutableBytes { $0.storeBytes(of: v.bigEndian, toByteOffset: offset, as: UInt32.self) }
    }
}
