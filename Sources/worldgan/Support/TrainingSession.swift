import Anvil
import Block2Vec
import Foundation
import Tensor
import Render
import WorldGAN

/// Drives a ``PyramidTrainer`` for `train`: progress bars, checkpoints, and at each scale end the
/// loss plot and the preview render.
final class TrainingSession {
    let folder: RunFolder
    let trainer: PyramidTrainer
    let manifest: RunManifest
    /// Decodes previews and scores reconstructions (MAP over the input's token counts).
    let decoder: TokenDecoder
    let quiet: Bool

    init(folder: RunFolder, trainer: PyramidTrainer, manifest: RunManifest, embeddings: Embeddings, quiet: Bool) {
        self.folder = folder
        self.trainer = trainer
        self.manifest = manifest
        decoder = TokenDecoder(embeddings: embeddings, counts: manifest.tokenCounts)
        self.quiet = quiet
        if trainer.reconstructionCheck == nil {
            trainer.reconstructionCheck = ReconstructionCheck(reals: trainer.scales.reals, decoder: decoder)
        }
    }

    /// Reopens an interrupted run folder.
    static func resume(folder: RunFolder, quiet: Bool) throws -> TrainingSession {
        let (trainer, manifest) = try folder.resume()
        let embeddings = try EmbeddingFile.read(from: folder.file(manifest.embeddingsFile))
        if !quiet { print("resuming \(folder.url.path) at scale \(trainer.scale) iteration \(trainer.iteration)") }
        if let started = manifest.arithmetic, started != KernelPrecision.current.rawValue, !quiet {
            print("note: the run started with \(started.uppercased()) convolutions and goes on with \(KernelPrecision.current.rawValue.uppercased()) "
                  + "(another CPU, or WORLDGAN_PRECISION): it will not end with the weights an uninterrupted run would have")
        }
        return TrainingSession(folder: folder, trainer: trainer, manifest: manifest, embeddings: embeddings, quiet: quiet)
    }

    func run() throws {
        let scaleCount = trainer.scaleCount
        let voxels = trainer.scales.shapes.map { Double($0.reduce(1, *)) }
        var bar = makeBar()
        var scaleStart = Date()
        try trainer.train { trainer, record in
            let finishedScale = trainer.iteration == 0
            if trainer.isCheckpointDue { try folder.save(trainer, manifest: manifest) }
            // Whole-run ETA: this scale's mean time per iteration, scaled by voxel count to later scales.
            let done = record.iteration + 1
            let perIteration = Date().timeIntervalSince(scaleStart) / Double(max(done - (bar.resumedAt), 1))
            var remaining = Double(trainer.config.iterations(atScale: record.scale) - done) * perIteration
            for later in (record.scale + 1)..<scaleCount {
                remaining += Double(trainer.config.iterations(atScale: later)) * perIteration * voxels[later] / voxels[record.scale]
            }
            bar.bar.update(done, status: String(format: "D %.2f/%.2f gp %.3f G %.2f rec %.4f  run ETA %@",
                                                record.criticReal, record.criticFake, record.penalty, record.adversarial,
                                                record.reconstruction, ProgressBar.clock(remaining)))
            if finishedScale {
                bar.bar.finish(status: String(format: "rec %.4f, reconstruction accuracy %.3f (non-air %.3f)",
                                              record.reconstruction, record.reconstructionAccuracy,
                                              record.reconstructionNonAirAccuracy))
                try writeScaleOutputs(scale: record.scale)
                if !trainer.isFinished {
                    bar = makeBar()
                    scaleStart = Date()
                }
            }
            return .continue
        }
        if !trainer.isFinished { try folder.save(trainer, manifest: manifest) }
    }

    private func makeBar() -> (bar: ProgressBar, resumedAt: Int) {
        let bar = ProgressBar("scale \(trainer.scale + 1)/\(trainer.scaleCount) \(trainer.scales.shapes[trainer.scale].map(String.init).joined(separator: "×"))",
                              total: trainer.config.iterations(atScale: trainer.scale), quiet: quiet)
        return (bar, trainer.iteration)
    }

    /// `loss-scale<n>.svg` and `previews/scale<n>.png`.
    private func writeScaleOutputs(scale: Int) throws {
        let records = trainer.records.filter { $0.scale == scale }
        var chart = SVGLineChart(title: "scale \(scale): losses", xLabel: "iteration", yLabel: "loss")
        let series: [(String, KeyPath<IterationRecord, Float>)] = [("errD real", \.criticReal), ("errD fake", \.criticFake),
                                                                   ("gradient penalty", \.penalty), ("errG", \.adversarial)]
        for (name, path) in series { chart.add(name, points: records.map { SVGPoint(x: Double($0.iteration), y: Double($0[keyPath: path])) }) }
        try chart.write(to: folder.file("loss-scale\(scale).svg"))
        var rec = SVGLineChart(title: "scale \(scale): reconstruction loss (α · MSE)", xLabel: "iteration", yLabel: "rec", logY: true)
        rec.add("rec", points: records.map { SVGPoint(x: Double($0.iteration), y: Double(max($0.reconstruction, 1e-12))) })
        try rec.write(to: folder.file("loss-scale\(scale)-rec.svg"))
        let count = trainer.config.previewSamples
        guard count > 0 else { return }
        let pyramid = trainer.pyramid
        let reconstructed = pyramid.reconstruction()
        let decoder = TokenDecoder.calibrated(embeddings: self.decoder.embeddings, counts: manifest.tokenCounts,
                                              reconstruction: reconstructed)
        let reconstruction = try pyramid.decode(reconstructed, decoder: decoder)
        // Free samples as `generate` makes them by default (the patch layout).
        let input = trainer.scales.reals[pyramid.generators.count - 1]
        let volumes = try (0..<count).map {
            try pyramid.decode(pyramid.sample(seed: UInt64($0), layout: PatchLayout(), input: input), decoder: decoder)
        }
        let previews = folder.url.appendingPathComponent("previews")
        try FileManager.default.createDirectory(at: previews, withIntermediateDirectories: true)
        try IsometricRenderer().renderGrid([reconstruction] + volumes,
                                           captions: ["scale \(scale) reconstruction"] + (0..<count).map { "scale \(scale) seed \($0)" })
            .writePNG(to: previews.appendingPathComponent("scale\(scale).png"))
    }
}
