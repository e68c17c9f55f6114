/// A dense Float32 tensor and, when it was produced by recorded ops, a node of the autodiff graph.
///
/// Layout is row-major over `shape`. Volumes are **NCDHW**: `[batch N, channels C, depth D, height H,
/// width W]`, element `[n, c, d, h, w]` at `(((n*C + c)*D + d)*H + h)*W + w`.
///
/// ```swift
/// let w = Tensor(shape: [2, 2], data: [1, 2, 3, 4], requiresGrad: true)
/// let loss = (w * w).sum()
/// let dw = Gradients.of(loss, wrt: [w])[0]   // 2 * w
/// ```
///
/// A tensor is a reference type: ops never mutate their inputs, so sharing is safe. Optimisers
/// update parameters in place through ``data``. Not thread-safe; keep one graph per thread.
public final class Tensor {
    /// The extent of each axis; `[]` is a scalar.
    public let shape: [Int]
    /// The elements, row-major.
    public var data: [Float]
    /// True for leaves whose gradient is wanted (parameters, GP interpolates).
    public var requiresGrad: Bool
    /// How this tensor was computed, when recorded; nil for leaves and untracked results.
    var recording: Recording?

    /// A tensor holding `data` in row-major order.
    /// - Precondition: `data.count` equals the product of `shape`.
    public init(shape: [Int], data: [Float], requiresGrad: Bool = false) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative extent in shape \(shape)")
        precondition(Tensor.count(of: shape) == data.count,
                     "Tensor: shape \(shape) needs \(Tensor.count(of: shape)) elements, got \(data.count)")
        _ = MemoryTuning.applied
        self.shape = shape
        self.data = data
        self.requiresGrad = requiresGrad
    }

    /// A tensor of `shape` filled with `value`.
    public convenience init(repeating value: Float, shape: [Int], requiresGrad: Bool = false) {
        self.init(shape: shape, data: [Float](repeating: value, count: Tensor.count(of: shape)),
                  requiresGrad: requiresGrad)
    }

    /// A tensor of zeros.
    public convenience init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// A rank-0 tensor.
    public convenience init(scalar: Float) {
        self.init(shape: [], data: [scalar])
    }

    /// The number of elements.
    public var count: Int { data.count }
    /// The number of axes.
    public var rank: Int { shape.count }

    /// The single element of a one-element tensor (a loss).
    public var scalar: Float {
        precondition(data.count == 1, "Tensor.scalar: shape \(shape) has \(data.count) elements")
        return data[0]
    }

    /// True when gradients can flow into or through this tensor.
    public var isTracked: Bool { requiresGrad || recording != nil }

    /// The same values, cut off from the graph (PyTorch `detach()`); the data is shared copy-on-write.
    public func detached() -> Tensor {
        Tensor(shape: shape, data: data)
    }

    /// The product of a shape's extents.
    public static func count(of shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    /// Row-major strides of `shape`.
    public static func strides(of shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// A tensor of `shape` whose elements are written by `fill` (storage not pre-zeroed).
    static func uninitialized(_ shape: [Int], _ fill: (UnsafeMutableBufferPointer<Float>) -> Void) -> Tensor {
        let n = count(of: shape)
        let data = [Float](unsafeUninitializedCapacity: n) { buffer, initialized in
            fill(buffer)
            initialized = n
        }
        return Tensor(shape: shape, data: data)
    }
}
