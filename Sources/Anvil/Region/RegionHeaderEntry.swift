/// One chunk's entry in the region header: its location (4 KiB sector offset and count, packed in
/// a big-endian UInt32 as `offset << 8 | count`) and its last-save timestamp (seconds since 1970).
public struct RegionHeaderEntry: Hashable, Sendable {
    /// First sector of the chunk (sector = 4096 bytes; 0 and 1 are the header).
    public let sector: Int
    /// Number of sectors allocated to it.
    public let sectorCount: Int
    /// When the game last saved the chunk (Unix seconds); 0 if never recorded.
    public let timestamp: UInt32

    public init(sector: Int, sectorCount: Int, timestamp: UInt32) {
        self.sector = sector
        self.sectorCount = sectorCount
        self.timestamp = timestamp
    }

    /// A chunk exists when its location is not all zero (the game's own test; a timestamp alone
    /// does not make a chunk).
    public var isPresent: Bool { sector != 0 || sectorCount != 0 }
}
