/// A separable linear map between the spatial axes (D, H, W) of two NCDHW volumes: each output
/// index along an axis reads at most two input indices with weights. Replicate padding, cropping
/// and trilinear resizing are all such maps, so one gather kernel and its transpose (scatter-add)
/// serve all of them and their gradients.
struct SpatialMap: Sendable {
    /// Two taps per output index: input index and weight (a weight of 0 means no second tap).
    struct AxisTaps: Sendable {
        var index: [Int]
        var weight: [Float]
        var inputLength: Int
        var outputLength: Int { index.count / 2 }

        /// Output `o` reads input `clamp(o - pad)`: replicate padding by `pad` on both sides.
        static func replicatePad(_ n: Int, pad: Int) -> AxisTaps {
            clampedWindow(n, outputs: -pad..<(n + pad), inputOrigin: 0, inputLength: n)
        }

        /// A window of an axis of length `n` extended by replicating its ends: output `o` reads
        /// index `clamp(outputs.lowerBound + o, 0, n - 1)`, held by the input at that index minus
        /// `inputOrigin` (the input holds indices `inputOrigin ..< inputOrigin + inputLength`).
        static func clampedWindow(_ n: Int, outputs: Range<Int>, inputOrigin: Int, inputLength: Int) -> AxisTaps {
            var taps = AxisTaps(index: [], weight: [], inputLength: inputLength)
            for o in outputs {
                let source = min(max(o, 0), n - 1) - inputOrigin
                precondition(source >= 0 && source < inputLength,
                             "clampedWindow: index \(source + inputOrigin) outside the input window \(inputOrigin)..<\(inputOrigin + inputLength)")
                taps.index += [source, 0]
                taps.weight += [1, 0]
            }
            return taps
        }

        /// Output `o` reads input `o + offset`: a window of length `m`.
        static func crop(_ n: Int, offset: Int, length m: Int) -> AxisTaps {
            precondition(offset >= 0 && offset + m <= n, "crop: window \(offset)..<\(offset + m) outside 0..<\(n)")
            var taps = AxisTaps(index: [], weight: [], inputLength: n)
            for o in 0..<m {
                taps.index += [o + offset, 0]
                taps.weight += [1, 0]
            }
            return taps
        }

        /// Linear interpolation with align_corners = true: output `j` samples `j*(n-1)/(m-1)`.
        static func linearAlignCorners(_ n: Int, to m: Int) -> AxisTaps {
            linearAlignCorners(n, to: m, outputs: 0..<m, inputOrigin: 0, inputLength: n)
        }

        /// The outputs `outputs` of ``linearAlignCorners(_:to:)`` from an input window holding
        /// indices `inputOrigin ..< inputOrigin + inputLength`: every output's source, taps and
        /// weights are computed from its index in the whole axis, so a window is bit-identical to
        /// the same outputs of the whole resize.
        static func linearAlignCorners(_ n: Int, to m: Int, outputs: Range<Int>, inputOrigin: Int, inputLength: Int) -> AxisTaps {
            var taps = AxisTaps(index: [], weight: [], inputLength: inputLength)
            for j in outputs {
                let (lower, upper, frac) = alignCornersTaps(n, to: m, output: j)
                precondition(lower >= inputOrigin && upper < inputOrigin + inputLength,
                             "resize window: output \(j) reads \(lower)...\(upper), outside \(inputOrigin)..<\(inputOrigin + inputLength)")
                taps.index += [lower - inputOrigin, upper - inputOrigin]
                taps.weight += [1 - frac, upper == lower ? 0 : frac]
            }
            return taps
        }

        /// The two input indices output `j` of an align-corners resize `n → m` reads, and the
        /// upper one's weight.
        static func alignCornersTaps(_ n: Int, to m: Int, output j: Int) -> (lower: Int, upper: Int, frac: Float) {
            // PyTorch computes the scale in float32 as (n-1)/(m-1) and the source as scale * j.
            let scale: Float = m > 1 ? Float(n - 1) / Float(m - 1) : 0
            let source = scale * Float(j)
            let lower = min(Int(source), n - 1)
            let upper = min(lower + 1, n - 1)
            return (lower, upper, source - Float(lower))
        }

        /// grid_sample over a linspace(-1, 1) grid with align_corners = false and zero padding:
        /// output `j` samples `j·n/(m-1) - 0.5`; taps outside `0..<n` read zero.
        static func linearZeroPadded(_ n: Int, to m: Int) -> AxisTaps {
            var taps = AxisTaps(index: [], weight: [], inputLength: n)
            for j in 0..<m {
                let grid: Float = m > 1 ? -1 + 2 * Float(j) / Float(m - 1) : 0
                let source = ((grid + 1) * Float(n) - 1) / 2
                let lower = Int(source.rounded(.down))
                let frac = source - Float(lower)
                for (index, weight) in [(lower, 1 - frac), (lower + 1, frac)] {
                    let inside = index >= 0 && index < n
                    taps.index.append(inside ? index : 0)
                    taps.weight.append(inside ? weight : 0)
                }
            }
            return taps
        }
    }

    var depth: AxisTaps
    var height: AxisTaps
    var width: AxisTaps

    var inputSpatial: [Int] { [depth.inputLength, height.inputLength, width.inputLength] }
    var outputSpatial: [Int] { [depth.outputLength, height.outputLength, width.outputLength] }

    /// out[n, c, od, oh, ow] = Σ taps  w_d · w_h · w_w · in[n, c, id, ih, iw].
    func gather(_ input: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>, planes: Int) {
        traverse(planes: planes) { inOffset, outOffset, weight in
            out[outOffset] += weight * input[inOffset]
        }
    }

    /// The transpose of ``gather``: in[...] += weight · out[...].
    func scatter(_ gradient: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>, planes: Int) {
        traverse(planes: planes) { inOffset, outOffset, weight in
            out[inOffset] += weight * gradient[outOffset]
        }
    }

    /// Visits every (input offset, output offset, weight) triple in a fixed order.
    @inline(__always)
    private func traverse(planes: Int, _ visit: (Int, Int, Float) -> Void) {
        let (iD, iH, iW) = (depth.inputLength, height.inputLength, width.inputLength)
        let (oD, oH, oW) = (depth.outputLength, height.outputLength, width.outputLength)
        for plane in 0..<planes {
            for od in 0..<oD {
                for td in 0..<2 {
                    let wd = depth.weight[2 * od + td]
                    if wd == 0 { continue }
                    let id = depth.index[2 * od + td]
                    for oh in 0..<oH {
                        for th in 0..<2 {
                            let wdh = wd * height.weight[2 * oh + th]
                            if wdh == 0 { continue }
                            let inRow = ((plane * iD + id) * iH + height.index[2 * oh + th]) * iW
                            let outRow = ((plane * oD + od) * oH + oh) * oW
                            for ow in 0..<oW {
                                for tw in 0..<2 {
                                    let w = wdh * width.weight[2 * ow + tw]
                                    if w != 0 { visit(inRow + width.index[2 * ow + tw], outRow + ow, w) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
