import NBT

/// Sponge Schematic v3 (WorldEdit's `.schem`), the exchange format between `extract`, `train`,
/// `generate` and other tools. Reads versions 1–3, writes version 3.
///
/// Layout facts (Sponge Schematic Specification v3): the root compound holds `Schematic` with
/// `Version`, `DataVersion`, `Width`/`Height`/`Length` (shorts, read unsigned), `Offset` (int[3]),
/// and `Blocks { Palette: {token: id}, Data: varint bytes, BlockEntities: [{Pos, Id, Data}] }`.
/// Block order is `x + z·Width + y·Width·Length`. Versions 1–2 keep `Palette`, `BlockData` and
/// `BlockEntities` (fields inline) at the top level.
///
/// ```swift
/// let doc = SpongeSchematic.document(for: volume, dataVersion: 3955)
/// let back = try SpongeSchematic.volume(from: doc)   // == volume
/// ```
public enum SpongeSchematic {
    /// The NBT document of a version 3 schematic holding `volume`.
    /// - Throws: `SchematicError.tooLarge` when a side exceeds 65535.
    public static func document(for volume: BlockVolume, dataVersion: Int,
                                offset: (Int, Int, Int) = (0, 0, 0),
                                metadata: Compound = Compound()) throws(SchematicError) -> NBTReader.Document {
        let (w, h, l) = (volume.sizeX, volume.sizeY, volume.sizeZ)
        guard w <= 65535, h <= 65535, l <= 65535 else { throw .tooLarge(sizeX: w, sizeY: h, sizeZ: l) }
        let compact = volume.compacted()
        var palette = Compound()
        for (i, state) in compact.palette.enumerated() { palette[state.token] = .int(Int32(i)) }

        var data: [UInt8] = []
        data.reserveCapacity(compact.count)
        compact.indices.withUnsafeBufferPointer { idx in
            for y in 0..<h { for z in 0..<l { for x in 0..<w {
                VarInt.append(idx[(x * h + y) * l + z], to: &data)
            } } }
        }

        var blocks = Compound()
        blocks["Palette"] = .compound(palette)
        blocks["Data"] = .byteArray(data)
        let entities = compact.blockEntities.sorted { ($0.key.y, $0.key.z, $0.key.x) < ($1.key.y, $1.key.z, $1.key.x) }
        blocks["BlockEntities"] = .list(.compound, entities.map { pos, nbt in
            var be = Compound()
            be["Pos"] = .intArray([Int32(pos.x), Int32(pos.y), Int32(pos.z)])
            var body = nbt
            let id = body.removeValue(forKey: "id")?.string ?? compact[pos.x, pos.y, pos.z].name
            be["Id"] = .string(id)
            be["Data"] = .compound(body)
            return .compound(be)
        })

        var schematic = Compound()
        schematic["Version"] = .int(3)
        schematic["DataVersion"] = .int(Int32(dataVersion))
        if !metadata.isEmpty { schematic["Metadata"] = .compound(metadata) }
        schematic["Width"] = .short(Int16(truncatingIfNeeded: w))
        schematic["Height"] = .short(Int16(truncatingIfNeeded: h))
        schematic["Length"] = .short(Int16(truncatingIfNeeded: l))
        schematic["Offset"] = .intArray([Int32(offset.0), Int32(offset.1), Int32(offset.2)])
        schematic["Blocks"] = .compound(blocks)
        var root = Compound()
        root["Schematic"] = .compound(schematic)
        return NBTReader.Document(name: "", root: root)
    }

    /// What a schematic holds besides its blocks (`format` is `.sponge`).
    public typealias Info = SchematicInfo

    /// The block volume of a schematic document (versions 1–3).
    /// - Throws: `SchematicError` naming the tag or block index that is wrong.
    public static func volume(from document: NBTReader.Document) throws(SchematicError) -> BlockVolume {
        try read(document).volume
    }

    /// The block volume and header information of a schematic document (versions 1–3).
    public static func read(_ document: NBTReader.Document) throws(SchematicError) -> (volume: BlockVolume, info: Info) {
        // v3 nests everything in "Schematic"; v1/v2 files are the schematic compound itself.
        let schem = document.root["Schematic"]?.compound ?? document.root
        guard let version = schem["Version"]?.integer else { throw .missingTag("Version", expected: "an integer") }
        guard (1...3).contains(version) else { throw .unsupportedVersion(version) }
        func dimension(_ key: String) throws(SchematicError) -> Int {
            guard let v = schem[key]?.integer else { throw .missingTag(key, expected: "a short") }
            return v < 0 ? v + 65536 : v   // shorts are unsigned sizes
        }
        let (w, h, l) = (try dimension("Width"), try dimension("Height"), try dimension("Length"))
        let blocks = version >= 3 ? schem["Blocks"]?.compound : schem
        guard let blocks else { throw .missingTag("Blocks", expected: "a compound") }
        guard let paletteTag = blocks["Palette"]?.compound else {
            throw .missingTag(version >= 3 ? "Blocks.Palette" : "Palette", expected: "a compound")
        }
        let dataKey = version >= 3 ? "Data" : "BlockData"
        guard let data = blocks[dataKey]?.byteArray else {
            throw .missingTag(version >= 3 ? "Blocks.Data" : "BlockData", expected: "a byte array")
        }
        let (count, overflow) = w.multipliedReportingOverflow(by: h * l)
        guard !overflow, count <= data.count else {
            throw .badDimensions(width: w, height: h, length: l,
                                 reason: "\(data.count) bytes of block data cannot hold \(w * h * l) blocks")
        }

        let palette = try readPalette(paletteTag)
        var indices = [UInt32](repeating: 0, count: count)
        try data.withUnsafeBufferPointer { (bytes) throws(SchematicError) in
            var reader = VarInt.Reader(bytes: bytes)
            for y in 0..<h { for z in 0..<l { for x in 0..<w {
                let n = (y * l + z) * w + x
                guard let id = reader.next() else { throw .badBlockData(index: n, reason: "varint truncated or overlong") }
                guard Int(id) < palette.count, palette[Int(id)] != nil else {
                    throw .badBlockData(index: n, reason: "id \(id) has no palette entry")
                }
                indices[(x * h + y) * l + z] = id
            } } }
        }
        let states = palette.map { $0 ?? .air }
        var volume = BlockVolume(size: (w, h, l), palette: states, indices: indices)
        let entitiesTag = version >= 3 ? blocks["BlockEntities"] : (schem["BlockEntities"] ?? schem["TileEntities"])
        for case .compound(let be) in entitiesTag?.list ?? [] {
            guard let pos = be["Pos"]?.intArray, pos.count == 3 else { continue }
            let p = VoxelPosition(Int(pos[0]), Int(pos[1]), Int(pos[2]))
            guard volume.contains(p.x, p.y, p.z) else { continue }
            // Our block entities carry their id first, as the game writes them.
            var body = Compound()
            if let id = be["Id"]?.string { body["id"] = .string(id) }
            for (key, value) in version >= 3 ? (be["Data"]?.compound ?? Compound()) : be
            where !(version < 3 && ["Pos", "Id"].contains(key)) && key != "id" {
                body[key] = value
            }
            volume.blockEntities[p] = body
        }
        let off = schem["Offset"]?.intArray ?? []
        let metadata = schem["Metadata"]?.compound
        let info = Info(format: .sponge, version: version, dataVersion: schem["DataVersion"]?.integer,
                        offset: off.count == 3 ? (Int(off[0]), Int(off[1]), Int(off[2])) : (0, 0, 0),
                        name: metadata?["Name"]?.string, author: metadata?["Author"]?.string)
        return (volume, info)
    }

    private static func readPalette(_ tag: Compound) throws(SchematicError) -> [BlockState?] {
        var palette: [BlockState?] = []
        for (token, value) in tag {
            guard let id = value.integer, id >= 0, id < 1 << 24 else {
                throw .badPaletteEntry("\(token) = \(value)")
            }
            guard let state = BlockState(token: token) else { throw .badPaletteEntry(token) }
            if id >= palette.count { palette.append(contentsOf: repeatElement(nil, count: id - palette.count + 1)) }
            palette[id] = state
        }
        return palette
    }
}
