/// Sums, means and their adjoint, broadcasting.
///
/// Summation order is fixed by the shape alone (sequential rows, 8-lane partial sums), never by
/// thread timing, so results are bit-identical from run to run.
extension Tensor {
    /// The sum over `axes`, keeping them with extent 1 (PyTorch `keepdim=True`).
    /// - Complexity: O(count).
    public func sum(axes: [Int]) -> Tensor {
        let outShape = shape.indices.map { axes.contains($0) ? 1 : shape[$0] }
        let result = Tensor(zeros: outShape)
        data.withUnsafeBufferPointer { source in
            result.data.withUnsafeMutableBufferPointer { out in
                let plan = StridedPlan(extents: shape, strides: [
                    Tensor.strides(of: shape),
                    StridedPlan.broadcastStrides(of: outShape, into: shape)])
                let n = plan.rowLength, so = plan.rowStride(1)
                plan.forEachRowInParallel(writing: 1) { o in
                    if so == 0 {
                        out[o.1] += Tensor.sumOfRow(source, from: o.0, count: n)
                    } else {
                        for i in 0..<n { out[o.1 + i] += source[o.0 + i] }
                    }
                }
            }
        }
        return result.recorded(.sum(axes: axes), [self])
    }

    /// The sum of all elements as a scalar (shape `[]`).
    public func sum() -> Tensor {
        sum(axes: Array(shape.indices)).reshaped([])
    }

    /// The mean over `axes`, keeping them with extent 1.
    public func mean(axes: [Int]) -> Tensor {
        let n = axes.reduce(1) { $0 * shape[$1] }
        return sum(axes: axes).scaled(by: 1 / Float(n))
    }

    /// The mean of all elements as a scalar (shape `[]`).
    public func mean() -> Tensor {
        sum().scaled(by: 1 / Float(Swift.max(count, 1)))
    }

    /// This tensor broadcast (copied) to `target`, a shape of the same rank whose extents equal
    /// this tensor's or where this tensor's extent is 1.
    public func expanded(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let result = data.withUnsafeBufferPointer { source in
            Tensor.uninitialized(target) { out in
                let plan = StridedPlan(extents: target, strides: [
                    Tensor.strides(of: target), StridedPlan.broadcastStrides(of: shape, into: target)])
                let n = plan.rowLength, s = plan.rowStride(1)
                plan.forEachRowInParallel(writing: 0) { o in
                    if s == 0 {
                        let v = source[o.1]
                        for i in 0..<n { out[o.0 + i] = v }
                    } else {
                        for i in 0..<n { out[o.0 + i] = source[o.1 + i * s] }
                    }
                }
            }
        }
        return result.recorded(.expand(from: shape), [self])
    }

    /// The sum of this tensor down to `target` (the adjoint of broadcasting to this shape).
    func summed(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let axes = shape.indices.filter { target[$0] == 1 && shape[$0] != 1 }
        let reduced = sum(axes: axes)
        return reduced.shape == target ? reduced : reduced.reshaped(target)
    }

    /// Sum of `n` contiguous floats with eight independent partial sums.
    static func sumOfRow(_ p: UnsafeBufferPointer<Float>, from start: Int, count n: Int) -> Float {
        guard n > 0, let base = p.baseAddress else { return 0 }
        let row = UnsafeRawPointer(base + start)
        var acc = SIMD8<Float>()
        var i = 0
        while i + 8 <= n {
            acc += row.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = acc.sum()
        while i < n { total += p[start + i]; i += 1 }
        return total
    }
}
