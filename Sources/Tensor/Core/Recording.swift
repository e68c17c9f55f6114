/// The op that produced a tensor and the tensors it read: one edge set of the autodiff graph.
struct Recording {
    let primitive: Primitive
    let inputs: [Tensor]
}

extension Tensor {
    /// Attaches `primitive` as this tensor's origin when grad mode records and any input is tracked.
    @discardableResult
    func recorded(_ primitive: Primitive, _ inputs: [Tensor]) -> Tensor {
        if GradMode.isRecording, inputs.contains(where: { $0.isTracked }) {
            recording = Recording(primitive: primitive, inputs: inputs)
        }
        return self
    }
}
