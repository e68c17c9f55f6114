import Foundation
import NBT

/// Rewrites a region file with some chunks replaced, added or removed, or creates a new one.
///
/// Untouched chunks keep their exact bytes (length field, compression byte, stream, and the rest
/// of their sectors) and their timestamps; new chunks are compressed with `compression` (zlib by
/// default, as the game) and stamped with the write time. Chunks are laid out in slot order from
/// sector 2, each padded to whole 4 KiB sectors. A chunk needing 256 sectors or more (≥ ~1 MiB
/// compressed) goes to `c.X.Z.mcc` beside the region with a 5-byte stub (length 1, compression
/// byte | 0x80), as the game does. The file is replaced atomically (`AtomicFile`: temp file,
/// fsync, rename, folder fsync); `backup: true` keeps the previous file as `r.X.Z.mca.bak`.
///
/// ```swift
/// var writer = RegionWriter(url: regionURL)
/// writer.setChunk(try NBTWriter.write(chunkDocument), at: RegionChunkSlot(chunkX: 131, chunkZ: -128))
/// let summary = try writer.write(backup: true)
/// ```
public struct RegionWriter: Sendable {
    /// Chunks of this many sectors or more do not fit the 1-byte sector count: they go external.
    static let externalThresholdSectors = 256

    /// The region file to rewrite or create.
    public let url: URL
    /// The region's coordinates (from the file name when `nil`); needed only for `.mcc` names.
    public let position: RegionPosition?
    /// The compression of chunks set through this writer.
    public var compression: ChunkCompression = .zlib
    private var changes: [Int: [UInt8]?] = [:]

    public init(url: URL, position: RegionPosition? = nil) {
        self.url = url
        self.position = position ?? RegionPosition(fileName: url.lastPathComponent)
    }

    /// Stores uncompressed chunk NBT `nbt` in `slot` (replacing what is there).
    public mutating func setChunk(_ nbt: [UInt8], at slot: RegionChunkSlot) { changes[slot.index] = .some(nbt) }

    /// Encodes and stores `document` in `slot`. - Throws: `NBTError` for values NBT cannot hold.
    public mutating func setChunk(_ document: NBTReader.Document, at slot: RegionChunkSlot) throws(NBTError) {
        setChunk(try NBTWriter.write(document), at: slot)
    }

    /// Deletes the chunk in `slot` (the game regenerates it).
    public mutating func removeChunk(at slot: RegionChunkSlot) { changes[slot.index] = .some(nil) }

    /// What `write` did.
    public struct Summary: Sendable {
        /// Chunks set through this writer.
        public var written: [RegionChunkSlot] = []
        /// Untouched chunks copied byte for byte.
        public var copied: [RegionChunkSlot] = []
        /// Chunks stored in `.mcc` files.
        public var external: [RegionChunkSlot] = []
        /// Untouched chunks whose header entry or record was broken, left out of the new file.
        public var dropped: [RegionError] = []
    }

    /// Writes the region (creating it if absent).
    /// - Parameters:
    ///   - backup: keep the previous file as `<name>.bak`.
    ///   - timestamp: header timestamp of the chunks set here (default: now, Unix seconds).
    /// - Throws: `RegionError` — file-level read errors of the existing file, `.fileUnwritable`, or
    ///   `.regionPositionUnknown` when an oversized chunk needs a `.mcc` name. The existing file is
    ///   then untouched.
    public func write(backup: Bool = false, timestamp: UInt32? = nil) throws(RegionError) -> Summary {
        let old: RegionFile? = FileManager.default.fileExists(atPath: url.path)
            ? try RegionFile(contentsOf: url, position: position) : nil
        let now = timestamp ?? UInt32(clamping: Int(Date().timeIntervalSince1970))
        var plan = Plan()
        for index in 0..<1024 {
            let slot = RegionChunkSlot(index: index)
            if let change = changes[index] {
                if let old, let mcc = old.externalFile(of: slot) { plan.staleExternal.append(mcc) }
                if let nbt = change { try place(nbt, in: slot, timestamp: now, plan: &plan) }
            } else if let old, old.entries[index].isPresent {
                do throws(RegionError) {
                    try plan.layout.appendCopy(of: slot, from: old)
                    plan.summary.copied.append(slot)
                } catch {
                    plan.summary.dropped.append(error)
                }
            }
        }
        // .mcc files first: once the region is renamed into place, its stubs must find them.
        for (mcc, payload) in plan.externalFiles { try atomicWrite(payload, to: mcc, backup: false) }
        try atomicWrite(plan.layout.bytes, to: url, backup: backup)
        for mcc in plan.staleExternal where !plan.externalFiles.contains(where: { $0.0 == mcc }) {
            try? FileManager.default.removeItem(at: mcc)
        }
        return plan.summary
    }

    /// Everything `write` assembles before touching the disk.
    private struct Plan {
        var layout = RegionLayout()
        var summary = Summary()
        var externalFiles: [(URL, [UInt8])] = []
        var staleExternal: [URL] = []
    }

    /// Compresses a new chunk and lays it out inline, or as a stub plus `.mcc` when oversized.
    private func place(_ nbt: [UInt8], in slot: RegionChunkSlot, timestamp: UInt32, plan: inout Plan) throws(RegionError) {
        let payload = try compress(nbt, slot: slot)
        if RegionLayout.sectors(for: 5 + payload.count) >= Self.externalThresholdSectors {
            guard let mcc = externalURL(slot) else {
                throw .regionPositionUnknown(RegionChunkReference(file: url, slot: slot, region: position))
            }
            plan.externalFiles.append((mcc, payload))
            plan.layout.appendRecord(slot: slot, compressionByte: compression.byte(external: true), payload: [], timestamp: timestamp)
            plan.summary.external.append(slot)
        } else {
            plan.layout.appendRecord(slot: slot, compressionByte: compression.byte(external: false), payload: payload, timestamp: timestamp)
        }
        plan.summary.written.append(slot)
    }

    private func compress(_ nbt: [UInt8], slot: RegionChunkSlot) throws(RegionError) -> [UInt8] {
        do {
            switch compression {
            case .zlib: return try Deflater.compress(nbt, container: .zlib)
            case .gzip: return try Deflater.compress(nbt, container: .gzip)
            case .lz4: return LZ4BlockStream.encode(nbt)
            case .none: return nbt
            }
        } catch {
            throw .compressionFailed(RegionChunkReference(file: url, slot: slot, region: position), compression, error)
        }
    }

    private func externalURL(_ slot: RegionChunkSlot) -> URL? {
        guard let name = position?.externalChunkFileName(slot) else { return nil }
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    private func atomicWrite(_ bytes: [UInt8], to target: URL, backup: Bool) throws(RegionError) {
        do {
            try AtomicFile.write(bytes, to: target, backup: backup)
        } catch {
            if case let .fileUnwritable(_, step, reason) = error {
                throw .fileUnwritable(file: target, step: step, reason: reason)
            }
            throw .fileUnwritable(file: target, step: "write", reason: "\(error)")
        }
    }
}
