/// 3-D convolution (stride 1, zero padding, cubic kernel) and the two ops of its gradient.
///
/// Layouts: input `[N, Cin, D, H, W]` (NCDHW), weight `[Cout, Cin, k, k, k]` (PyTorch order),
/// bias `[Cout]`, output `[N, Cout, D+2p-k+1, H+2p-k+1, W+2p-k+1]`.
extension Tensor {
    /// Cross-correlation of this NCDHW volume with `weight`, plus `bias` per output channel.
    ///
    /// ```swift
    /// let y = x.conv3d(weight: w, bias: b, padding: 1)   // same spatial size for k = 3
    /// ```
    /// - Parameter rowAxis: the spatial axis (0, 1, 2 for D, H, W) the kernel runs along (nil: the
    ///   longest). An output's rounding then depends only on its position modulo 4 along that
    ///   axis and on the 3 inputs after its own, so a window of a larger volume starting at a
    ///   multiple of 4 along it reproduces the volume's outputs bit for bit, all but the last 3
    ///   along that axis unless the window ends with the volume (tiled sampling fixes the axis;
    ///   training leaves it to the kernel).
    /// - Complexity: 2·N·Cout·Cin·k³·D'H'W' flops, on all cores.
    public func conv3d(weight: Tensor, bias: Tensor? = nil, padding: Int = 0, rowAxis: Int? = nil) -> Tensor {
        let y = Tensor.convolution(self, weight, padding: padding, rowAxis: rowAxis)
        guard let bias else { return y }
        precondition(bias.shape == [weight.shape[0]], "conv3d: bias \(bias.shape) for weight \(weight.shape)")
        return y + bias.reshaped([1, bias.count, 1, 1, 1])
    }

    /// `w ⋆ x` without bias: the primitive.
    static func convolution(_ x: Tensor, _ w: Tensor, padding: Int, rowAxis: Int? = nil) -> Tensor {
        let geometry = ConvKernel.Geometry(input: x.shape, weight: w.shape, padding: padding, op: "conv3d")
        // The kernel writes every output element, so the storage starts uninitialised.
        let y = x.data.withUnsafeBufferPointer { xp in
            w.data.withUnsafeBufferPointer { wp in
                Tensor.uninitialized(geometry.outputShape) { yp in
                    if let xb = xp.baseAddress, let wb = wp.baseAddress, let yb = yp.baseAddress {
                        ConvKernel.forward(geometry, x: xb, w: wb, y: yb, rowAxis: rowAxis)
                    }
                }
            }
        }
        return y.recorded(.conv(padding: padding), [x, w])
    }

    /// The gradient of `conv(x, w, padding)` with respect to `x` (shape `inputShape`) for output
    /// gradient `g`: a transposed convolution, computed as a convolution of `g` with the flipped,
    /// channel-transposed weights.
    static func convInputGradient(_ g: Tensor, _ w: Tensor, padding: Int) -> Tensor {
        let k = w.shape[2]
        precondition(padding <= k - 1, "convInputGradient: padding \(padding) exceeds k-1 for weight \(w.shape)")
        precondition(g.shape[1] == w.shape[0], "convInputGradient: gradient \(g.shape) vs weight \(w.shape)")
        let flippedShape = [w.shape[1], w.shape[0], k, k, k]
        let flipped = w.data.withUnsafeBufferPointer { ConvKernel.transposedFlipped($0, shape: w.shape) }
        let geometry = ConvKernel.Geometry(input: g.shape, weight: flippedShape, padding: k - 1 - padding,
                                           op: "convInputGradient")
        let dx = g.data.withUnsafeBufferPointer { gp in
            flipped.withUnsafeBufferPointer { wp in
                Tensor.uninitialized(geometry.outputShape) { dp in
                    if let gb = gp.baseAddress, let wb = wp.baseAddress, let db = dp.baseAddress {
                        ConvKernel.forward(geometry, x: gb, w: wb, y: db)
                    }
                }
            }
        }
        return dx.recorded(.convInputGradient(padding: padding), [g, w])
    }

    /// The gradient of `conv(x, w, padding)` with respect to `w` for output gradient `g`.
    static func convWeightGradient(_ x: Tensor, _ g: Tensor, padding: Int) -> Tensor {
        let k = x.shape[2] + 2 * padding - g.shape[2] + 1
        let weightShape = [g.shape[1], x.shape[1], k, k, k]
        let geometry = ConvKernel.Geometry(input: x.shape, weight: weightShape, padding: padding, op: "convWeightGradient")
        precondition(geometry.outputShape == g.shape, "convWeightGradient: gradient \(g.shape) for input \(x.shape)")
        let dw = x.data.withUnsafeBufferPointer { xp in
            g.data.withUnsafeBufferPointer { gp in
                Tensor.uninitialized(weightShape) { dp in
                    if let xb = xp.baseAddress, let gb = gp.baseAddress, let db = dp.baseAddress {
                        ConvKernel.weightGradient(geometry, x: xb, dy: gb, dw: db)
                    }
                }
            }
        }
        return dw.recorded(.convWeightGradient(padding: padding), [x, g])
    }
}

extension Tensor {
    /// The floats of scratch memory ``conv3d(weight:bias:padding:rowAxis:)`` checks out for an
    /// input of shape `input` and a weight of shape `weight` (beside its input and output), for
    /// callers that plan their work within a memory budget. Scratch buffers are kept for reuse.
    public static func conv3dScratchCount(input: [Int], weight: [Int], padding: Int = 0, rowAxis: Int? = nil) -> Int {
        ConvKernel.forwardScratchCount(ConvKernel.Geometry(input: input, weight: weight, padding: padding, op: "conv3dScratchCount"),
                                       rowAxis: rowAxis)
    }
}
