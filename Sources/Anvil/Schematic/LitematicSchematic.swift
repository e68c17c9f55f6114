import Foundation
import NBT

/// Litematica `.litematic` files (versions 1–7 read; 6, or 7 from 1.20.5, written).
///
/// Layout (litemapy's `schematic.py`, the reference the interop test checks against): the root
/// holds `Version`, `SubVersion` (5+), `MinecraftDataVersion`, `Metadata {Name, Author,
/// Description, RegionCount, TotalBlocks, TotalVolume, EnclosingSize{x,y,z}, TimeCreated,
/// TimeModified}` and `Regions {<name>: {Position{x,y,z}, Size{x,y,z}, BlockStatePalette,
/// BlockStates, TileEntities, Entities, PendingBlockTicks, PendingFluidTicks}}`.
/// - A size may be negative: the region then runs from `Position + Size + 1` to `Position`.
/// - `BlockStates` packs `max(2, ⌈log2 palette⌉)` bits per block, entries spanning longs
///   (`PackedIndices.straddling`), exactly `⌈volume·bits/64⌉` longs, in the order
///   `(y·|sizeZ| + z)·|sizeX| + x` from the region's minimum corner.
/// - Tile entities carry `x, y, z` relative to the region's minimum corner.
/// Several regions are merged into their enclosing box; air of a later region does not erase an
/// earlier region's blocks.
public enum LitematicSchematic {
    /// The blocks of a `.litematic` document merged into their enclosing box.
    /// - Throws: `SchematicError` naming the region and what is inconsistent.
    public static func read(_ document: NBTReader.Document) throws(SchematicError) -> (volume: BlockVolume, info: SchematicInfo) {
        let root = document.root
        let version = try SchematicNBT.int(root, "Version", at: "Version")
        guard (1...7).contains(version) else { throw .unsupportedVersion(version) }
        let regionsTag = try SchematicNBT.compound(root, "Regions", at: "Regions")
        var regions: [_LitematicRegion] = []
        for (name, tag) in regionsTag {
            guard let c = tag.compound else { throw .badRegion(name: name, reason: "not a compound") }
            regions.append(try _LitematicRegion(name: name, c))
        }
        guard let first = regions.first else { throw .badRegion(name: "(none)", reason: "the file has no region") }
        var lo = first.min, hi = first.max
        for r in regions {
            lo = (Swift.min(lo.0, r.min.0), Swift.min(lo.1, r.min.1), Swift.min(lo.2, r.min.2))
            hi = (Swift.max(hi.0, r.max.0), Swift.max(hi.1, r.max.1), Swift.max(hi.2, r.max.2))
        }
        let size = (hi.0 - lo.0 + 1, hi.1 - lo.1 + 1, hi.2 - lo.2 + 1)
        _ = try SchematicNBT.voxelCount(size.0, size.1, size.2)
        var volume = BlockVolume(size: size, fill: .air)
        for r in regions { r.place(into: &volume, at: (r.min.0 - lo.0, r.min.1 - lo.1, r.min.2 - lo.2)) }
        let meta = root["Metadata"]?.compound
        let info = SchematicInfo(format: .litematic, version: version, dataVersion: root["MinecraftDataVersion"]?.integer,
                                 name: meta?["Name"]?.string, author: meta?["Author"]?.string,
                                 notes: regions.count > 1 ? ["\(regions.count) regions merged into their \(size.0)×\(size.1)×\(size.2) enclosing box"] : [])
        return (volume, info)
    }

    /// A one-region `.litematic` document holding `volume` (air is palette entry 0, as Litematica writes it).
    /// - Throws: `.badDimensions` for an empty volume (Litematica regions cannot be 0 wide).
    public static func document(for volume: BlockVolume, dataVersion: Int, name: String = "worldgan", author: String = "worldgan",
                                time: Date = Date()) throws(SchematicError) -> NBTReader.Document {
        let (w, h, l) = volume.size
        guard w > 0, h > 0, l > 0 else { throw .badDimensions(width: w, height: h, length: l, reason: "Litematica regions cannot be empty") }
        var palette: [BlockState] = [.air]
        var lookup: [BlockState: UInt32] = [.air: 0]
        var order = [UInt32](repeating: 0, count: volume.count)
        var nonAir = 0
        for y in 0..<h { for z in 0..<l { for x in 0..<w {
            let state = volume[x, y, z]
            if !state.isAir { nonAir += 1 }
            let id: UInt32
            if let known = lookup[state] { id = known } else {
                id = UInt32(palette.count); palette.append(state); lookup[state] = id
            }
            order[(y * l + z) * w + x] = id
        } } }
        let bits = Swift.max(2, PackedIndices.ceilLog2(palette.count))
        var region = Compound()
        region["Position"] = SchematicNBT.xyzCompound(0, 0, 0)
        region["Size"] = SchematicNBT.xyzCompound(w, h, l)
        region["BlockStatePalette"] = PaletteNBT.encode(palette)
        region["Entities"] = .list(.compound, [])
        region["TileEntities"] = .list(.compound, sortedEntities(volume).map { pos, body in
            var c = Compound([("x", .int(Int32(pos.x))), ("y", .int(Int32(pos.y))), ("z", .int(Int32(pos.z)))])
            for (k, v) in body { c[k] = v }
            return .compound(c)
        })
        region["PendingBlockTicks"] = .list(.compound, [])
        region["PendingFluidTicks"] = .list(.compound, [])
        region["BlockStates"] = .longArray(PackedIndices.encode(order.map(UInt64.init), bits: bits, packing: .straddling))

        let millis = Int64(time.timeIntervalSince1970 * 1000)
        var meta = Compound()
        meta["Name"] = .string(name)
        meta["Author"] = .string(author)
        meta["Description"] = .string("")
        meta["RegionCount"] = .int(1)
        meta["TotalBlocks"] = .int(Int32(clamping: nonAir))
        meta["TotalVolume"] = .int(Int32(clamping: volume.count))
        meta["EnclosingSize"] = SchematicNBT.xyzCompound(w, h, l)
        meta["TimeCreated"] = .long(millis)
        meta["TimeModified"] = .long(millis)

        var root = Compound()
        // Litematica 0.18+ writes 6 (1.20.4 and earlier) and 7 once item stacks use components (1.20.5).
        root["Version"] = .int(dataVersion >= DataVersion.v1_20_5.rawValue ? 7 : 6)
        root["SubVersion"] = .int(1)
        root["MinecraftDataVersion"] = .int(Int32(clamping: dataVersion))
        root["Metadata"] = .compound(meta)
        root["Regions"] = .compound(Compound([(name, .compound(region))]))
        return NBTReader.Document(name: "", root: root)
    }

    /// Block entities in y, z, x order, so files are reproducible.
    static func sortedEntities(_ volume: BlockVolume) -> [(key: VoxelPosition, value: Compound)] {
        volume.blockEntities.sorted { ($0.key.y, $0.key.z, $0.key.x) < ($1.key.y, $1.key.z, $1.key.x) }
    }
}
