import Anvil
import ArgumentParser
import Block2Vec
import Foundation
import Styles
import Tensor
import WorldGAN

extension GenerateCommand {
    /// What every `generate` needs before it samples: the run (pyramid, manifest, embeddings,
    /// its copy of the input), the decoder calibrated on the reconstruction, the start scale and
    /// noise (from `--variation` or the flags) and the style.
    struct Setup {
        let runURL: URL
        let pyramid: TrainedPyramid
        let manifest: RunManifest
        /// The run's copy of its training input, read once: its floating share, DataVersion and block counts.
        let real: (volume: BlockVolume, info: SchematicInfo)?
        let embeddings: Embeddings
        let reconstructed: TrainedPyramid.Sample
        let tokenDecoder: TokenDecoder
        let startScale: Int
        let noiseScale: Float
        let choice: StyleChoice?
        let decoding: SampleDecoding

        /// Loads the run and resolves the options of `command`, saying what it chose unless `--quiet`.
        init(_ command: GenerateCommand) throws {
            runURL = URL(fileURLWithPath: command.runFolder)
            pyramid = try TrainedPyramid.load(from: runURL)
            manifest = try RunFolder(runURL).manifest()
            real = try? SchematicFile.read(runURL.appendingPathComponent(manifest.realFile))
            embeddings = try EmbeddingFile.read(from: runURL.appendingPathComponent(manifest.embeddingsFile))
            reconstructed = pyramid.reconstruction()
            tokenDecoder = command.decoder == .map
                ? TokenDecoder.calibrated(embeddings: embeddings, counts: manifest.tokenCounts, reconstruction: reconstructed)
                : TokenDecoder(embeddings: embeddings, counts: nil)
            let plan = command.variation?.calibrate(pyramid, decoder: tokenDecoder, reconstruction: reconstructed)
            if let variation = command.variation, let plan, let change = plan.change, !command.quiet {
                print("variation \(variation.rawValue): scales from \(plan.startScale) sampled with noise ×\(plan.noiseScale) "
                      + "(\(Int((change * 100).rounded()))% of the reconstruction's blocks changed in probe samples)")
            }
            startScale = command.startScale ?? plan?.startScale ?? 0
            noiseScale = command.noiseScale ?? plan?.noiseScale ?? 1
            guard startScale >= 0, startScale < pyramid.generators.count else {
                throw ValidationError("--start-scale must lie in 0…\(pyramid.generators.count - 1) for this run")
            }
            choice = try command.style.map(StyleChoice.resolve)
            let mapper = try choice.flatMap { c -> StyleMapper? in if case .mapping(let s) = c { return try StyleMapper(style: s) } else { return nil } }
            if let mapper, !mapper.unknownTargets.isEmpty, !command.quiet {
                print("note: the style targets blocks the property table does not know: \(mapper.unknownTargets.joined(separator: ", "))")
            }
            decoding = SampleDecoding(pyramid: pyramid, decoder: tokenDecoder, choice: choice, mapper: mapper,
                                      embeddingsFile: manifest.embeddingsFile, leafDecay: command.leafDecay,
                                      removesFloating: !command.keepFloating && !command.inputFloats(real?.volume))
        }
    }
}
