/// Spatial movement of NCDHW volumes: replicate padding, centre/window cropping, trilinear resize.
/// All three are ``SpatialMap``s; their gradients are the map's transpose and vice versa.
extension Tensor {
    /// Pads D, H and W by `pad` on both sides, repeating the edge voxel (PyTorch `ReplicationPad3d`).
    ///
    /// `[N, C, D, H, W]` → `[N, C, D+2p, H+2p, W+2p]`.
    public func replicatePadded(_ pad: Int) -> Tensor {
        let (d, h, w) = spatial("replicatePadded")
        return resampled(SpatialMap(depth: .replicatePad(d, pad: pad), height: .replicatePad(h, pad: pad),
                                    width: .replicatePad(w, pad: pad)))
    }

    /// The window of spatial size `size` starting at `offset` (both `[D, H, W]`).
    public func cropped(offset: [Int], size: [Int]) -> Tensor {
        let (d, h, w) = spatial("cropped")
        return resampled(SpatialMap(depth: .crop(d, offset: offset[0], length: size[0]),
                                    height: .crop(h, offset: offset[1], length: size[1]),
                                    width: .crop(w, offset: offset[2], length: size[2])))
    }

    /// Removes `margin` voxels from both sides of D, H and W (World-GAN's centre crop of `y`).
    public func centreCropped(by margin: Int) -> Tensor {
        let (d, h, w) = spatial("centreCropped")
        return cropped(offset: [margin, margin, margin], size: [d - 2 * margin, h - 2 * margin, w - 2 * margin])
    }

    /// Trilinear resize to spatial `size` `[D, H, W]` with align_corners = true (up or down).
    public func resized(to size: [Int]) -> Tensor {
        let (d, h, w) = spatial("resized")
        precondition(size.count == 3 && size.allSatisfy { $0 > 0 }, "resized: bad target size \(size)")
        return resampled(SpatialMap(depth: .linearAlignCorners(d, to: size[0]),
                                    height: .linearAlignCorners(h, to: size[1]),
                                    width: .linearAlignCorners(w, to: size[2])))
    }

    /// The original World-GAN's resampling of `prev` (its `interpolate3D`): trilinear
    /// `grid_sample` over a linspace(-1, 1) grid with align_corners = false and zero padding, so
    /// borders are about halved. Kept to reproduce the original; the product uses ``resized(to:)``.
    public func gridSampledWithZeroPadding(to size: [Int]) -> Tensor {
        let (d, h, w) = spatial("gridSampledWithZeroPadding")
        precondition(size.count == 3 && size.allSatisfy { $0 > 0 }, "gridSampledWithZeroPadding: bad target size \(size)")
        return resampled(SpatialMap(depth: .linearZeroPadded(d, to: size[0]),
                                    height: .linearZeroPadded(h, to: size[1]),
                                    width: .linearZeroPadded(w, to: size[2])))
    }

    func resampled(_ map: SpatialMap) -> Tensor {
        let planes = shape[0] * shape[1]
        let result = Tensor(zeros: [shape[0], shape[1]] + map.outputSpatial)
        data.withUnsafeBufferPointer { source in
            result.data.withUnsafeMutableBufferPointer { map.gather(source, into: $0, planes: planes) }
        }
        return result.recorded(.resample(map), [self])
    }

    func resampledAdjoint(_ map: SpatialMap) -> Tensor {
        precondition(Array(shape[2...]) == map.outputSpatial,
                     "resample adjoint: gradient \(shape) does not match map output \(map.outputSpatial)")
        let planes = shape[0] * shape[1]
        let result = Tensor(zeros: [shape[0], shape[1]] + map.inputSpatial)
        data.withUnsafeBufferPointer { source in
            result.data.withUnsafeMutableBufferPointer { map.scatter(source, into: $0, planes: planes) }
        }
        return result.recorded(.resampleAdjoint(map), [self])
    }

    private func spatial(_ op: String) -> (Int, Int, Int) {
        precondition(rank == 5, "\(op): expects NCDHW, got shape \(shape)")
        return (shape[2], shape[3], shape[4])
    }
}
