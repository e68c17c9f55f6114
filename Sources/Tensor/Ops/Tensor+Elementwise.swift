import Foundation

/// Elementwise arithmetic. Binary ops broadcast operands of equal rank (an extent of 1 stretches).
///
/// ```swift
/// let y = x * scale + shift      // x [1, C, D, H, W], scale/shift [1, C, 1, 1, 1]
/// ```
extension Tensor {
    public static func + (a: Tensor, b: Tensor) -> Tensor { binary(.add, a, b) }
    public static func - (a: Tensor, b: Tensor) -> Tensor { binary(.subtract, a, b) }
    public static func * (a: Tensor, b: Tensor) -> Tensor { binary(.multiply, a, b) }
    public static func / (a: Tensor, b: Tensor) -> Tensor { binary(.divide, a, b) }

    public static func * (a: Tensor, s: Float) -> Tensor { a.scaled(by: s) }
    public static func * (s: Float, a: Tensor) -> Tensor { a.scaled(by: s) }
    public static func + (a: Tensor, s: Float) -> Tensor { a.shifted(by: s) }
    public static func - (a: Tensor, s: Float) -> Tensor { a.shifted(by: -s) }
    public static prefix func - (a: Tensor) -> Tensor { a.scaled(by: -1) }

    /// `self * s`.
    public func scaled(by s: Float) -> Tensor {
        map(Scale(factor: s)).recorded(.scale(s), [self])
    }

    /// `self + s`.
    public func shifted(by s: Float) -> Tensor {
        map(Shift(offset: s)).recorded(.shift(s), [self])
    }

    /// Elementwise square root.
    public func squareRoot() -> Tensor { map(SquareRoot()).recorded(.sqrt, [self]) }
    /// Elementwise e^x.
    public func exp() -> Tensor { map(Exponential()).recorded(.exp, [self]) }
    /// Elementwise natural logarithm.
    public func log() -> Tensor { map(Logarithm()).recorded(.log, [self]) }
    /// Elementwise square, `x * x`.
    public func squared() -> Tensor { self * self }

    /// LeakyReLU: `x` where `x > 0`, else `slope * x`. Its derivative is the constant mask, so
    /// this is a multiplication by an untracked mask tensor (exact first and second derivatives
    /// away from 0, like PyTorch).
    public func leakyReLU(slope: Float = 0.2) -> Tensor {
        let mask = map(LeakyMask(slope: slope))
        return self * mask
    }

    /// Applies `transform` to every element (on all cores for large tensors); not recorded.
    /// Generic rather than a closure so each kernel is specialised and inlined into the loop.
    func map<F: UnaryKernel>(_ transform: F) -> Tensor {
        data.withUnsafeBufferPointer { source in
            Tensor.uninitialized(shape) { out in
                Parallel.forEachRange(source.count) { range in
                    for i in range { out[i] = transform(source[i]) }
                }
            }
        }
    }

    /// The shape two operands broadcast to.
    static func broadcastShape(_ a: [Int], _ b: [Int], op: String) -> [Int] {
        precondition(a.count == b.count, "\(op): ranks differ, shapes \(a) and \(b)")
        return zip(a, b).map { x, y in
            precondition(x == y || x == 1 || y == 1, "\(op): shapes \(a) and \(b) do not broadcast")
            return max(x, y)
        }
    }

    static func binary(_ op: BinaryOp, _ a: Tensor, _ b: Tensor) -> Tensor {
        let shape = a.shape == b.shape ? a.shape : broadcastShape(a.shape, b.shape, op: "\(op)")
        let result: Tensor
        switch op {
        case .add: result = broadcastCombine(a, b, shape, Add())
        case .subtract: result = broadcastCombine(a, b, shape, Subtract())
        case .multiply: result = broadcastCombine(a, b, shape, Multiply())
        case .divide: result = broadcastCombine(a, b, shape, Divide())
        }
        return result.recorded(.binary(op), [a, b])
    }

    private static func broadcastCombine<F: BinaryKernel>(_ a: Tensor, _ b: Tensor, _ shape: [Int], _ f: F) -> Tensor {
        a.data.withUnsafeBufferPointer { pa in
            b.data.withUnsafeBufferPointer { pb in
                Tensor.uninitialized(shape) { out in
                    if a.shape == b.shape {
                        Parallel.forEachRange(out.count) { range in
                            for i in range { out[i] = f(pa[i], pb[i]) }
                        }
                        return
                    }
                    let plan = StridedPlan(extents: shape, strides: [
                        Tensor.strides(of: shape),
                        StridedPlan.broadcastStrides(of: a.shape, into: shape),
                        StridedPlan.broadcastStrides(of: b.shape, into: shape)])
                    let n = plan.rowLength, sa = plan.rowStride(1), sb = plan.rowStride(2)
                    plan.forEachRowInParallel(writing: 0) { o in
                        if sa == 1 && sb == 0 {
                            let bv = pb[o.2]
                            for i in 0..<n { out[o.0 + i] = f(pa[o.1 + i], bv) }
                        } else if sa == 0 && sb == 1 {
                            let av = pa[o.1]
                            for i in 0..<n { out[o.0 + i] = f(av, pb[o.2 + i]) }
                        } else {
                            for i in 0..<n { out[o.0 + i] = f(pa[o.1 + i * sa], pb[o.2 + i * sb]) }
                        }
                    }
                }
            }
        }
    }
}
