import Anvil
import ArgumentParser
import Block2Vec
import Foundation

/// `worldgan embed`: block2vec embeddings of a schematic's block states.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Learn block2vec embeddings (3D skip-gram) of a schematic's blocks.",
        discussion: """
        Writes <name>.txt (word2vec text format), <name>.json (vocabulary counts, parameters, seed,
        source, losses) and <name>.svg (a 2D PCA projection of the vectors labelled by block) and
        <name>-distances.svg (their pairwise-distance heat map).

        Example:
          worldgan embed ruins.schem -o embeddings/ruins.txt --epochs 30 --seed 1
        """
    )

    @Argument(help: "The schematic (.schem) to learn from.")
    var input: String

    @Option(name: .shortAndLong, help: "The embeddings file to write (.txt); .json and .svg go beside it.")
    var output: String

    @OptionGroup var training: Block2VecOptions

    @Flag(name: .shortAndLong, help: "No progress bar.")
    var quiet = false

    func run() throws {
        let volume = try InputLoading.schematic(input).volume.tokenized(training.tokens)
        let url = URL(fileURLWithPath: output)
        try InputLoading.prepareOutput(url)
        let result = try EmbeddingJob.train(volume: volume, config: training.config, quiet: quiet)
        try EmbeddingJob.save(result, to: url, source: input)
        print("wrote \(url.path) (\(result.vocabulary.tokens.count) tokens × \(result.config.dimension) dims, final loss \(result.finalLoss.map { String(format: "%.4f", $0) } ?? "n/a"))")
    }
}

/// block2vec flags shared by `embed` and `train`.
struct Block2VecOptions: ParsableArguments {
    @Option(help: "Embedding dimension.") var dimension = 32
    @Option(help: "Training epochs.") var epochs = 30
    @Option(help: "Batch size.") var batch = 256
    @Option(help: "AdamW learning rate (cosine-annealed per batch).") var lr = 1e-3
    @Option(help: "Word2vec subsampling threshold t (0 turns subsampling off).") var subsample = 1e-3
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Option(help: "Tokens: 'canonical' (full states, neighbour-derived properties such as leaf distance and fence sides set aside and recomputed when generating), 'state' (full states as they are) or 'name' (properties dropped, as the original).")
    var tokens: TokenMode = .canonical

    var config: Block2VecConfig {
        var c = Block2VecConfig()
        c.dimension = dimension
        c.epochs = epochs
        c.batchSize = batch
        c.learningRate = lr
        c.subsampleThreshold = subsample > 0 ? subsample : nil
        c.seed = seed
        return c
    }
}

/// Training and saving embeddings, for `embed` and the first phase of `train`.
enum EmbeddingJob {
    static func train(volume: BlockVolume, config: Block2VecConfig, quiet: Bool) throws -> Block2VecResult {
        try config.validate()
        let bar = ProgressBar("block2vec", total: config.epochs, unit: "epochs", quiet: quiet)
        let result = try Block2VecTrainer.train(volume: volume, config: config) { p in
            if p.batch == p.batchesPerEpoch { bar.update(p.epoch, status: String(format: "loss %.4f", p.loss)) }
        }
        bar.finish(status: result.finalLoss.map { String(format: "loss %.4f", $0) } ?? "")
        return result
    }

    /// Writes `<name>.txt`, `<name>.json` and `<name>.svg`.
    static func save(_ result: Block2VecResult, to url: URL, source: String?) throws {
        try EmbeddingFile.write(result.embeddings, to: url)
        let base = url.deletingPathExtension()
        try EmbeddingSidecar(result: result, sourceFile: source).write(to: base.appendingPathExtension("json"))
        try EmbeddingPictures.write(result.embeddings, base: base)
    }
}
