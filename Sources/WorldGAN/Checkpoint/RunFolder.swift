import Foundation
import Tensor

/// The files of a training run, `runs/<name>/`:
/// `run.json` (``RunManifest``), `G<n>.safetensors` / `D<n>.safetensors` per finished scale,
/// `state.safetensors` (the real volume per scale `real.<n>` `[1, C, X, Y, Z]`, the fixed noise
/// `noise.fixed`, the amplitudes `noise.amplitudes`), `checkpoint.safetensors`
/// (``PyramidTrainer/checkpoint()``) and `training.csv`. Every file is written atomically
/// (temporary file + rename), the checkpoint last, so a kill at any moment leaves a resumable run.
///
/// ```swift
/// let folder = RunFolder(URL(fileURLWithPath: "runs/ruins"))
/// try folder.save(trainer, manifest: manifest)                 // at checkpoints and scale ends
/// let (trainer, manifest) = try folder.resume()                // after an interruption
/// ```
public struct RunFolder: Sendable {
    public let url: URL

    public init(_ url: URL) { self.url = url }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Creates the folder.
    /// - Throws: ``TrainingError/runExists(path:)`` if it exists and `replace` is false;
    ///   ``TrainingError/notWritable(path:reason:)`` if it cannot be created or written.
    public func create(replacing replace: Bool) throws(TrainingError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) {
            guard replace else { throw .runExists(path: url.path) }
            do { try manager.removeItem(at: url) } catch { throw .notWritable(path: url.path, reason: error.localizedDescription) }
        }
        do { try manager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .notWritable(path: url.path, reason: error.localizedDescription)
        }
        guard manager.isWritableFile(atPath: url.path) else { throw .notWritable(path: url.path, reason: "permission denied") }
    }

    /// Saves the trainer's state: finished scales' G/D not yet on disk, `state.safetensors`,
    /// `training.csv`, `run.json` (progress and amplitudes updated), then the checkpoint.
    /// - Throws: ``TrainingError/notWritable(path:reason:)``.
    public func save(_ trainer: PyramidTrainer, manifest: RunManifest) throws(TrainingError) {
        let fm = FileManager.default
        for n in 0..<trainer.pyramid.generators.count where !fm.fileExists(atPath: file("G\(n).safetensors").path) {
            try write(entries: trainer.pyramid.generators[n].net.stateEntries, to: "G\(n).safetensors")
        }
        // Critics of scales finished in this process (a resumed run has the earlier ones on disk).
        let firstUnsavedCritic = trainer.pyramid.generators.count - trainer.discriminators.count
        for (k, critic) in trainer.discriminators.enumerated() where !fm.fileExists(atPath: file("D\(firstUnsavedCritic + k).safetensors").path) {
            try write(entries: critic.net.stateEntries, to: "D\(firstUnsavedCritic + k).safetensors")
        }
        var state = SafeTensors()
        for (n, real) in trainer.scales.reals.enumerated() { state.tensors["real.\(n)"] = SafeTensors.Entry(shape: real.shape, values: real.data) }
        state.tensors["noise.fixed"] = SafeTensors.Entry(shape: trainer.pyramid.fixedNoise.shape, values: trainer.pyramid.fixedNoise.data)
        state.tensors["noise.amplitudes"] = SafeTensors.Entry(shape: [trainer.pyramid.noiseAmplitudes.count], values: trainer.pyramid.noiseAmplitudes)
        try write(state, to: "state.safetensors")
        let csv = ([IterationRecord.csvHeader] + trainer.records.map(\.csvLine)).joined(separator: "\n") + "\n"
        try writeAtomically(Data(csv.utf8), to: "training.csv")
        var updated = manifest
        updated.noiseAmplitudes = trainer.pyramid.noiseAmplitudes
        updated.progress = .init(scale: trainer.scale, iteration: trainer.iteration, finished: trainer.isFinished)
        let scores = trainer.reconstructionScores
        updated.reconstruction = scores.isEmpty ? manifest.reconstruction : scores
        try writeManifest(updated)
        try write(trainer.checkpoint(), to: "checkpoint.safetensors")
    }

    /// Reads `run.json`.
    public func manifest() throws(TrainingError) -> RunManifest {
        let path = file("run.json")
        guard let data = FileManager.default.contents(atPath: path.path) else { throw .missingFile(path: path.path) }
        let manifest: RunManifest
        do { manifest = try JSONDecoder().decode(RunManifest.self, from: data) } catch {
            throw .corruptFile(path: path.path, reason: "\(error)")
        }
        do { try manifest.config.validate() } catch { throw .corruptFile(path: path.path, reason: error.description) }
        guard manifest.channels >= 1, manifest.scaleShapes.count == manifest.config.scaleFactors.count,
              manifest.scaleShapes.allSatisfy({ $0.count == 3 && $0.allSatisfy { (1...1 << 16).contains($0) } }) else {
            throw .corruptFile(path: path.path, reason: "channels or scaleShapes are not a valid pyramid")
        }
        return manifest
    }

    /// Writes `run.json` (pretty, sorted keys).
    public func writeManifest(_ manifest: RunManifest) throws(TrainingError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data: Data
        do { data = try encoder.encode(manifest) } catch { throw .notWritable(path: file("run.json").path, reason: "\(error)") }
        try writeAtomically(data, to: "run.json")
    }

    /// Rebuilds the trainer of an interrupted run from its files, ready to continue.
    /// - Throws: ``TrainingError/alreadyFinished(path:)`` for a finished run, else missing/corrupt-file errors.
    public func resume() throws(TrainingError) -> (trainer: PyramidTrainer, manifest: RunManifest) {
        let manifest = try self.manifest()
        guard !manifest.progress.finished else { throw .alreadyFinished(path: url.path) }
        let state = try read("state.safetensors")
        let finest = manifest.scaleShapes.count - 1
        guard finest >= 0, let real = state.tensors["real.\(finest)"], real.shape.count == 5,
              real.shape.reduce(1, *) == real.values.count else {
            throw .corruptFile(path: file("state.safetensors").path, reason: "the finest real volume real.\(finest) is missing")
        }
        let trainer = try PyramidTrainer(real: Tensor(shape: real.shape, data: real.values), config: manifest.config)
        let checkpoint = try read("checkpoint.safetensors")
        let savedScale = checkpoint.metadata["scale"].flatMap(Int.init) ?? -1
        guard (0...trainer.scaleCount).contains(savedScale) else {
            throw .corruptFile(path: file("checkpoint.safetensors").path, reason: "scale \(savedScale) is not a scale of this run")
        }
        var generators: [[String: SafeTensors.Entry]] = []
        for n in 0..<savedScale { generators.append(try read("G\(n).safetensors").tensors) }
        let lastCritic = savedScale > 0 && manifest.config.warmStart ? try read("D\(savedScale - 1).safetensors").tensors : nil
        try trainer.restore(from: checkpoint, generators: generators, lastCritic: lastCritic,
                            file: file("checkpoint.safetensors").path)
        return (trainer, manifest)
    }

    func read(_ name: String) throws(TrainingError) -> SafeTensors {
        let path = file(name)
        guard FileManager.default.fileExists(atPath: path.path) else { throw .missingFile(path: path.path) }
        do { return try SafeTensors(contentsOf: path) } catch { throw .corruptFile(path: path.path, reason: error.description) }
    }

    private func write(entries: [String: SafeTensors.Entry], to name: String) throws(TrainingError) {
        var st = SafeTensors()
        st.tensors = entries
        try write(st, to: name)
    }

    private func write(_ tensors: SafeTensors, to name: String) throws(TrainingError) {
        do { try tensors.write(to: file(name)) } catch { throw .notWritable(path: file(name).path, reason: error.description) }
    }

    private func writeAtomically(_ data: Data, to name: String) throws(TrainingError) {
        do { try data.write(to: file(name), options: .atomic) } catch {
            throw .notWritable(path: file(name).path, reason: error.localizedDescription)
        }
    }
}
