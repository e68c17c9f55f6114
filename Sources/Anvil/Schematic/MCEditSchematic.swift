import NBT

/// MCEdit / Schematica `.schematic` files (pre-1.13 numeric ids; read only).
///
/// Layout (Minecraft wiki, "Schematic file format"): a root compound `Schematic` with `Width`,
/// `Height`, `Length` (shorts), `Materials` (`Alpha` for Java Edition ids), `Blocks` (one byte per
/// block, low 8 bits of the id), optional `AddBlocks` (4 high bits of the id, two blocks per byte,
/// the first block in the high nibble, unlike the game's nibble arrays), `Data` (data value, low
/// nibble), `TileEntities` (with `x, y, z` inside the box), `Entities`, and WorldEdit's
/// `WEOriginX/Y/Z`. Order is `(y·Length + z)·Width + x`. Ids go through `LegacyBlockTable`.
public enum MCEditSchematic {
    public static func read(_ document: NBTReader.Document) throws(SchematicError) -> (volume: BlockVolume, info: SchematicInfo) {
        let s = document.root["Schematic"]?.compound ?? document.root
        if let materials = s["Materials"]?.string, materials != "Alpha" { throw .unsupportedMaterials(materials) }
        func side(_ key: String) throws(SchematicError) -> Int {
            let v = try SchematicNBT.int(s, key, at: key)
            return v < 0 ? v + 65536 : v   // shorts are unsigned sizes
        }
        let (w, h, l) = (try side("Width"), try side("Height"), try side("Length"))
        let count = try SchematicNBT.voxelCount(w, h, l)
        guard let blocks = s["Blocks"]?.byteArray else { throw .missingTag("Blocks", expected: "a byte array") }
        guard let data = s["Data"]?.byteArray else { throw .missingTag("Data", expected: "a byte array") }
        guard blocks.count == count, data.count == count else {
            throw .badDimensions(width: w, height: h, length: l,
                                 reason: "Blocks has \(blocks.count) and Data \(data.count) bytes for \(count) blocks")
        }
        let add = s["AddBlocks"]?.byteArray
        if let add, add.count < (count + 1) / 2 {
            throw .badDimensions(width: w, height: h, length: l, reason: "AddBlocks has \(add.count) bytes for \(count) blocks")
        }
        let table: LegacyBlockTable
        do { table = try LegacyBlockTable.bundled() } catch { preconditionFailure("\(error)") }   // a packaging fault
        var volume = BlockVolume(size: (w, h, l), fill: .air)
        var byKey: [Int: UInt32] = [:]
        var inexact = 0
        for y in 0..<h { for z in 0..<l { for x in 0..<w {
            let i = (y * l + z) * w + x
            var id = Int(blocks[i])
            if let add { id |= Int(i & 1 == 0 ? add[i >> 1] >> 4 : add[i >> 1] & 0xF) << 8 }
            let key = id << 4 | Int(data[i] & 0xF)
            let index: UInt32
            if let known = byKey[key] { index = known } else {
                let resolved = table.resolve(id: id, data: Int(data[i] & 0xF))
                if !resolved.exact { inexact += 1 }
                index = volume.index(of: resolved.state)
                byKey[key] = index
            }
            volume.indices[volume.offset(x, y, z)] = index
        } } }
        for case .compound(let te) in s["TileEntities"]?.list ?? [] {
            guard let x = te["x"]?.integer, let y = te["y"]?.integer, let z = te["z"]?.integer, volume.contains(x, y, z) else { continue }
            volume.blockEntities[VoxelPosition(x, y, z)] = SchematicNBT.withoutPosition(te)
        }
        let origin = (s["WEOriginX"]?.integer ?? 0, s["WEOriginY"]?.integer ?? 0, s["WEOriginZ"]?.integer ?? 0)
        let notes = inexact > 0 ? ["\(inexact) id:data pair(s) not in the legacy table were read as their id's data 0 block (or minecraft:legacy_<id>_<data>)"] : []
        return (volume, SchematicInfo(format: .mcedit, offset: origin, notes: notes))
    }
}
