/// Reverse-mode differentiation over the recorded graph.
///
/// ```swift
/// let x = Tensor(shape: [3], data: [1, 2, 3], requiresGrad: true)
/// let y = (x * x * x).sum()
/// let dx = Gradients.of(y, wrt: [x], createGraph: true)[0]      // 3x², recorded
/// let ddx = Gradients.of(dx.sum(), wrt: [x])[0]                 // 6x
/// ```
public enum Gradients {
    /// The gradients of `output` with respect to each of `targets` (zeros where it does not depend
    /// on one), for the vector-Jacobian seed `seed` (default: ones, i.e. of `sum(output)`).
    ///
    /// - Parameter createGraph: record the backward pass itself, so the returned gradients can be
    ///   differentiated again (the WGAN-GP needs this). Otherwise they are plain values.
    /// - Complexity: about twice the forward cost; only paths that reach a target are visited.
    public static func of(_ output: Tensor, wrt targets: [Tensor], seed: Tensor? = nil,
                          createGraph: Bool = false) -> [Tensor] {
        let order = topologicalOrder(from: output)
        let targetIDs = Set(targets.map(ObjectIdentifier.init))
        var reaches = Set<ObjectIdentifier>()
        for node in order {
            let id = ObjectIdentifier(node)
            if targetIDs.contains(id) || (node.recording?.inputs.contains { reaches.contains(ObjectIdentifier($0)) } ?? false) {
                reaches.insert(id)
            }
        }
        var pending: [ObjectIdentifier: Tensor] = [:]
        if let seed {
            precondition(seed.shape == output.shape, "Gradients.of: seed \(seed.shape) for output \(output.shape)")
        }
        pending[ObjectIdentifier(output)] = seed ?? Tensor(repeating: 1, shape: output.shape)
        var results: [ObjectIdentifier: Tensor] = [:]
        GradMode.with(recording: createGraph) {
            for node in order.reversed() {
                let id = ObjectIdentifier(node)
                guard let gradient = pending.removeValue(forKey: id) else { continue }
                if targetIDs.contains(id) { results[id] = gradient }
                guard let recording = node.recording, reaches.contains(id) else { continue }
                let needed = recording.inputs.map { reaches.contains(ObjectIdentifier($0)) }
                let inputGradients = recording.primitive.inputGradients(
                    recording.inputs, output: node, gradient: gradient, needed: needed)
                for (input, inputGradient) in zip(recording.inputs, inputGradients) {
                    guard let inputGradient else { continue }
                    let key = ObjectIdentifier(input)
                    if let existing = pending[key] {
                        pending[key] = existing + inputGradient
                    } else {
                        pending[key] = inputGradient
                    }
                }
            }
        }
        return targets.map { results[ObjectIdentifier($0)] ?? Tensor(zeros: $0.shape) }
    }

    /// Every tensor the output depends on, inputs before the tensors computed from them.
    static func topologicalOrder(from output: Tensor) -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Tensor, Int)] = [(output, 0)]
        visited.insert(ObjectIdentifier(output))
        while let (node, next) = stack.popLast() {
            let inputs = node.recording?.inputs ?? []
            if next < inputs.count {
                stack.append((node, next + 1))
                let input = inputs[next]
                if visited.insert(ObjectIdentifier(input)).inserted {
                    stack.append((input, 0))
                }
            } else {
                order.append(node)
            }
        }
        return order
    }
}
