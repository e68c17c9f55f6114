import Anvil
import ArgumentParser
import Block2Vec
import Foundation
import Tensor
import WorldGAN

/// `worldgan train`: block2vec (or given embeddings), then the World-GAN pyramid, into `runs/<name>/`.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Learn a structure's style: block2vec embeddings, then a multi-scale 3D GAN.",
        discussion: """
        Writes <run>/: run.json (effective config, vocabulary, scale shapes, noise amplitudes),
        G<n>/D<n>.safetensors, state.safetensors, checkpoint.safetensors, training.csv,
        loss-scale<n>.svg, previews/scale<n>.png, embeddings.txt (+ .json/.svg), real.schem.
        Examples:
          worldgan train ruins.schem -o runs/ruins --preset quick
          worldgan train ruins.schem -o runs/ruins --embeddings embeddings/ruins.txt --iterations 500
          worldgan train --resume runs/ruins
        """
    )

    @Argument(help: "The schematic (.schem) to learn from (not with --resume).")
    var input: String?

    @Option(name: .shortAndLong, help: "The run folder (default runs/<input name>).")
    var output: String?

    @Option(help: "Continue the interrupted run in this folder.")
    var resume: String?

    @Flag(help: "Replace an existing run folder.")
    var force = false

    @Option(help: "Use these block2vec embeddings (.txt) instead of training them.")
    var embeddings: String?

    @OptionGroup var gan: TrainingOptions
    @OptionGroup var block2vec: Block2VecOptions

    @Flag(name: .shortAndLong, help: "No progress bars.")
    var quiet = false

    func validate() throws {
        guard (input == nil) != (resume == nil) else {
            throw ValidationError("give either the input schematic or --resume <run folder>")
        }
    }

    func run() throws {
        // BF16 convolutions where the CPU has them (README, Arithmetic); `WORLDGAN_PRECISION=fp32` opts out.
        KernelPrecision.prefer(KernelPrecision.fromEnvironment(default: KernelPrecision.trainingDefault))
        let started = Date()
        let session: TrainingSession
        if let resume {
            session = try TrainingSession.resume(folder: RunFolder(URL(fileURLWithPath: resume)), quiet: quiet)
        } else if let input {
            session = try start(input: input)
        } else {
            return
        }
        try session.run()
        print("trained \(session.folder.url.path) in \(ProgressBar.clock(Date().timeIntervalSince(started)))")
    }

    private func start(input: String) throws -> TrainingSession {
        let config = try gan.config(seed: block2vec.seed)
        let volume = try TrainingInput.volume(input, tokens: block2vec.tokens, config: config)
        let name = URL(fileURLWithPath: input).deletingPathExtension().lastPathComponent
        let folder = RunFolder(URL(fileURLWithPath: output ?? "runs/\(name)"))
        let learned: Embeddings
        if config.representation == .oneHot {
            try folder.create(replacing: force)
            learned = Embeddings.oneHot(tokens: Vocabulary(volume).tokens)
        } else if let embeddings {
            learned = try EmbeddingFile.read(from: URL(fileURLWithPath: embeddings)).restricted(to: Vocabulary(volume).tokens, file: embeddings)
            try folder.create(replacing: force)
            try EmbeddingFile.write(learned, to: folder.file("embeddings.txt"))
        } else {
            try folder.create(replacing: force)
            let result = try EmbeddingJob.train(volume: volume, config: block2vec.config, quiet: quiet)
            try EmbeddingJob.save(result, to: folder.file("embeddings.txt"), source: input)
            learned = result.embeddings
        }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: input), to: folder.file("real.schem"))
        let (vectors, counts, ownFile) = TrainingInput.ganVectors(learned, volume: volume, config: config)
        let vectorsFile = ownFile ? "vectors.txt" : "embeddings.txt"
        if ownFile { try EmbeddingFile.write(vectors, to: folder.file(vectorsFile)) }
        let real = try TrainingInput.real(volume, vectors: vectors, file: folder.file(vectorsFile).path)
        let trainer = try PyramidTrainer(real: real, config: config)
        var manifest = RunManifest(worldganVersion: WorldGANVersion.current, config: trainer.config, channels: vectors.dimension,
                                   tokens: vectors.tokens, embeddingsFile: vectorsFile, source: input, realFile: "real.schem",
                                   scaleShapes: trainer.scales.shapes, noiseAmplitudes: [], threads: Parallel.threadCount,
                                   progress: .init(scale: 0, iteration: 0, finished: false))
        manifest.tokenCounts = counts
        manifest.arithmetic = KernelPrecision.current.rawValue
        if !quiet { print("training with \(KernelPrecision.current.rawValue.uppercased()) convolutions (\(KernelInstructionSet.current)), \(Parallel.threadCount) threads") }
        try folder.save(trainer, manifest: manifest)
        return TrainingSession(folder: folder, trainer: trainer, manifest: manifest, embeddings: vectors, quiet: quiet)
    }
}
