import NBT

/// A chunk read from a region file: its uncompressed NBT bytes and how it was stored.
public struct RegionChunk: Sendable {
    /// Where it sits in the region.
    public let slot: RegionChunkSlot
    /// The header's last-save timestamp (Unix seconds; 0 if none).
    public let timestamp: UInt32
    /// How its stream was compressed.
    public let compression: ChunkCompression
    /// True when the stream came from a `c.X.Z.mcc` file.
    public let isExternal: Bool
    /// The uncompressed chunk NBT.
    public let data: [UInt8]
    /// Oddities that did not prevent reading (overlaps, a stream longer than its length field…).
    public let warnings: [RegionWarning]

    /// Parses `data`. - Throws: `NBTError` with the byte offset and tag path.
    public func nbt() throws(NBTError) -> NBTReader.Document { try NBTReader.read(data) }
}

/// The outcome of reading one present chunk: its data or the reason it could not be read.
public struct RegionChunkOutcome: Sendable {
    public let slot: RegionChunkSlot
    public let result: Result<RegionChunk, RegionError>
}
