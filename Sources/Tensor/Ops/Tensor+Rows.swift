/// Row indexing of matrices: embedding lookup and its transpose.
extension Tensor {
    /// Rows `indices` of this `[V, D]` matrix as a `[B, D]` matrix (PyTorch `nn.Embedding`).
    /// - Precondition: every index is in `0..<V`.
    public func gatheringRows(_ indices: [Int]) -> Tensor {
        precondition(rank == 2, "gatheringRows: needs a matrix, got \(shape)")
        let (rows, width) = (shape[0], shape[1])
        precondition(indices.allSatisfy { $0 >= 0 && $0 < rows }, "gatheringRows: index outside 0..<\(rows)")
        let result = data.withUnsafeBufferPointer { source in
            Tensor.uninitialized([indices.count, width]) { out in
                for (b, row) in indices.enumerated() {
                    for j in 0..<width { out[b * width + j] = source[row * width + j] }
                }
            }
        }
        return result.recorded(.gatherRows(indices), [self])
    }

    /// A `[rows, D]` zero matrix with row `b` of this `[B, D]` matrix added into row `indices[b]`.
    func scatteringRows(_ indices: [Int], rows: Int) -> Tensor {
        precondition(rank == 2 && shape[0] == indices.count, "scatteringRows: \(shape) for \(indices.count) indices")
        let width = shape[1]
        let result = Tensor(zeros: [rows, width])
        data.withUnsafeBufferPointer { source in
            result.data.withUnsafeMutableBufferPointer { out in
                for (b, row) in indices.enumerated() {
                    for j in 0..<width { out[row * width + j] += source[b * width + j] }
                }
            }
        }
        return result.recorded(.scatterAddRows(indices), [self])
    }
}
