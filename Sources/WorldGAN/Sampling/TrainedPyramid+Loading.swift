import Foundation
import Tensor

extension TrainedPyramid {
    /// Loads a run folder's finished scales: `run.json`, `G<n>.safetensors` and `state.safetensors`.
    /// A run that is still training loads the scales finished so far.
    ///
    /// ```swift
    /// let pyramid = try TrainedPyramid.load(from: URL(fileURLWithPath: "runs/ruins"))
    /// ```
    /// - Throws: ``TrainingError/missingFile(path:)`` / ``TrainingError/corruptFile(path:reason:)``
    ///   naming the file; `corruptFile` also if no scale has finished yet.
    public static func load(from url: URL) throws(TrainingError) -> TrainedPyramid {
        let folder = RunFolder(url)
        let manifest = try folder.manifest()
        let state = try folder.read("state.safetensors")
        let statePath = folder.file("state.safetensors").path
        guard let amplitudes = state.tensors["noise.amplitudes"]?.values, !amplitudes.isEmpty,
              amplitudes.count <= manifest.scaleShapes.count else {
            throw .corruptFile(path: statePath, reason: "no finished scale (noise.amplitudes is empty or missing)")
        }
        guard let fixed = state.tensors["noise.fixed"], let first = manifest.scaleShapes.first,
              fixed.shape == [1, manifest.channels] + first, fixed.values.count == fixed.shape.reduce(1, *) else {
            throw .corruptFile(path: statePath, reason: "noise.fixed is missing or does not match run.json's first scale")
        }
        var generators: [Generator] = []
        for n in 0..<amplitudes.count {
            var unused = SeededGenerator(seed: 0)
            let generator = Generator(channels: manifest.channels, features: manifest.config.features, using: &unused)
            try generator.net.load(try folder.read("G\(n).safetensors").tensors, file: folder.file("G\(n).safetensors").path)
            generators.append(generator)
        }
        return TrainedPyramid(channels: manifest.channels, generators: generators, shapes: manifest.scaleShapes,
                              noiseAmplitudes: amplitudes, fixedNoise: Tensor(shape: fixed.shape, data: fixed.values))
    }
}
