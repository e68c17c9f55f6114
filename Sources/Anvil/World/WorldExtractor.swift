import Foundation
import NBT

/// Reads a box of blocks out of a world.
///
/// ```swift
/// let world = try World(at: folder)
/// let box = try WorldBox(VoxelPosition(0, -62, 0), VoxelPosition(47, -47, 47))
/// let volume = try WorldExtractor(world: world).extract(box)
/// ```
public struct WorldExtractor: Sendable {
    public let world: World
    public var dimension: WorldDimension = .overworld
    /// When true, chunks never generated read as air; otherwise they are an error listing them.
    public var fillMissingWithAir = false
    /// When true, the first damaged chunk stops the extraction; otherwise damaged chunks read as
    /// air and are reported in `damagedChunks` (the rest of the box is still extracted).
    public var strict = false

    public init(world: World, dimension: WorldDimension = .overworld, fillMissingWithAir: Bool = false, strict: Bool = false) {
        self.world = world
        self.dimension = dimension
        self.fillMissingWithAir = fillMissingWithAir
        self.strict = strict
    }

    /// What an extraction produced.
    public struct Extraction: Sendable {
        /// The blocks (and block entities) of the box, volume-relative.
        public var volume: BlockVolume
        /// Chunks that could not be read (each error names the file and chunk); their blocks are air.
        public var damagedChunks: [WorldError]
        /// The DataVersion whose names the blocks carry (see `namesVersion(of:)`).
        public var dataVersion: DataVersion
        /// One report per older (or newer) chunk version whose names were translated to
        /// `dataVersion`, by source version; states without equivalent were written as air.
        public var translations: [VersionReport]
    }

    /// The DataVersion an extraction names its blocks for: level.dat's, or 1.13's for a world
    /// from before the flattening (its numeric ids are read as 1.13 names).
    public func namesVersion() -> DataVersion {
        DataVersion(Swift.max(world.level.dataVersion ?? 0, DataVersion.v1_13_release.rawValue))
    }

    /// The blocks of `box`; damaged chunks read as air (see `extractReporting` to learn which).
    public func extract(_ box: WorldBox) throws(WorldError) -> BlockVolume {
        try extractReporting(box).volume
    }

    /// The blocks of `box` and the chunks that were damaged. Chunks last saved by another version
    /// than level.dat's (a world upgraded by playing: chunks nobody visited keep their old format)
    /// have their block names translated to level.dat's version, so the volume is one version's.
    /// - Throws: `WorldError.missingChunks` (listing them), `.outsideBuildHeight`, a region file that
    ///   cannot be read at all, and — when `strict` — the first damaged chunk (`.region` /
    ///   `.chunkNBT` / `.chunk`, naming the file and chunk).
    /// - Complexity: O(chunks touched × their size); each region file is read once.
    public func extractReporting(_ box: WorldBox) throws(WorldError) -> Extraction {
        var volume = BlockVolume(size: box.size, fill: .air)
        var damaged: [WorldError] = []
        var missing: [ChunkPosition] = []
        var heights = WorldHeight.defaultRange(dataVersion: world.level.dataVersion, dimension: dimension)
        let target = namesVersion()
        var translators: [DataVersion: VersionTranslator] = [:]
        let byRegion = Dictionary(grouping: box.chunks, by: \.region)
        for region in byRegion.keys.sorted(by: { ($0.x, $0.z) < ($1.x, $1.z) }) {
            let chunks = byRegion[region] ?? []
            let url = world.regionURL(x: region.x, z: region.z, in: dimension)
            guard FileManager.default.fileExists(atPath: url.path) else {
                missing.append(contentsOf: chunks)
                continue
            }
            let file: RegionFile
            do { file = try RegionFile(contentsOf: url, position: region) } catch { throw .region(error) }
            for position in chunks {
                let decoded: ChunkBlocks?
                do { decoded = try decode(position, in: file, url: url) } catch {
                    if strict { throw error }
                    damaged.append(error)
                    continue
                }
                guard let blocks = decoded else {
                    missing.append(position)
                    continue
                }
                if let stored = blocks.sectionYRange {
                    heights = Swift.min(heights.lowerBound, stored.lowerBound * 16)...Swift.max(heights.upperBound, stored.upperBound * 16 + 15)
                }
                try renamed(blocks, to: target, within: box, translators: &translators).write(into: &volume, origin: box.min)
            }
        }
        guard box.min.y >= heights.lowerBound, box.max.y <= heights.upperBound else {
            throw .outsideBuildHeight(minY: box.min.y, maxY: box.max.y, worldMinY: heights.lowerBound, worldMaxY: heights.upperBound)
        }
        if !missing.isEmpty && !fillMissingWithAir {
            throw .missingChunks(missing.sorted { ($0.x, $0.z) < ($1.x, $1.z) }, dimension: dimension.description)
        }
        let reports = translators.keys.sorted().compactMap { translators[$0]?.report }.filter { !$0.isEmpty }
        return Extraction(volume: volume, damagedChunks: damaged, dataVersion: target, translations: reports)
    }

    /// `blocks` named as `target` names them, through one translator per source version.
    /// - Throws: `WorldError.translationTable` when the bundled table cannot be read (a build fault).
    private func renamed(_ blocks: ChunkBlocks, to target: DataVersion, within box: WorldBox,
                         translators: inout [DataVersion: VersionTranslator]) throws(WorldError) -> ChunkBlocks {
        let source = blocks.namesVersion
        guard source != target else { return blocks }
        var translator: VersionTranslator
        if let known = translators[source] { translator = known } else {
            do { translator = VersionTranslator(from: source, to: target, table: try BlockVersionTable.bundled()) } catch {
                throw .translationTable(error)
            }
        }
        defer { translators[source] = translator }
        return blocks.renamed(by: &translator, countingWithin: box)
    }

    /// The decoded blocks of one chunk, or `nil` if it was never generated.
    public func decode(_ position: ChunkPosition, in file: RegionFile, url: URL) throws(WorldError) -> ChunkBlocks? {
        let raw: RegionChunk?
        do { raw = try file.chunk(localX: position.slot.localX, localZ: position.slot.localZ) } catch { throw .region(error) }
        guard let raw else { return nil }
        let document: NBTReader.Document
        do { document = try raw.nbt() } catch { throw .chunkNBT(file: url.path, chunk: position, error) }
        do { return try ChunkBlocks(decoding: document.root) } catch { throw .chunk(file: url.path, error) }
    }
}

/// The block heights a world stores by default, by format generation and dimension.
public enum WorldHeight {
    /// 1.18+ overworld: y −64…319; the nether, the end and older worlds: 0…255.
    public static func defaultRange(dataVersion: Int?, dimension: WorldDimension) -> ClosedRange<Int> {
        if dimension == .overworld, let dv = dataVersion, dv >= DataVersion.v21w43a.rawValue { return -64...319 }
        return 0...255
    }
}
