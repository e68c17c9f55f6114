extension Tensor {
    /// The same elements viewed with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        precondition(Tensor.count(of: newShape) == count,
                     "reshape: shape \(shape) cannot become \(newShape)")
        return Tensor(shape: newShape, data: data).recorded(.reshape(from: shape), [self])
    }
}
