import Tensor

extension ConvNet {
    /// Parameters and BatchNorm running statistics by name (`G.head.conv.weight`, …,
    /// `G.head.bn.running_mean`), PyTorch's state-dict names and shapes.
    public var stateEntries: [String: SafeTensors.Entry] {
        var entries: [String: SafeTensors.Entry] = [:]
        for (name, tensor) in namedParameters { entries[name] = SafeTensors.Entry(shape: tensor.shape, values: tensor.data) }
        for (name, norm) in normalizations {
            entries["\(name).running_mean"] = SafeTensors.Entry(shape: [norm.runningMean.count], values: norm.runningMean)
            entries["\(name).running_var"] = SafeTensors.Entry(shape: [norm.runningVariance.count], values: norm.runningVariance)
        }
        return entries
    }

    /// Loads ``stateEntries`` back (the names may carry `prefix`).
    /// - Throws: ``TrainingError/corruptFile(path:reason:)`` naming `file` and the missing or
    ///   mis-sized parameter.
    public func load(_ entries: [String: SafeTensors.Entry], prefix: String = "", file: String) throws(TrainingError) {
        var values: [String: [Float]] = [:]
        for (name, _) in stateEntries {
            guard let entry = entries[prefix + name] else { throw .corruptFile(path: file, reason: "tensor \(prefix + name) is missing") }
            values[name] = entry.values
        }
        do { try load(values) } catch { throw .corruptFile(path: file, reason: "\(error)") }
    }
}
