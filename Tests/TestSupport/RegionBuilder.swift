/// Assembles region-file bytes record by record, including broken ones (lying lengths, sectors in
/// the header or past the end, unknown compression bytes), for corruption tests and fuzz seeds.
///
/// ```swift
/// var b = RegionBuilder()
/// b.appendRecord(slot: 0, compressionByte: 2, payload: zlibBytes)
/// b.setLocation(slot: 1, sector: 1, count: 1)          // points into the header
/// let region = try RegionFile(bytes: b.bytes, url: url)
/// ```
public struct RegionBuilder: Sendable {
    /// The file so far: an 8 KiB header, then whole 4 KiB sectors.
    public var bytes = [UInt8](repeating: 0, count: 8192)

    public init() {}

    /// Sets slot `slot`'s location entry (`sector << 8 | count`).
    public mutating func setLocation(slot: Int, sector: Int, count: Int) {
        store(UInt32(truncatingIfNeeded: sector) << 8 | UInt32(count & 0xFF), at: 4 * slot)
    }

    /// Sets slot `slot`'s timestamp.
    public mutating func setTimestamp(slot: Int, _ t: UInt32) { store(t, at: 4096 + 4 * slot) }

    /// Appends a record at the next free sector and points `slot` at it.
    /// - Parameters:
    ///   - length: the length field to write (default: the true `payload.count + 1`).
    ///   - sectorCount: the count to put in the header (default: what the record needs).
    /// - Returns: the record's first sector.
    @discardableResult
    public mutating func appendRecord(
        slot: Int, compressionByte: UInt8, payload: [UInt8], length: UInt32? = nil, sectorCount: Int? = nil
    ) -> Int {
        let sector = bytes.count / 4096
        let start = bytes.count
        withUnsafeBytes(of: (length ?? UInt32(payload.count + 1)).bigEndian) { bytes.append(contentsOf: $0) }
        bytes.append(compressionByte)
        bytes.append(contentsOf: payload)
        let used = (bytes.count - start + 4095) / 4096
        bytes.append(contentsOf: repeatElement(0, count: used * 4096 - (bytes.count - start)))
        setLocation(slot: slot, sector: sector, count: sectorCount ?? used)
        setTimestamp(slot: slot, 1_600_000_000)
        return sector
    }

    private mutating func store(_ v: UInt32, at offset: Int) {
        withUnsafeBytes(of: v.bigEndian) { bytes.replaceSubrange(offset..<offset + 4, with: $0) }
    }
}
