/// Windows of the spatial maps of `Tensor+Resample.swift`: the part of a replicate padding or of a
/// trilinear resize of a large volume, computed from the part of the volume it reads. Every output
/// voxel is computed from its index in the whole volume with the same taps, weights and order as
/// the whole map, so windows are bit-identical to the whole map's voxels: what tiled generation
/// needs to be seamless.
///
/// A window is given per axis (D, H, W) as a range of output indices of the whole map; the tensor
/// holds the voxels `origin ..< origin + shape[2...]` of a whole volume of spatial size `fullSize`.
///
/// ```swift
/// // The voxels 10..<20 (per axis) of `whole.resized(to: [60, 60, 60])`, from whole's voxels 4..<12.
/// let part = whole.cropped(offset: [4, 4, 4], size: [8, 8, 8])
///     .resizedWindow(fullSize: [30, 30, 30], origin: [4, 4, 4], to: [60, 60, 60], window: [10..<20, 10..<20, 10..<20])
/// ```
extension Tensor {
    /// The window `window` of this volume replicate-padded without limit: output index `o` of an
    /// axis reads the whole volume's voxel `clamp(o, 0, fullSize - 1)` (so `-3 ..< n + 3` is
    /// ``replicatePadded(_:)`` by 3).
    /// - Precondition: every voxel read lies in this tensor's window of the whole volume.
    public func replicatePaddedWindow(fullSize: [Int], origin: [Int], window: [Range<Int>]) -> Tensor {
        checkWindow("replicatePaddedWindow", fullSize: fullSize, origin: origin, window: window)
        let axes = (0..<3).map { a in
            SpatialMap.AxisTaps.clampedWindow(fullSize[a], outputs: window[a], inputOrigin: origin[a], inputLength: shape[2 + a])
        }
        return resampled(SpatialMap(depth: axes[0], height: axes[1], width: axes[2]))
    }

    /// The window `window` of the whole volume's ``resized(to:)`` to spatial size `size`.
    /// - Precondition: every voxel read (see ``resizeSources(from:to:outputs:)``) lies in this
    ///   tensor's window of the whole volume.
    public func resizedWindow(fullSize: [Int], origin: [Int], to size: [Int], window: [Range<Int>]) -> Tensor {
        checkWindow("resizedWindow", fullSize: fullSize, origin: origin, window: window)
        precondition(size.count == 3 && size.allSatisfy { $0 > 0 }, "resizedWindow: bad target size \(size)")
        let axes = (0..<3).map { a in
            SpatialMap.AxisTaps.linearAlignCorners(fullSize[a], to: size[a], outputs: window[a],
                                                   inputOrigin: origin[a], inputLength: shape[2 + a])
        }
        return resampled(SpatialMap(depth: axes[0], height: axes[1], width: axes[2]))
    }

    /// The input indices that the outputs `outputs` of an align-corners resize of an axis from
    /// `n` to `m` read (empty for empty `outputs`).
    /// - Complexity: O(outputs.count).
    public static func resizeSources(from n: Int, to m: Int, outputs: Range<Int>) -> Range<Int> {
        guard let first = outputs.first, let last = outputs.last else { return 0..<0 }
        var lower = Int.max, upper = Int.min
        for j in [first, last] {
            let taps = SpatialMap.AxisTaps.alignCornersTaps(n, to: m, output: j)
            lower = min(lower, taps.lower)
            upper = max(upper, taps.upper)
        }
        return lower..<(upper + 1)
    }

    private func checkWindow(_ op: String, fullSize: [Int], origin: [Int], window: [Range<Int>]) {
        precondition(rank == 5 && fullSize.count == 3 && origin.count == 3 && window.count == 3,
                     "\(op): expects NCDHW with three-axis size, origin and window, got \(shape), \(fullSize), \(origin), \(window)")
    }
}
