import CBLAS

/// Matrix products of rank-2 tensors through OpenBLAS SGEMM.
extension Tensor {
    /// `op(self) · op(other)` where `op` transposes when asked: `[M, K] · [K, N] → [M, N]`.
    ///
    /// ```swift
    /// let logits = hidden.matmul(outWeight, transposeOther: true) + outBias   // PyTorch Linear
    /// ```
    /// - Complexity: 2·M·N·K flops.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        precondition(rank == 2 && other.rank == 2, "matmul: needs matrices, got \(shape) and \(other.shape)")
        let (m, k) = transposeSelf ? (shape[1], shape[0]) : (shape[0], shape[1])
        let (k2, n) = transposeOther ? (other.shape[1], other.shape[0]) : (other.shape[0], other.shape[1])
        precondition(k == k2, "matmul: inner extents differ, \(shape)\(transposeSelf ? "ᵀ" : "") · \(other.shape)\(transposeOther ? "ᵀ" : "")")
        let result = Tensor(zeros: [m, n])
        if m > 0 && n > 0 && k > 0 {
            data.withUnsafeBufferPointer { a in
                other.data.withUnsafeBufferPointer { b in
                    result.data.withUnsafeMutableBufferPointer { c in
                        guard let ab = a.baseAddress, let bb = b.baseAddress, let cb = c.baseAddress else { return }
                        cblas_sgemm(CblasRowMajor, transposeSelf ? CblasTrans : CblasNoTrans,
                                    transposeOther ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                                    ab, Int32(shape[1]), bb, Int32(other.shape[1]), 0, cb, Int32(n))
                    }
                }
            }
        }
        return result.recorded(.matmul(transposeA: transposeSelf, transposeB: transposeOther), [self, other])
    }

    /// A linear layer, PyTorch convention: `self [B, in] · weightᵀ [in, out] + bias [out]`.
    public func linear(weight: Tensor, bias: Tensor?) -> Tensor {
        let product = matmul(weight, transposeOther: true)
        guard let bias else { return product }
        return product + bias.reshaped([1, bias.count])
    }
}
