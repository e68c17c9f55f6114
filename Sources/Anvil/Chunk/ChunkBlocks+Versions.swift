/// Block names of one chunk as another Minecraft version has them.
///
/// A world's chunks keep the format and block names of the version that last saved them: a world
/// played since 1.13 and opened in 1.21 still holds 1.13 chunks wherever nobody went since, and
/// their `minecraft:grass` is 1.21's `minecraft:short_grass`. A box cut across such chunks is only
/// one schematic when every chunk's names are translated to one version.
///
/// ```swift
/// var translator = VersionTranslator(from: chunk.namesVersion, to: .v1_21_11, table: try .bundled())
/// let upgraded = chunk.renamed(by: &translator, countingWithin: box)
/// translator.report.summary   // "translated 1.13.2 → 1.21.11: minecraft:grass → minecraft:short_grass (31 voxels)"
/// ```
extension ChunkBlocks {
    /// The DataVersion whose names the decoded blocks carry: the chunk's own, and 1.13's for chunks
    /// of numeric ids (the flattening table names them as 1.13 does) and for 1.13 snapshots.
    public var namesVersion: DataVersion {
        DataVersion(Swift.max(dataVersion.rawValue, DataVersion.v1_13_release.rawValue))
    }

    /// The chunk with every state named as `translator`'s target names it. A state the target has
    /// no equivalent for becomes air and loses its block entity. The report counts the voxels that
    /// lie inside `box` (the part of the chunk an extraction keeps).
    /// - Complexity: O(sections in `box` × their voxels in `box`) to count, O(palette) to translate.
    public func renamed(by translator: inout VersionTranslator, countingWithin box: WorldBox) -> ChunkBlocks {
        guard !translator.isIdentity else { return self }
        var copy = self
        var lostBySection: [Int: Set<Int>] = [:]
        for (s, section) in sections.enumerated() {
            let voxels = voxelsPerPaletteEntry(of: section, within: box)
            var palette: [BlockState] = []
            palette.reserveCapacity(section.palette.count)
            for (i, state) in section.palette.enumerated() {
                if let translated = translator.translate(state, voxels: voxels[i]) { palette.append(translated) } else {
                    palette.append(.air)
                    lostBySection[section.y, default: []].insert(i)
                }
            }
            copy.sections[s].palette = palette
        }
        if !lostBySection.isEmpty {
            let sectionsByY = Dictionary(uniqueKeysWithValues: sections.map { ($0.y, $0) })
            copy.blockEntities = blockEntities.filter { entity in
                guard let p = entity.voxelPosition, let lost = lostBySection[p.y >> 4], let section = sectionsByY[p.y >> 4] else { return true }
                let index = Int(section.indices[ChunkSection.offset(x: p.x & 15, y: p.y & 15, z: p.z & 15)])
                return !lost.contains(index)
            }
        }
        return copy
    }

    /// How many voxels of `section` inside `box` use each palette entry.
    private func voxelsPerPaletteEntry(of section: ChunkSection, within box: WorldBox) -> [Int] {
        var counts = [Int](repeating: 0, count: section.palette.count)
        let x0 = Swift.max(position.x * 16, box.min.x), x1 = Swift.min(position.x * 16 + 15, box.max.x)
        let z0 = Swift.max(position.z * 16, box.min.z), z1 = Swift.min(position.z * 16 + 15, box.max.z)
        let y0 = Swift.max(section.y * 16, box.min.y), y1 = Swift.min(section.y * 16 + 15, box.max.y)
        guard x0 <= x1, y0 <= y1, z0 <= z1 else { return counts }
        for y in y0...y1 {
            for z in z0...z1 {
                for x in x0...x1 { counts[Int(section.indices[ChunkSection.offset(x: x & 15, y: y & 15, z: z & 15)])] += 1 }
            }
        }
        return counts
    }
}
