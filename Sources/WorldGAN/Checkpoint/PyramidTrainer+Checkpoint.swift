import Tensor

extension PyramidTrainer {
    /// Everything needed to continue the current scale bit for bit: its G and D (parameters and
    /// running statistics), both Adam states, the position, the noise amplitudes and every record
    /// so far. Finished scales' generators are saved separately (`G<n>.safetensors`).
    /// Random state needs no saving: each iteration draws from its own stream (`SeedStream`).
    public func checkpoint() -> SafeTensors {
        var file = SafeTensors()
        file.metadata = ["format": "worldgan-checkpoint-1", "scale": "\(scale)", "iteration": "\(iteration)",
                         "noise_amplitude": "\(noiseAmplitude.bitPattern)"]
        file.tensors["noise.amplitudes"] = SafeTensors.Entry(shape: [pyramid.noiseAmplitudes.count], values: pyramid.noiseAmplitudes)
        file.tensors["records"] = SafeTensors.Entry(shape: [records.count, IterationRecord.rowWidth], values: records.flatMap(\.row))
        if let trainer = current {
            for (name, entry) in trainer.generator.net.stateEntries.merging(trainer.discriminator.net.stateEntries, uniquingKeysWith: { a, _ in a }) {
                file.tensors["current.\(name)"] = entry
            }
            for (net, adam) in [("G", trainer.generatorOptimizer), ("D", trainer.discriminatorOptimizer)] {
                file.metadata["adam.\(net).steps"] = "\(adam.stepCount)"
                for (i, parameter) in adam.parameters.enumerated() {
                    file.tensors["adam.\(net).m.\(i)"] = SafeTensors.Entry(shape: parameter.shape, values: adam.firstMoments[i])
                    file.tensors["adam.\(net).v.\(i)"] = SafeTensors.Entry(shape: parameter.shape, values: adam.secondMoments[i])
                }
            }
        }
        return file
    }

    /// Restores a ``checkpoint()`` into a fresh trainer (built with the same real and config).
    /// - Parameters:
    ///   - generators: the finished scales' saved generators (`G<n>.safetensors` entries), one per
    ///     scale below the checkpoint's.
    ///   - lastCritic: the last finished scale's critic (`D<n>.safetensors`), which a warm-started
    ///     scale copies (nil at scale 0 or without ``TrainingConfig/warmStart``).
    ///   - file: names the checkpoint in errors.
    /// - Throws: ``TrainingError/corruptFile(path:reason:)`` for anything missing or inconsistent.
    public func restore(from checkpoint: SafeTensors, generators: [[String: SafeTensors.Entry]],
                        lastCritic: [String: SafeTensors.Entry]? = nil, file: String) throws(TrainingError) {
        func fail(_ reason: String) -> TrainingError { .corruptFile(path: file, reason: reason) }
        func integer(_ key: String) throws(TrainingError) -> Int {
            guard let text = checkpoint.metadata[key], let value = Int(text), value >= 0 else { throw fail("metadata \(key) is missing or not a count") }
            return value
        }
        let savedScale = try integer("scale"), savedIteration = try integer("iteration")
        guard savedScale <= scaleCount, savedIteration < config.iterations(atScale: savedScale), generators.count == savedScale else {
            throw fail("position scale \(savedScale) iteration \(savedIteration) does not fit \(scaleCount) scales of \(config.iterations(atScale: savedScale)) iterations with \(generators.count) saved generators")
        }
        guard let amplitudes = checkpoint.tensors["noise.amplitudes"]?.values, amplitudes.count == savedScale,
              let ampBits = checkpoint.metadata["noise_amplitude"].flatMap(UInt32.init) else { throw fail("noise amplitudes are missing") }
        guard let rows = checkpoint.tensors["records"], rows.values.count % IterationRecord.rowWidth == 0 else { throw fail("records are missing") }
        var restoredRecords: [IterationRecord] = []
        for start in stride(from: 0, to: rows.values.count, by: IterationRecord.rowWidth) {
            guard let record = IterationRecord(row: rows.values[start..<start + IterationRecord.rowWidth]) else { throw fail("record \(start / IterationRecord.rowWidth) is malformed") }
            restoredRecords.append(record)
        }
        guard restoredRecords.count == (0..<savedScale).reduce(0, { $0 + config.iterations(atScale: $1) }) + savedIteration else {
            throw fail("\(restoredRecords.count) records for position scale \(savedScale) iteration \(savedIteration)")
        }
        let channels = pyramid.channels
        var frozen: [Generator] = []
        for (n, entries) in generators.enumerated() {
            var unused = SeededGenerator(seed: 0)
            let generator = Generator(channels: channels, features: config.features, using: &unused)
            try generator.net.load(entries, file: "G\(n).safetensors")
            frozen.append(generator)
        }
        var trainer: ScaleTrainer?
        if savedIteration > 0 {
            var unused = SeededGenerator(seed: 0)
            let restored = ScaleTrainer(generator: Generator(channels: channels, features: config.features, using: &unused),
                                        discriminator: Discriminator(channels: channels, features: config.features, using: &unused),
                                        configuration: config.scaleConfiguration(at: savedIteration, scale: savedScale))
            try restored.generator.net.load(checkpoint.tensors, prefix: "current.", file: file)
            try restored.discriminator.net.load(checkpoint.tensors, prefix: "current.", file: file)
            restored.generatorOptimizer = try restoredAdam("G", restored.generator.parameters, checkpoint, fail)
            restored.discriminatorOptimizer = try restoredAdam("D", restored.discriminator.parameters, checkpoint, fail)
            trainer = restored
        }
        var critics: [Discriminator] = []
        if let lastCritic, savedScale > 0 {
            var unused = SeededGenerator(seed: 0)
            let critic = Discriminator(channels: channels, features: config.features, using: &unused)
            try critic.net.load(lastCritic, file: "D\(savedScale - 1).safetensors")
            critics.append(critic)
        }
        restoreState(scale: savedScale, iteration: savedIteration, generators: frozen, amplitudes: amplitudes,
                     currentAmplitude: Float(bitPattern: ampBits), current: trainer, critics: critics, records: restoredRecords)
    }

    private func restoredAdam(_ net: String, _ parameters: [Tensor], _ file: SafeTensors,
                              _ fail: (String) -> TrainingError) throws(TrainingError) -> Adam {
        guard let steps = file.metadata["adam.\(net).steps"].flatMap(Int.init), steps >= 0 else { throw fail("adam.\(net).steps is missing") }
        var first: [[Float]] = [], second: [[Float]] = []
        for (i, parameter) in parameters.enumerated() {
            guard let m = file.tensors["adam.\(net).m.\(i)"]?.values, let v = file.tensors["adam.\(net).v.\(i)"]?.values,
                  m.count == parameter.count, v.count == parameter.count else { throw fail("Adam moments adam.\(net).m/v.\(i) are missing or mis-sized") }
            first.append(m)
            second.append(v)
        }
        return Adam(parameters: parameters, learningRate: config.learningRate, betas: (config.beta1, config.beta2),
                    stepCount: steps, firstMoments: first, secondMoments: second)
    }
}
