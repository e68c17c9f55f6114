import NBT

/// Vanilla structure templates (`.nbt`: structure blocks, `/place template`, jigsaw pieces, data packs).
///
/// Layout (Minecraft wiki, "Structure file"): `DataVersion`, `size` (3 ints), `palette` (list of
/// `{Name, Properties}`) or `palettes` (a list of such lists, variants of one structure such as
/// shipwrecks: one is chosen), `blocks` (list of `{pos: [x, y, z], state: palette index, nbt?}`),
/// `entities`. A position with no entry in `blocks` is a structure void: placing the template
/// leaves the world's block there unchanged. It is read as `BlockState.structureVoid`, which
/// `WorldPaster` skips and the writer leaves out again; air is written explicitly.
public enum StructureTemplate {
    /// The largest side a structure block can save or load; `/place template` has no such limit.
    public static let structureBlockLimit = 48

    /// The blocks of a structure document, palette `variant` when it has `palettes`.
    /// - Throws: `SchematicError` naming the block entry or palette that is wrong.
    public static func read(_ document: NBTReader.Document, variant: Int = 0) throws(SchematicError) -> (volume: BlockVolume, info: SchematicInfo) {
        let root = document.root
        let sizeTag = try SchematicNBT.list(root, "size", at: "size")
        let sides = sizeTag.compactMap(\.integer)
        guard sides.count == 3, sizeTag.count == 3 else { throw .missingTag("size", expected: "a list of 3 integers") }
        _ = try SchematicNBT.voxelCount(sides[0], sides[1], sides[2])
        var notes: [String] = []
        let paletteEntries: [Tag]
        if let single = root["palette"]?.list {
            paletteEntries = single
        } else {
            let variants = try SchematicNBT.list(root, "palettes", at: "palettes")
            guard variant >= 0, variant < variants.count, let chosen = variants[variant].list else {
                throw .noSuchPalette(requested: variant, count: variants.count)
            }
            paletteEntries = chosen
            if variants.count > 1 { notes.append("the structure has \(variants.count) palettes; palette \(variant) was used (--palette N chooses another)") }
        }
        let palette = try SchematicNBT.palette(paletteEntries, at: "palette")
        var volume = BlockVolume(size: (sides[0], sides[1], sides[2]), fill: .structureVoid)
        let mapped = palette.map { volume.index(of: $0) }
        for (i, entry) in try SchematicNBT.list(root, "blocks", at: "blocks").enumerated() {
            guard let block = entry.compound, let pos = block["pos"]?.list?.compactMap(\.integer), pos.count == 3 else {
                throw .badStructureBlock(index: i, reason: "no pos of 3 integers")
            }
            guard volume.contains(pos[0], pos[1], pos[2]) else {
                throw .badStructureBlock(index: i, reason: "pos \(pos) lies outside size \(sides)")
            }
            guard let state = block["state"]?.integer else { throw .badStructureBlock(index: i, reason: "no integer state") }
            guard state >= 0, state < palette.count else {
                throw .paletteIndexOutOfRange(index: state, paletteCount: palette.count, at: "blocks[\(i)] pos \(pos)")
            }
            volume.indices[volume.offset(pos[0], pos[1], pos[2])] = mapped[state]
            if let nbt = block["nbt"]?.compound { volume.blockEntities[VoxelPosition(pos[0], pos[1], pos[2])] = SchematicNBT.withoutPosition(nbt) }
        }
        return (volume, SchematicInfo(format: .structure, dataVersion: root["DataVersion"]?.integer, notes: notes))
    }

    /// A structure document holding `volume`; `structure_void` voxels get no block entry.
    public static func document(for volume: BlockVolume, dataVersion: Int) -> NBTReader.Document {
        let (w, h, l) = volume.size
        var palette: [BlockState] = []
        var lookup: [BlockState: Int] = [:]
        var blocks: [Tag] = []
        for y in 0..<h { for z in 0..<l { for x in 0..<w {
            let state = volume[x, y, z]
            if state == .structureVoid { continue }
            let id: Int
            if let known = lookup[state] { id = known } else { id = palette.count; palette.append(state); lookup[state] = id }
            var entry = Compound()
            entry["pos"] = .list(.int, [.int(Int32(x)), .int(Int32(y)), .int(Int32(z))])
            entry["state"] = .int(Int32(id))
            if let nbt = volume.blockEntities[VoxelPosition(x, y, z)] { entry["nbt"] = .compound(nbt) }
            blocks.append(.compound(entry))
        } } }
        var root = Compound()
        root["DataVersion"] = .int(Int32(clamping: dataVersion))
        root["size"] = .list(.int, [.int(Int32(w)), .int(Int32(h)), .int(Int32(l))])
        root["palette"] = PaletteNBT.encode(palette)
        root["blocks"] = .list(.compound, blocks)
        root["entities"] = .list(.compound, [])
        return NBTReader.Document(name: "", root: root)
    }
}

extension BlockState {
    /// `minecraft:structure_void`: "leave the world's block unchanged" (structure templates).
    public static let structureVoid = BlockState("minecraft:structure_void")
}
