import NBT

/// ≤ 1.12 sections (DataVersion < 1451, or none before 15w32a): numeric block ids.
///
/// `Level.Sections[]` holds `Blocks` (4096 bytes, the id's low 8 bits), optional `Add` (2048 bytes,
/// the id's high 4 bits) and `Data` (2048 bytes, 4-bit data values), all in `(y*16+z)*16+x` order;
/// nibble arrays keep the even index in the low nibble. Ids map to flattened states through
/// `LegacyBlockTable`. Read-only: worldgan writes only 1.13+ layouts.
struct NumericIDCodec: SectionCodec {
    func decode(section: Compound, y: Int, path: NBTPath,
                warnings: inout [ChunkWarning]) throws(ChunkError) -> ChunkSection? {
        guard let blocks = try section.optional("Blocks", .byteArray, at: path)?.byteArray else { return nil }
        let data = try section.optional("Data", .byteArray, at: path)?.byteArray
        let add = try section.optional("Add", .byteArray, at: path)?.byteArray
        try Self.check(blocks, 4096, "Blocks", path)
        if let data { try Self.check(data, 2048, "Data", path) }
        if let add { try Self.check(add, 2048, "Add", path) }
        let keys = Self.legacyKeys(blocks: blocks, add: add, data: data)
        return try Self.section(y: y, keys: keys, warnings: &warnings)
    }

    func storesBlocks(_ section: Compound) -> Bool { section["Blocks"] != nil }

    func encode(_ section: ChunkSection, into compound: inout Compound) throws(ChunkError) {
        throw .legacyChunkNotWritable(dataVersion: .v1_12_2, chunk: nil)
    }

    private static func check(_ a: [UInt8], _ n: Int, _ key: String, _ path: NBTPath) throws(ChunkError) {
        guard a.count == n else { throw .badArrayLength(path: path.appending(key), expected: n, found: a.count, chunk: nil) }
    }

    /// `id << 4 | data` per block, ids 12-bit with `Add`. - Complexity: O(4096).
    private static func legacyKeys(blocks: [UInt8], add: [UInt8]?, data: [UInt8]?) -> [UInt16] {
        [UInt16](unsafeUninitializedCapacity: 4096) { out, count in
            for i in 0..<4096 {
                let shift = (i & 1) << 2
                var id = UInt16(blocks[i])
                if let add { id |= UInt16((add[i >> 1] >> shift) & 0xF) << 8 }
                let meta = data.map { UInt16(($0[i >> 1] >> shift) & 0xF) } ?? 0
                out[i] = id << 4 | meta
            }
            count = 4096
        }
    }

    /// Builds the section palette from distinct keys, resolving each once.
    private static func section(y: Int, keys: [UInt16], warnings: inout [ChunkWarning]) throws(ChunkError) -> ChunkSection {
        let table: LegacyBlockTable
        do { table = try LegacyBlockTable.bundled() } catch { throw .legacyTableUnavailable(reason: error.description, chunk: nil) }
        var legacyIDs: [UInt16] = []
        var counts: [Int] = []
        // Open-addressing map key → palette index: 8192 slots hold all 4096 possible distinct keys
        // at ≤ 50 % load, so probing always ends. A slot is `key << 16 | (index + 1)`, 0 = empty.
        var slots = [UInt32](repeating: 0, count: 8192)
        let indices = [UInt16](unsafeUninitializedCapacity: 4096) { out, count in
            for i in 0..<4096 {
                let key = keys[i]
                var h = Int((UInt32(key) &* 0x9E37_79B1) >> 19)
                while true {
                    let slot = slots[h]
                    if slot == 0 {
                        slots[h] = UInt32(key) << 16 | UInt32(legacyIDs.count + 1)
                        out[i] = UInt16(legacyIDs.count)
                        legacyIDs.append(key)
                        counts.append(1)
                        break
                    }
                    if slot >> 16 == UInt32(key) {
                        let index = Int(slot & 0xFFFF) - 1
                        out[i] = UInt16(index)
                        counts[index] += 1
                        break
                    }
                    h = (h + 1) & 8191
                }
            }
            count = 4096
        }
        var palette: [BlockState] = []
        for (j, key) in legacyIDs.enumerated() {
            let (state, exact) = table.resolve(id: Int(key >> 4), data: Int(key & 0xF))
            if !exact { warnings.append(.unknownLegacyBlocks(id: Int(key >> 4), data: Int(key & 0xF), count: counts[j])) }
            palette.append(state)
        }
        return ChunkSection(y: y, palette: palette, indices: indices, legacyIDs: legacyIDs)
    }
}
