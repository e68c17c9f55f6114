import Tensor

/// The noise one scale of a sample adds to its generator's input, as a function of the voxel's
/// whole-volume coordinate at that scale (so any window of it is the same field).
public enum ScaleNoise: Sendable {
    /// ``CoordinateNoise`` of `(seed, scale)` times `amplitude`: fresh samples.
    case hashed(CoordinateNoise, amplitude: Float)
    /// The run's reconstruction noise `z_opt` resized to the scale's size, times `amplitude`.
    case fixed(FixedNoise, amplitude: Float)
    /// No noise (the reconstruction path above the coarsest scale).
    case zero

    /// `z_opt` as stored in the run (`[1, C] + shape`).
    public struct FixedNoise: @unchecked Sendable {
        // Never mutated after loading.
        let tensor: Tensor
    }

    /// The noise over `window` of a scale of whole size `size`, `[1, channels] + window extents`
    /// (nil for ``zero``).
    func values(channels: Int, size: [Int], window: [Range<Int>]) -> Tensor? {
        let noise: Tensor, amplitude: Float
        switch self {
        case .zero:
            return nil
        case let .hashed(field, a):
            noise = Tensor.coordinateNoise(field, channels: channels, origin: window.map(\.lowerBound), size: window.map(\.count))
            amplitude = a
        case let .fixed(stored, a):
            noise = stored.tensor.resizedWindow(fullSize: Array(stored.tensor.shape[2...]), origin: [0, 0, 0], to: size, window: window)
            amplitude = a
        }
        noise.data.withUnsafeMutableBufferPointer { values in
            for i in values.indices { values[i] *= amplitude }
        }
        return noise
    }
}
