import NBT

/// One region of a `.litematic` file, decoded and checked (see `LitematicSchematic`).
struct _LitematicRegion {
    let name: String
    /// Minimum and maximum corners in the schematic's coordinates (inclusive).
    let min: (Int, Int, Int), max: (Int, Int, Int)
    /// Absolute size along x, y, z.
    let size: (Int, Int, Int)
    let palette: [BlockState]
    /// Palette ids in Litematica order `(y·sizeZ + z)·sizeX + x`.
    let ids: [UInt32]
    let blockEntities: [VoxelPosition: Compound]

    init(name: String, _ c: Compound) throws(SchematicError) {
        self.name = name
        let at = "Regions.\(name)"
        let p = try SchematicNBT.xyz(c, "Position", at: at + ".Position")
        let s = try SchematicNBT.xyz(c, "Size", at: at + ".Size")
        guard s.0 != 0, s.1 != 0, s.2 != 0 else { throw .badRegion(name: name, reason: "size \(s.0)×\(s.1)×\(s.2) has a zero side") }
        guard [p.0, p.1, p.2, s.0, s.1, s.2].allSatisfy({ abs($0) < 1 << 25 }) else {
            throw .badRegion(name: name, reason: "position or size beyond ±2^25")
        }
        // A negative size runs from Position + Size + 1 up to Position (litemapy minschemx).
        func span(_ pos: Int, _ len: Int) -> (Int, Int) { len > 0 ? (pos, pos + len - 1) : (pos + len + 1, pos) }
        let (x0, x1) = span(p.0, s.0), (y0, y1) = span(p.1, s.1), (z0, z1) = span(p.2, s.2)
        (min, max) = ((x0, y0, z0), (x1, y1, z1))
        size = (abs(s.0), abs(s.1), abs(s.2))
        let count: Int
        do { count = try SchematicNBT.voxelCount(size.0, size.1, size.2) } catch {
            throw .badRegion(name: name, reason: "\(error)")
        }
        let palette = try SchematicNBT.palette(try SchematicNBT.list(c, "BlockStatePalette", at: at + ".BlockStatePalette"),
                                           at: at + ".BlockStatePalette")
        guard !palette.isEmpty else { throw .badRegion(name: name, reason: "empty BlockStatePalette") }
        guard let longs = c["BlockStates"]?.longArray else { throw .missingTag(at + ".BlockStates", expected: "a long array") }
        let bits = Swift.max(2, PackedIndices.ceilLog2(palette.count))
        let expected = PackedIndices.longCount(count: count, bits: bits, packing: .straddling)
        guard longs.count == expected else {
            throw .badRegion(name: name, reason: "BlockStates has \(longs.count) longs, a \(size.0)×\(size.1)×\(size.2) region with \(palette.count) palette entries needs \(expected)")
        }
        var ids = [UInt32](repeating: 0, count: count)
        longs.withUnsafeBufferPointer { l in ids.withUnsafeMutableBufferPointer { PackedIndices.decode(l, bits: bits, packing: .straddling, into: $0) } }
        if let bad = ids.firstIndex(where: { Int($0) >= palette.count }) {
            let (sx, sz) = (size.0, size.2)
            throw .paletteIndexOutOfRange(index: Int(ids[bad]), paletteCount: palette.count,
                                          at: "region '\(name)' block (\(bad % sx), \(bad / (sx * sz)), \(bad / sx % sz))")
        }
        self.palette = palette
        self.ids = ids
        var entities: [VoxelPosition: Compound] = [:]
        for case .compound(let te) in c["TileEntities"]?.list ?? [] {
            guard let x = te["x"]?.integer, let y = te["y"]?.integer, let z = te["z"]?.integer,
                  x >= 0, y >= 0, z >= 0, x < size.0, y < size.1, z < size.2 else { continue }
            entities[VoxelPosition(x, y, z)] = SchematicNBT.withoutPosition(te)
        }
        blockEntities = entities
    }

    /// Writes this region's non-air blocks and block entities into `volume` from `origin`.
    func place(into volume: inout BlockVolume, at origin: (Int, Int, Int)) {
        let mapped = palette.map { volume.index(of: $0) }
        let airs = palette.map(\.isAir)
        let (sx, sy, sz) = size
        for y in 0..<sy { for z in 0..<sz { for x in 0..<sx {
            let id = Int(ids[(y * sz + z) * sx + x])
            guard !airs[id] else { continue }
            volume.indices[volume.offset(origin.0 + x, origin.1 + y, origin.2 + z)] = mapped[id]
        } } }
        for (p, body) in blockEntities {
            volume.blockEntities[VoxelPosition(origin.0 + p.x, origin.1 + p.y, origin.2 + p.z)] = body
        }
    }
}
