import Foundation
import NBT

/// Writes a block volume into a world: existing chunks are edited in their own format, missing
/// chunks are created as complete empty chunks of the world's format, and every region file is
/// replaced atomically. Chunks outside the volume's box keep their exact bytes.
///
/// All chunks are prepared in memory before the first file is written, so a chunk that cannot
/// be edited (a ≤ 1.12 chunk, a damaged section) stops the paste with every file unchanged.
/// Each region file is then either entirely old or entirely new, even if the process is killed
/// (temporary file, fsync, rename); a paste spanning several region files replaces them one by one.
///
/// ```swift
/// let summary = try WorldPaster(world: world).paste(volume, at: VoxelPosition(100, -60, 20))
/// ```
public struct WorldPaster: Sendable {
    public let world: World
    public var dimension: WorldDimension = .overworld
    /// Keep the previous region files as `r.X.Z.mca.bak`.
    public var backup = false
    /// Air in the volume leaves the world's block unchanged (instead of clearing it).
    /// `structure_void` always leaves it unchanged (structure templates' "no block here").
    public var skipAir = false
    /// The version the volumes' block names come from; each chunk's edits are translated to the
    /// chunk's own `DataVersion` (a new chunk's is level.dat's). `nil` writes names as they are.
    public var translation: VersionTranslation?

    public init(world: World, dimension: WorldDimension = .overworld, backup: Bool = false, skipAir: Bool = false,
                translation: VersionTranslation? = nil) {
        self.world = world
        self.dimension = dimension
        self.backup = backup
        self.skipAir = skipAir
        self.translation = translation
    }

    /// What a paste did.
    public struct Summary: Sendable {
        public var editedChunks = 0
        public var createdChunks = 0
        public var regionFiles: [URL] = []
        public var blocks = 0
        /// One report per target DataVersion whose chunks needed translated names (none when the
        /// source is the world's version); states without equivalent were written as air.
        public var translations: [VersionReport] = []
    }

    /// Pastes `volume` with its (0, 0, 0) voxel at world position `origin`.
    /// - Throws: `WorldError` naming the file, chunk or coordinate, or `.translation` when states
    ///   have no equivalent in the world's version and `translation.missing` refuses them; no file
    ///   is changed then.
    public func paste(_ volume: BlockVolume, at origin: VoxelPosition) throws(WorldError) -> Summary {
        try paste([(volume, origin)])
    }

    /// Pastes several volumes in one pass (each region file is rewritten once); later volumes win
    /// where they overlap.
    public func paste(_ placements: [(volume: BlockVolume, origin: VoxelPosition)]) throws(WorldError) -> Summary {
        try paste(placements.map { ($0.volume, $0.origin, nil) })
    }

    /// Pastes `volume` with each column lifted by its own height: column (x, z) goes from
    /// `origin.y + columnLift[x * sizeZ + z]` up (a sample following the terrain).
    /// - Throws: as ``paste(_:at:)``, also when a lifted column leaves the world's limits.
    public func paste(_ volume: BlockVolume, at origin: VoxelPosition, columnLift: [Int]) throws(WorldError) -> Summary {
        precondition(columnLift.count == volume.sizeX * volume.sizeZ,
                     "WorldPaster.paste: \(columnLift.count) column lifts for \(volume.sizeX)×\(volume.sizeZ) columns")
        return try paste([(volume, origin, columnLift)])
    }

    private func paste(_ placements: [(volume: BlockVolume, origin: VoxelPosition, lift: [Int]?)]) throws(WorldError) -> Summary {
        let heights = WorldHeight.defaultRange(dataVersion: world.level.dataVersion, dimension: dimension)
        var boxes: [WorldBox] = [], lowest = Int.max, highest = Int.min
        for (volume, origin, lift) in placements {
            let box = try WorldBox(origin: origin, size: volume.size)
            boxes.append(box)
            let (low, high) = (lift?.min() ?? 0, lift?.max() ?? 0)
            _ = try WorldBox(VoxelPosition(box.min.x, box.min.y + low, box.min.z), VoxelPosition(box.max.x, box.max.y + high, box.max.z))
            (lowest, highest) = (min(lowest, box.min.y + low), max(highest, box.max.y + high))
        }
        guard !boxes.isEmpty else { return Summary() }
        var summary = Summary()
        var writers: [RegionWriter] = []
        var translators: [DataVersion: VersionTranslator] = [:]
        // Edits are made one chunk at a time (a chunk's from every placement, in order), so memory
        // holds one chunk's edits rather than a block edit per pasted voxel.
        let byRegion = Dictionary(grouping: Self.chunks(covering: boxes), by: \.region)
        for region in byRegion.keys.sorted(by: { ($0.x, $0.z) < ($1.x, $1.z) }) {
            let url = world.regionURL(x: region.x, z: region.z, in: dimension)
            let file: RegionFile?
            do { file = FileManager.default.fileExists(atPath: url.path) ? try RegionFile(contentsOf: url, position: region) : nil }
            catch { throw .region(error) }
            var writer = RegionWriter(url: url, position: region)
            for position in byRegion[region] ?? [] {
                let edits = zip(placements, boxes).flatMap { editsOfChunk(position, $0.0.volume, box: $0.1, lift: $0.0.lift) }
                guard !edits.isEmpty else { continue }
                let root = try existingOrNewChunk(position, in: file, url: url, heights: heights, yRange: lowest...highest)
                let chunkEdits = translated(edits, for: root.compound, translators: &translators)
                let edited = try apply(chunkEdits, to: root.compound, url: url)
                do { try writer.setChunk(NBTReader.Document(name: root.name, root: edited), at: position.slot) }
                catch { throw .chunkNBT(file: url.path, chunk: position, error) }
                if root.isNew { summary.createdChunks += 1 } else { summary.editedChunks += 1 }
                summary.blocks += edits.count
            }
            writers.append(writer)
        }
        summary.translations = translators.values.map(\.report).filter { !$0.isEmpty }.sorted { $0.target < $1.target }
        do { try translation?.check(summary.translations) } catch { throw .translation(error) }
        try FileManager.default.createDirectoryIfNeeded(world.regionFolder(dimension))
        for writer in writers {
            do { _ = try writer.write(backup: backup) } catch { throw .region(error) }
            summary.regionFiles.append(writer.url)
        }
        return summary
    }

    /// The chunks the boxes' columns lie in, each once.
    static func chunks(covering boxes: [WorldBox]) -> [ChunkPosition] {
        var seen = Set<ChunkPosition>(), out: [ChunkPosition] = []
        for box in boxes {
            for cx in (box.min.x >> 4)...(box.max.x >> 4) {
                for cz in (box.min.z >> 4)...(box.max.z >> 4) where seen.insert(ChunkPosition(x: cx, z: cz)).inserted {
                    out.append(ChunkPosition(x: cx, z: cz))
                }
            }
        }
        return out
    }

    private func apply(_ edits: [BlockEdit], to chunk: Compound, url: URL) throws(WorldError) -> Compound {
        do { return try ChunkEditor.apply(edits, to: chunk) } catch {
            if case .legacyChunkNotWritable = error { throw .legacyWorldNotWritable(dataVersion: world.level.dataVersion) }
            throw .chunk(file: url.path, error)
        }
    }

    /// The edits with names of the chunk's version (its `DataVersion`, else level.dat's); a state
    /// without equivalent becomes air without block entity, and is counted in the report.
    private func translated(_ edits: [BlockEdit], for chunk: Compound,
                            translators: inout [DataVersion: VersionTranslator]) -> [BlockEdit] {
        guard let translation, let version = (chunk["DataVersion"]?.integer ?? world.level.dataVersion).map({ DataVersion($0) }),
              version != translation.source else { return edits }
        var translator = translators[version] ?? translation.translator(to: version)
        defer { translators[version] = translator }
        return edits.map { edit in
            var edit = edit
            if let state = translator.translate(edit.state) { edit.state = state } else {
                edit.state = .air
                edit.blockEntity = nil
            }
            return edit
        }
    }

    /// The edits `volume` (placed as `box`, columns lifted by `lift`) makes inside chunk `chunk`,
    /// column by column.
    private func editsOfChunk(_ chunk: ChunkPosition, _ volume: BlockVolume, box: WorldBox, lift: [Int]?) -> [BlockEdit] {
        let (x0, x1) = (max(box.min.x, chunk.x << 4), min(box.max.x, (chunk.x << 4) + 15))
        let (z0, z1) = (max(box.min.z, chunk.z << 4), min(box.max.z, (chunk.z << 4) + 15))
        guard x0 <= x1, z0 <= z1 else { return [] }
        var out: [BlockEdit] = []
        for wx in x0...x1 { for wz in z0...z1 {
            let x = wx - box.min.x, z = wz - box.min.z
            let bottom = box.min.y + (lift?[x * volume.sizeZ + z] ?? 0)
            for y in 0..<volume.sizeY {
                let state = volume[x, y, z]
                if (skipAir && state.isAir) || state == .structureVoid { continue }
                out.append(BlockEdit(x: wx & 15, y: bottom + y, z: wz & 15, state: state,
                                     blockEntity: volume.blockEntities[VoxelPosition(x, y, z)]))
            }
        } }
        return out
    }

    private func existingOrNewChunk(_ position: ChunkPosition, in file: RegionFile?, url: URL,
                                    heights: ClosedRange<Int>, yRange: ClosedRange<Int>) throws(WorldError) -> (name: String, compound: Compound, isNew: Bool) {
        if let file {
            let raw: RegionChunk?
            do { raw = try file.chunk(localX: position.slot.localX, localZ: position.slot.localZ) } catch { throw .region(error) }
            if let raw {
                do {
                    let document = try raw.nbt()
                    return (document.name, document.root, false)
                } catch { throw .chunkNBT(file: url.path, chunk: position, error) }
            }
        }
        guard yRange.lowerBound >= heights.lowerBound, yRange.upperBound <= heights.upperBound else {
            throw .outsideBuildHeight(minY: yRange.lowerBound, maxY: yRange.upperBound,
                                      worldMinY: heights.lowerBound, worldMaxY: heights.upperBound)
        }
        guard let dv = world.level.dataVersion, dv >= DataVersion.v1_13.rawValue else {
            throw .legacyWorldNotWritable(dataVersion: world.level.dataVersion)
        }
        do {
            let sections = (heights.lowerBound >> 4)...(heights.upperBound >> 4)
            return ("", try ChunkFactory.emptyChunk(at: position, dataVersion: DataVersion(dv), sectionYRange: sections), true)
        } catch { throw .chunk(file: url.path, error) }
    }
}

extension FileManager {
    /// Creates `url` (and parents) if it does not exist.
    func createDirectoryIfNeeded(_ url: URL) throws(WorldError) {
        guard !fileExists(atPath: url.path) else { return }
        do { try createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .cannotCreateFolder(path: url.path, reason: error.localizedDescription)
        }
    }
}
