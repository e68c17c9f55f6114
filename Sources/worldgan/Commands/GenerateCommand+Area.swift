import Anvil
import Foundation
import Metrics
import WorldGAN

extension GenerateCommand {
    /// `--area`: one sample as large as the rectangle, written region file by region file.
    ///
    /// Each region's part is sampled tile by tile with ``SampleDecoding/neighbourMargin`` blocks of
    /// context (clamped to the area), finished, cut to the region and pasted (one atomic write
    /// per region file), then marked complete in the world's ``AreaLedger``.
    func generateArea(_ area: AreaRectangle, decoding: SampleDecoding, startScale: Int, noiseScale: Float,
                      translation: VersionTranslation?, runJSON: URL) throws {
        guard let world else { return }   // validate() requires it
        let target = try WorldOpening.open(world)
        let ground = WorldHeight.defaultRange(dataVersion: target.level.dataVersion, dimension: .overworld).lowerBound
        let y = large.atY?.y ?? ground    // with --on-surface: columns without ground
        let pyramid = decoding.pyramid
        let trained = pyramid.shapes[pyramid.generators.count - 1]
        let height = max(1, Int((Double(trained[1]) * (scale?.y ?? 1)).rounded()))
        _ = try WorldBox(VoxelPosition(area.minX, y, area.minZ), VoxelPosition(area.maxX, large.onSurface ? y : y + height - 1, area.maxZ))
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: pyramid.generators.count, finest: [area.width, height, area.depth])
        let sampler = TiledSampler(pyramid, geometry: geometry, seed: seed, startScale: startScale, noiseScale: noiseScale)
        let ledger = AreaLedger(world: target.folder, job: try areaJob(area, y: y, height: height, startScale: startScale,
                                                                     noiseScale: noiseScale, runJSON: runJSON))
        try ledger.prepare()
        let shard = large.shard ?? ShardSpec(index: 0, count: 1)
        let mine = area.regions.enumerated().filter { shard.owns($0.offset) }.map(\.element)
        let todo = mine.filter { !(large.resume && ledger.isComplete(x: $0.x, z: $0.z)) }
        let windows = todo.map { sampleWindow(of: $0.part, in: area, height: height) }
        let voxels = windows.map { $0.map(\.count).reduce(1, *) }
        let memory = TileMemory(pyramid: pyramid, geometry: geometry)
        let tile = try large.tileSide(memory, reserve: Self.regionReserve(voxels: voxels.max() ?? 0, height: height))
        if !quiet {
            print("area \(area): \(area.regions.count) regions, \(mine.count) in shard \(shard), \(mine.count - todo.count) already complete; "
                  + "sample \(area.width)×\(height)×\(area.depth) in tiles of \(tile) blocks within \(MemorySize(bytes: large.budget)) "
                  + "(a whole-volume pass would need \(MemorySize(bytes: memory.bytes(for: geometry.whole))))")
        }
        let bar = ProgressBar("generate", total: voxels.reduce(0, +), unit: "voxels", quiet: quiet)
        var done = 0, tally = SampleDecoding.Tally(), reports: [VersionReport] = []
        for ((region, window), count) in zip(zip(todo, windows), voxels) {
            let volume = try sampler.volume(of: window, tileSize: tile, decode: decoding.decode) { bar.update(done + $0) }
            let finished = try decoding.finish(volume, openSides: openSides(of: window, in: area), tally: &tally)
            let core = finished.cropped(origin: VoxelPosition(region.part.minX - area.minX - window[0].lowerBound, 0,
                                                              region.part.minZ - area.minZ - window[2].lowerBound),
                                        size: (region.part.width, height, region.part.depth))
            let paster = WorldPaster(world: target, backup: backup, translation: translation)
            let summary = large.onSurface
                ? try paster.paste(core, at: VoxelPosition(region.part.minX, 0, region.part.minZ),
                                   columnLift: try SurfaceHeights.read(target, part: region.part, fallback: y))
                : try paster.paste(core, at: VoxelPosition(region.part.minX, y, region.part.minZ))
            try ledger.markComplete(x: region.x, z: region.z)
            reports += summary.translations
            done += count
            bar.update(done)
            print("wrote \(target.regionURL(x: region.x, z: region.z, in: .overworld).path) (\(region.part))")
        }
        bar.finish()
        report(tally, samples: nil)
        BlockVersionOptions.announce(reports, quiet: quiet)
        if !quiet {
            let peak = MemorySize(bytes: ProcessMemory.peakResident).description
            print("filled \(todo.count) region(s) of \(area) \(large.onSurface ? "on the surface" : "at y \(y)"): peak memory \(peak) (VmHWM, limit \(MemorySize(bytes: large.budget)))")
        }
    }

    /// The sample-coordinate window of a region's part with the finishing context around it.
    private func sampleWindow(of part: AreaRectangle, in area: AreaRectangle, height: Int) -> [Range<Int>] {
        let margin = SampleDecoding.neighbourMargin
        return [max(0, part.minX - area.minX - margin)..<min(area.width, part.maxX - area.minX + 1 + margin), 0..<height,
                max(0, part.minZ - area.minZ - margin)..<min(area.depth, part.maxZ - area.minZ + 1 + margin)]
    }

    /// The sides of a sample window where the area goes on beyond it.
    private func openSides(of window: [Range<Int>], in area: AreaRectangle) -> FloatingDebris.OpenSides {
        var sides: FloatingDebris.OpenSides = []
        if window[0].lowerBound > 0 { sides.insert(.lowX) }
        if window[0].upperBound < area.width { sides.insert(.highX) }
        if window[2].lowerBound > 0 { sides.insert(.lowZ) }
        if window[2].upperBound < area.depth { sides.insert(.highZ) }
        return sides
    }

    /// Bytes a region's output holds while its tiles run and while it is pasted: the decoded
    /// volume and its finished copies (about 24 bytes a voxel) and the region writer's encoded
    /// chunks (about 6 KiB per 16-block section of 1024 chunks), plus slack.
    static func regionReserve(voxels: Int, height: Int) -> Int {
        voxels * 24 + 1024 * 6144 * ((height + 15) / 16 + 1) + (32 << 20)
    }

    /// The job's identity: the run's configuration and weights' description (run.json) and every
    /// option that changes blocks.
    private func areaJob(_ area: AreaRectangle, y: Int, height: Int, startScale: Int, noiseScale: Float, runJSON: URL) throws -> AreaLedger.Job {
        let settings = "\(area) y \(y) surface \(large.onSurface) height \(height) seed \(seed) start \(startScale) noise \(noiseScale.bitPattern) "
            + "decoder \(decoder.rawValue) style \(style ?? "-") missing \(versions.allowMissing)"
        let fingerprint = AreaLedger.fingerprint([Array(try Data(contentsOf: runJSON)), Array(settings.utf8)])
        return AreaLedger.Job(area: area, y: y, seed: seed, fingerprint: fingerprint)
    }
}
