import Anvil
import ArgumentParser
import Block2Vec
import Foundation
import Metrics
import Render
import Styles
import Tensor
import WorldGAN

/// `worldgan generate`: new structures from a trained run, as schematics, in a world, or in a new world.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate new structures from a trained run.",
        discussion: """
        Samples are written as DIR/sample-<n>.schem. With --world they are pasted into an existing
        world on a grid from --at (region files replaced atomically, --backup keeps the old ones);
        with --new-world a superflat world is created around them, ready to open in Minecraft.
        Blocks pasted into a world are named as its version names them (the training input's
        1.16 grass becomes 1.21's short_grass); blocks it lacks stop the paste unless --allow-missing.

        Examples:
          worldgan generate runs/ruins --count 4 -o samples
          worldgan generate runs/ruins --count 4 --style desert --scale 2 1 2 --render -o desert
          worldgan generate runs/ruins --count 4 --world ~/.minecraft/saves/Castle --at 300 64 -20 --backup
          worldgan generate runs/ruins --count 9 --new-world ~/.minecraft/saves/worldgan-ruins
          worldgan generate runs/ruins --world ~/.minecraft/saves/Castle --area -100 -100 99 99 --at-y 64 --max-memory 1G
          worldgan generate runs/ruins --world ~/.minecraft/saves/Castle --area -100 -100 99 99 --at-y 64 --shard 0/2 --resume

        With --area the rectangle X0 Z0 X1 Z1 (inclusive) is one sample, generated tile by tile in
        at most --max-memory and written region file by region file (each once, atomically); the
        same seed gives the same world for any tile size, thread count or split into shards.
        --resume skips the regions a previous run completed; --shard I/N takes every N-th region
        from the I-th, so N processes or job-array tasks (Kubernetes Indexed Jobs:
        --shard $JOB_COMPLETION_INDEX/N, Slurm arrays: --shard $SLURM_ARRAY_TASK_ID/N, GNU parallel:
        parallel worldgan generate … --shard {}/4 ::: 0 1 2 3) fill one area together;
        `worldgan info --check W --area …` lists the regions still missing.
        """
    )

    @Argument(help: "The run folder written by `worldgan train`.")
    var runFolder: String

    @Option(help: "Number of samples.") var count = 4
    @Option(help: "Size factors X Y Z relative to the training volume (e.g. 2 1 2).") var scale: DoubleTriple?
    @Option(help: "Seed of the first sample (sample n uses seed + n; a sample drawn again for --max-inflation, seeds derived from that).") var seed: UInt64 = 0
    @Option(help: "Use the reconstruction below this scale: variations closer to the input (0 = free).")
    var startScale: Int?
    @Option(help: "How far samples may stray from the input: 'low' keeps its silhouette, 'medium' its layout, 'high' is free (the default).")
    var variation: SampleVariation?
    @Option(help: "Multiply the noise of the sampled scales (1 = as trained).") var noiseScale: Float?
    @Option(help: "Where a free sample's layout comes from: 'patches' (the coarsest generator's sample remade from the input's own full-height coarse patches, none from near its own place, so whole houses, pillars, towers and hillsides move and recombine instead of repeating the input, and each finer scale's output refined by that scale's patches, the finest by the input's own blocks; the default) or 'generator' (the generators' samples as they are, as the original; always with --area).")
    var layout: LayoutChoice?
    @Flag(inversion: .prefixedNo, help: "Remove the leaves no log holds within six blocks (non-persistent leaves of distance 7), as the game lets them decay within minutes of loading them.")
    var leafDecay = true
    @Flag(help: "Keep floating debris: solid parts up to 12 blocks across with no way down to the sample's bottom layer, and plants, vines, lanterns… with no solid neighbour (removed by default unless the input itself has floating parts).")
    var keepFloating = false
    @Option(help: "Draw a sample again (up to 3 more times, keeping the least inflated draw) while some block state is more than this many times as common as in the input (eval's rare-block inflation); 0 keeps every first draw.")
    var maxInflation = 2.0
    @Flag(help: "Also write DIR/reconstruction.schem: the input as the pyramid reproduces it.") var reconstruction = false
    @Option(help: "'map' (nearest embedding, weighed by how common each block is in the input) or 'nearest' (the original's).")
    var decoder = DecoderChoice.map
    @Option(help: "A bundled style (\(Style.bundledNames.joined(separator: ", "))), a style .json, or an embeddings .txt to decode against.")
    var style: String?
    @Option(name: .shortAndLong, help: "Folder for the samples (.schem) and the render.") var output = "samples"
    @Option(help: "Also write a data pack here holding the samples as structures worldgan:<run>_<n> (/place template).")
    var datapack: String?
    @Option(help: "Format of the samples: sponge (.schem), litematic or structure (.nbt).") var format: SchematicFormat = .sponge
    @Option(help: "Paste the samples into this world folder.") var world: String?
    @Option(help: "World position of the first sample's corner (with --world).") var at: IntTriple?
    @Option(help: "Blocks between samples on the grid.") var spacing = 5
    @Flag(help: "With --world: keep replaced region files as r.X.Z.mca.bak.") var backup = false
    @Option(help: "Create a new superflat world here holding the samples.") var newWorld: String?
    @Option(help: "DataVersion of the new world (default \(LatestRelease.dataVersion), Minecraft \(LatestRelease.name)).")
    var dataVersion = LatestRelease.dataVersion
    @OptionGroup var versions: BlockVersionOptions
    @Flag(help: "Also write DIR/samples.png, an isometric grid of the samples.") var render = false
    @Flag(help: "Also write DIR/view.html, a 3D page to turn the samples around and compare them with the input.") var view = false
    @Flag(name: .shortAndLong, help: "Print only the files written.") var quiet = false
    @OptionGroup var large: LargeWorldOptions

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1") }
        if world != nil && at == nil && large.area == nil {
            throw ValidationError("--world needs --at X Y Z (where the first sample goes) or --area X0 Z0 X1 Z1 (a rectangle to fill)")
        }
        if large.area != nil {
            guard world != nil else { throw ValidationError("--area fills a rectangle of a world: give --world W") }
            guard at == nil, newWorld == nil else { throw ValidationError("--area goes with --world and --at-y, not with --at or --new-world") }
            if let s = scale, s.x != 1 || s.z != 1 { throw ValidationError("--area sets the X and Z size; --scale may set only the height (--scale 1 Y 1)") }
            if layout == .patches { throw ValidationError("--layout patches rebuilds a sample's whole coarsest scale at once; --area samples use --layout generator") }
            if render || view || reconstruction || datapack != nil {
                throw ValidationError("--area writes one sample into the world; --render, --view, --reconstruction and --datapack are for --count samples")
            }
        }
        if world == nil && at != nil { throw ValidationError("--at goes with --world") }
        if let s = scale, [s.x, s.y, s.z].contains(where: { !($0 > 0 && $0 <= 16) }) {
            throw ValidationError("--scale factors must lie in (0, 16], got \(s)")
        }
        guard spacing >= 0 else { throw ValidationError("--spacing must be 0 or more") }
        guard format.isWritable else { throw ValidationError("--format \(format.rawValue) cannot be written (use sponge, litematic or structure)") }
        if newWorld != nil { _ = try LevelFormat(dataVersion: dataVersion) }   // refuse unsupported versions before sampling
        if variation != nil && (startScale != nil || noiseScale != nil) {
            throw ValidationError("--variation sets the start scale and noise; give either it or --start-scale/--noise-scale")
        }
        if let n = noiseScale, !(n >= 0 && n.isFinite) { throw ValidationError("--noise-scale must be 0 or more") }
        if !(maxInflation >= 0 && maxInflation.isFinite) { throw ValidationError("--max-inflation must be 0 (off) or more") }
    }

    func run() throws {
        let setup = try Setup(self)
        if let area = large.area {
            let (_, source) = realDataVersion(setup.real, setup.manifest)
            return try generateArea(area, decoding: setup.decoding, startScale: setup.startScale, noiseScale: setup.noiseScale,
                                    translation: try versions.translation(from: source),
                                    runJSON: RunFolder(setup.runURL).file("run.json"))
        }
        let (samples, tally) = try drawSamples(setup)
        report(tally, samples: count)
        let (dataVersion, source) = realDataVersion(setup.real, setup.manifest)
        try writeOutputs(samples, dataVersion: dataVersion, translation: try versions.translation(from: source))
        if reconstruction {
            let url = URL(fileURLWithPath: output).appendingPathComponent("reconstruction.schem")
            var volume = try setup.pyramid.decode(setup.reconstructed, decoder: setup.tokenDecoder, file: setup.manifest.embeddingsFile)
            DerivedProperties.recompute(in: &volume)
            try SchematicFile.write(volume, to: url, dataVersion: dataVersion)
            print("wrote \(url.path) (the reconstruction of the training input)")
        }
        if view { try writeView(samples, real: setup.runURL.appendingPathComponent(setup.manifest.realFile)) }
    }

    /// The `--count` finished samples (drawn again where `--max-inflation` asks), with what
    /// finishing them did; `bench generate` times exactly this.
    /// - Parameter sampleDone: called after each sample with its index.
    func drawSamples(_ setup: Setup, sampleDone: (Int) -> Void = { _ in }) throws -> ([BlockVolume], SampleDecoding.Tally) {
        let pyramid = setup.pyramid
        let factors = scale.map { ($0.x, $0.y, $0.z) } ?? (1, 1, 1)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: pyramid.generators.count, factors: factors)
        let tile = try large.tileSide(TileMemory(pyramid: pyramid, geometry: geometry), reserve: 8 * geometry.finest.reduce(1, *) * count)
        let patches = (layout ?? .patches) == .patches
        let input = patches && setup.startScale == 0 ? finestSource(setup.runURL, setup.manifest, setup.embeddings) : nil
        var samples: [BlockVolume] = []
        var tally = SampleDecoding.Tally()
        var check = inflationCheck(setup.real?.volume, choice: setup.choice)
        let bar = ProgressBar("generate", total: count, unit: "samples", quiet: quiet)
        for n in 0..<count {
            let volume = try drawSample(n, base: seed &+ UInt64(n), check: &check) { drawSeed in
                let sampler = TiledSampler(pyramid, geometry: geometry, seed: drawSeed, startScale: setup.startScale,
                                           noiseScale: setup.noiseScale, layout: patches ? PatchLayout() : nil, input: input)
                return try sampler.volume(of: geometry.whole, tileSize: tile, decode: setup.decoding.decode)
            }
            samples.append(try setup.decoding.finish(volume, tally: &tally))
            bar.update(n + 1)
            sampleDone(n)
        }
        bar.finish()
        return (samples, tally)
    }

    /// The training input's image that the finest scale is refined against, or nil (with a note)
    /// when the run's copy of its input cannot serve, so the reconstruction serves instead.
    func finestSource(_ runURL: URL, _ manifest: RunManifest, _ vectors: Embeddings) -> Tensor? {
        do { return try RunInput.image(folder: runURL, manifest: manifest, vectors: vectors) } catch {
            if !quiet { print("note: the finest scale is refined against the reconstruction: \(error)") }
            return nil
        }
    }

    /// Names the states the style left as generated (with their voxel counts), if any, and how
    /// many leaves decayed over `samples` samples (none counted with `samples` nil: an area's
    /// overlapping windows would count some twice).
    func report(_ tally: SampleDecoding.Tally, samples: Int?) {
        guard !quiet else { return }
        if let samples, tally.decayedLeaves > 0 {
            print("\(tally.decayedLeaves) leaves out of a log's reach decayed, as the game would let them "
                  + "(\(samples) sample(s); --no-leaf-decay keeps them)")
        }
        if let samples, tally.floatingVoxels > 0 {
            print("\(tally.floatingVoxels) blocks of floating debris removed (\(samples) sample(s); --keep-floating keeps them)")
        }
        let uncovered = tally.uncovered
        guard !uncovered.isEmpty else { return }
        print("the style does not cover \(uncovered.count) block state(s), kept as generated: "
              + uncovered.sorted { $0.value > $1.value }.prefix(8).map { "\($0.key.token) (\($0.value))" }.joined(separator: ", "))
    }

    /// Whether the training input itself has floating parts (more than 1% of its blocks by
    /// `eval`'s measure: a sky island, hanging decoration): then floating parts are part of its
    /// style and samples keep theirs. An unreadable input counts as not floating.
    func inputFloats(_ real: BlockVolume?) -> Bool {
        guard let real else { return false }
        let roles = real.palette.map(BlockRole.init)
        let share = FloatingParts(roles: real.indices.map { roles[Int($0)] }, size: (real.sizeX, real.sizeY, real.sizeZ)).floatingFraction
        if share > 0.01 && !keepFloating && !quiet {
            print(String(format: "note: %.1f%% of the input's blocks float; samples keep their floating parts", share * 100))
        }
        return share > 0.01
    }

    /// The DataVersion the training input was saved with (samples are written with it), else
    /// `--data-version`; and the version whose names its blocks carry (`nil`: unknown, kept as they are).
    private func realDataVersion(_ real: (volume: BlockVolume, info: SchematicInfo)?, _ manifest: RunManifest) -> (schematic: Int, blocks: DataVersion?) {
        return (real?.info.dataVersion ?? dataVersion, real.flatMap { BlockVersionOptions.source(of: $0.info, file: manifest.realFile) })
    }

    private func writeOutputs(_ samples: [BlockVolume], dataVersion schematicVersion: Int, translation: VersionTranslation?) throws {
        let folder = URL(fileURLWithPath: output)
        try InputLoading.prepareFolder(folder)
        for (n, volume) in samples.enumerated() {
            let url = folder.appendingPathComponent("sample-\(n).\(format.fileExtension)")
            let warnings = try SchematicFile.write(volume, to: url, format: format, dataVersion: schematicVersion)
            for warning in warnings where !quiet { print("warning: \(warning)") }
            print("wrote \(url.path) (\(volume.sizeX)×\(volume.sizeY)×\(volume.sizeZ))")
        }
        if render {
            let url = folder.appendingPathComponent("samples.png")
            let captions = samples.indices.map { "sample \($0)" }
            let image = try IsometricRenderer().renderGrid(samples, captions: captions,
                                                          grid: ImageGrid(columns: RenderCommand.squareColumns(samples.count)))
            try image.writePNG(to: url)
            print("wrote \(url.path)")
        }
        if let world, let at {
            let layout = SampleLayout(origin: VoxelPosition(at.x, at.y, at.z), spacing: spacing)
            let target = try WorldOpening.open(world)
            let paster = WorldPaster(world: target, backup: backup, translation: translation)
            let summary = try paster.paste(Array(zip(samples, layout.origins(for: samples))))
            BlockVersionOptions.announce(summary.translations, quiet: quiet)
            print("pasted \(samples.count) samples into \(world) from \(at): \(summary.editedChunks) chunks edited, \(summary.createdChunks) created")
        }
        if let newWorld { try writeNewWorld(samples, at: URL(fileURLWithPath: newWorld), translation: translation) }
        if let datapack { try writeDataPack(samples, to: URL(fileURLWithPath: datapack), dataVersion: schematicVersion) }
    }

    /// `--datapack DIR`: the samples as `data/worldgan/structure/<run>_<n>.nbt` beside a matching `pack.mcmeta`.
    private func writeDataPack(_ samples: [BlockVolume], to folder: URL, dataVersion: Int) throws {
        let run = URL(fileURLWithPath: runFolder).lastPathComponent.lowercased()
            .map { $0.isLetter || $0.isNumber || "_-./".contains($0) ? String($0) : "_" }.joined()
        let named = samples.enumerated().map { (name: "\(run)_\($0.offset)", volume: $0.element) }
        let written = try DataPack.write(named, to: folder, dataVersion: dataVersion, description: "worldgan samples of \(run)")
        for warning in written.warnings where !quiet { print("warning: \(warning)") }
        print("wrote data pack \(folder.path): \(written.files.count) structures; in game: /place template worldgan:\(run)_0 ~ ~ ~")
    }

    /// A superflat world whose ground (bedrock −64, dirt, grass −61) the samples stand in: their
    /// bottom layer replaces the top dirt layer at y −62, the spawn is just south of the grid.
    private func writeNewWorld(_ samples: [BlockVolume], at folder: URL, translation: VersionTranslation?) throws {
        // Translated before the world exists, so that a refusal leaves no half-made world behind.
        let samples = try BlockVersionOptions.translate(samples, with: translation, to: DataVersion(dataVersion), quiet: quiet)
        let layout = SampleLayout(origin: VoxelPosition(0, -62, 0), spacing: spacing)
        let extent = layout.extent(for: samples)
        var settings = NewWorldSettings(name: "worldgan: \(URL(fileURLWithPath: runFolder).lastPathComponent)",
                                        dataVersion: dataVersion, spawn: VoxelPosition(extent.x / 2, -60, -6))
        settings.lastPlayed = Int64(Date().timeIntervalSince1970 * 1000)
        let created = try WorldCreator.create(at: folder, settings: settings)
        for warning in created.warnings { print("note: \(warning)") }
        let world = try World(at: folder)
        let summary = try WorldPaster(world: world).paste(Array(zip(samples, layout.origins(for: samples))))
        print("created \(folder.path) (Minecraft \(settings.resolvedVersionName)): \(samples.count) samples on a grid from 0 -62 0, \(summary.createdChunks) chunks; spawn \(extent.x / 2) -60 -6")
    }
}

/// `generate --layout`: the source of free samples' layout (``PatchLayout`` or the generators).
enum LayoutChoice: String, ExpressibleByArgument, CaseIterable {
    case patches, generator
}

/// `generate --decoder`: how GAN outputs become blocks.
enum DecoderChoice: String, ExpressibleByArgument, CaseIterable {
    case map, nearest
}

extension SampleVariation: ExpressibleByArgument {}

/// The newest Minecraft release worldgan writes by default.
enum LatestRelease {
    static let dataVersion = 4671
    static let name = "1.21.11"
}
