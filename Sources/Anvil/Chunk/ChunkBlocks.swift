import NBT

/// The blocks of one chunk, decoded from its NBT by the codec its DataVersion selects.
///
/// Only sections that store block data appear (light-only sections and sections the game never
/// saved are absent; callers treat absent as air). Sections are sorted by `y`.
///
/// ```swift
/// let root = try NBTReader.read(chunkBytes).root
/// let chunk = try ChunkBlocks(decoding: root)
/// chunk.sections.first?.palette   // [minecraft:bedrock, minecraft:stone, …]
/// chunk.blockCounts()[BlockState("minecraft:stone")]
/// ```
public struct ChunkBlocks: Sendable {
    /// Column position (`xPos`, `zPos`).
    public var position: ChunkPosition
    /// The chunk's `DataVersion` (`.absent` before 15w32a).
    public var dataVersion: DataVersion
    /// The storage generation that was decoded.
    public var layout: ChunkLayout
    /// Sections with block data, sorted by `y`.
    public var sections: [ChunkSection]
    /// Block entity compounds as stored (world x/y/z inside).
    public var blockEntities: [Compound]
    /// Oddities met while decoding (unknown numeric ids, a newer-than-known DataVersion).
    public var warnings: [ChunkWarning]

    /// Lowest and highest section Y with block data; `nil` when there is none.
    public var sectionYRange: ClosedRange<Int>? {
        guard let first = sections.first, let last = sections.last else { return nil }
        return first.y...last.y
    }

    /// Decodes a chunk's root compound (as read from a region file).
    /// - Throws: `ChunkError` with the chunk position and the NBT path of the first bad tag: a
    ///   missing `Level`/`xPos`/`zPos`, an ill-typed tag, a data array whose length does not fit
    ///   its palette, or an index past its palette (corrupt sections are errors, never clamped).
    /// - Complexity: O(stored sections × 4096); one allocation per section's indices.
    public init(decoding root: Compound) throws(ChunkError) {
        let dataVersion = DataVersion(try root.optionalInteger("DataVersion", at: NBTPath()) ?? 0)
        let layout = ChunkLayout(for: dataVersion)
        let (level, levelPath) = try Self.levelCompound(of: root, layout: layout)
        let position = try Self.position(of: level, at: levelPath)
        do throws(ChunkError) {
            var warnings: [ChunkWarning] = dataVersion.isNewerThanKnown ? [.newerThanKnown(dataVersion)] : []
            let sections = try Self.decodeSections(level, levelPath, layout, &warnings)
            let entities = try Self.compounds(in: level, key: layout.blockEntitiesKey, at: levelPath)
            self.init(position: position, dataVersion: dataVersion, layout: layout,
                      sections: sections, blockEntities: entities, warnings: warnings)
        } catch {
            throw error.at(position)
        }
    }

    /// A chunk from parts (for tests and generated content).
    public init(position: ChunkPosition, dataVersion: DataVersion, layout: ChunkLayout,
                sections: [ChunkSection], blockEntities: [Compound] = [], warnings: [ChunkWarning] = []) {
        self.position = position
        self.dataVersion = dataVersion
        self.layout = layout
        self.sections = sections.sorted { $0.y < $1.y }
        self.blockEntities = blockEntities
        self.warnings = warnings
    }

    /// The compound holding the chunk's tags: `Level` before 21w43a, the root after.
    static func levelCompound(of root: Compound, layout: ChunkLayout) throws(ChunkError) -> (Compound, NBTPath) {
        guard layout.hasLevelWrapper else { return (root, NBTPath()) }
        guard let level = try root.required("Level", .compound, at: NBTPath()).compound else {
            throw .missingTag(path: NBTPath([.key("Level")]), chunk: nil)
        }
        return (level, NBTPath([.key("Level")]))
    }

    static func position(of level: Compound, at path: NBTPath) throws(ChunkError) -> ChunkPosition {
        guard let x = try level.optionalInteger("xPos", at: path) else { throw .missingTag(path: path.appending("xPos"), chunk: nil) }
        guard let z = try level.optionalInteger("zPos", at: path) else { throw .missingTag(path: path.appending("zPos"), chunk: nil) }
        return ChunkPosition(x: x, z: z)
    }

    /// Each section compound with its `Y`, in stored order.
    static func sectionCompounds(_ level: Compound, _ levelPath: NBTPath, _ layout: ChunkLayout)
        throws(ChunkError) -> [(y: Int, compound: Compound, path: NBTPath)] {
        let listPath = levelPath.appending(layout.sectionsKey)
        var out: [(y: Int, compound: Compound, path: NBTPath)] = []
        for (i, tag) in (try level.optionalList(layout.sectionsKey, at: levelPath) ?? []).enumerated() {
            let at = listPath.appending(index: i)
            guard case .compound(let section) = tag else {
                throw .wrongTagType(path: at, expected: .compound, found: tag.type, chunk: nil)
            }
            guard let y = try section.optionalInteger("Y", at: at) else { throw .missingTag(path: at.appending("Y"), chunk: nil) }
            out.append((y, section, at))
        }
        return out
    }

    private static func decodeSections(_ level: Compound, _ levelPath: NBTPath, _ layout: ChunkLayout,
                                       _ warnings: inout [ChunkWarning]) throws(ChunkError) -> [ChunkSection] {
        let codec = layout.codec
        var sections: [ChunkSection] = []
        for (y, compound, path) in try sectionCompounds(level, levelPath, layout) {
            if let s = try codec.decode(section: compound, y: y, path: path, warnings: &warnings) {
                s.checkInvariants()
                sections.append(s)
            }
        }
        sections.sort { $0.y < $1.y }
        return sections
    }

    static func compounds(in level: Compound, key: String, at path: NBTPath) throws(ChunkError) -> [Compound] {
        var out: [Compound] = []
        for (i, tag) in (try level.optionalList(key, at: path) ?? []).enumerated() {
            guard case .compound(let c) = tag else {
                throw .wrongTagType(path: path.appending(key).appending(index: i), expected: .compound, found: tag.type, chunk: nil)
            }
            out.append(c)
        }
        return out
    }
}
