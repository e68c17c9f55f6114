import NBT

/// Tag helpers the schematic readers share: typed look-ups that throw `SchematicError.missingTag`,
/// `{x, y, z}` compounds, palettes, and the volume cap that bounds hostile sizes before allocating.
enum SchematicNBT {
    /// Largest volume a schematic may declare (2^26 voxels, 256 MiB of indices): a damaged size
    /// fails cleanly instead of exhausting memory.
    static let maxVoxels = 1 << 26

    static func int(_ c: Compound, _ key: String, at path: String) throws(SchematicError) -> Int {
        guard let v = c[key]?.integer else { throw .missingTag(path, expected: "an integer") }
        return v
    }

    static func compound(_ c: Compound, _ key: String, at path: String) throws(SchematicError) -> Compound {
        guard let v = c[key]?.compound else { throw .missingTag(path, expected: "a compound") }
        return v
    }

    static func list(_ c: Compound, _ key: String, at path: String) throws(SchematicError) -> [Tag] {
        guard let v = c[key]?.list else { throw .missingTag(path, expected: "a list") }
        return v
    }

    /// `{x, y, z}` integers of compound `key`.
    static func xyz(_ c: Compound, _ key: String, at path: String) throws(SchematicError) -> (Int, Int, Int) {
        let v = try compound(c, key, at: path)
        return (try int(v, "x", at: path + ".x"), try int(v, "y", at: path + ".y"), try int(v, "z", at: path + ".z"))
    }

    /// The number of voxels of a `w × h × l` box, checked against `maxVoxels`.
    static func voxelCount(_ w: Int, _ h: Int, _ l: Int) throws(SchematicError) -> Int {
        guard w >= 0, h >= 0, l >= 0 else { throw .badDimensions(width: w, height: h, length: l, reason: "a side is negative") }
        let (wh, o1) = w.multipliedReportingOverflow(by: h)
        let (n, o2) = wh.multipliedReportingOverflow(by: l)
        guard !o1, !o2, n <= maxVoxels else {
            throw .badDimensions(width: w, height: h, length: l, reason: "more than \(maxVoxels) blocks")
        }
        return n
    }

    /// `{Name, Properties}` palette entries as states. - Throws: `.badPaletteEntry` naming the entry.
    static func palette(_ entries: [Tag], at path: String) throws(SchematicError) -> [BlockState] {
        do { return try PaletteNBT.decode(entries, path: NBTPath()) } catch {
            throw .badPaletteEntry("\(path): \(error)")
        }
    }

    /// A block entity compound without its position keys (`x`, `y`, `z`, `pos`, `Pos`).
    static func withoutPosition(_ c: Compound) -> Compound {
        var body = c
        for key in ["x", "y", "z", "pos", "Pos"] { _ = body.removeValue(forKey: key) }
        return body
    }

    static func xyzCompound(_ x: Int, _ y: Int, _ z: Int) -> Tag {
        .compound(Compound([("x", .int(Int32(x))), ("y", .int(Int32(y))), ("z", .int(Int32(z)))]))
    }
}
