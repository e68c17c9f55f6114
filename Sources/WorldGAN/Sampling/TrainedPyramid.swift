import Tensor

/// The frozen generators of a trained (or partly trained) run and what sampling needs with them:
/// scale shapes, noise amplitudes and the fixed reconstruction noise. Generators run BatchNorm in
/// eval mode (running statistics), as the original's frozen scales.
///
/// Tensor layout: every image is NCDHW `[1, C, X, Y, Z]` over the block volume's axes.
///
/// ```swift
/// let pyramid = try TrainedPyramid.load(from: URL(fileURLWithPath: "runs/ruins"))
/// let sample = pyramid.sample(scale: (2, 1, 2), seed: 7)    // twice as long in X and Z
/// let volume = try pyramid.decode(sample, embeddings: embeddings)
/// ```
public struct TrainedPyramid {
    /// Channels C (the embedding dimension).
    public let channels: Int
    /// One generator per trained scale, coarsest first.
    public internal(set) var generators: [Generator]
    /// Spatial shapes `[X, Y, Z]` of every scale of the run (may be longer than `generators`).
    public let shapes: [[Int]]
    /// Noise amplitude per trained scale.
    public internal(set) var noiseAmplitudes: [Float]
    /// The coarsest scale's fixed reconstruction noise `z_opt`, `[1, C] + shapes[0]`.
    public let fixedNoise: Tensor

    /// A pyramid from its parts (`generators.count == noiseAmplitudes.count ≤ shapes.count`).
    public init(channels: Int, generators: [Generator], shapes: [[Int]], noiseAmplitudes: [Float], fixedNoise: Tensor) {
        precondition(generators.count == noiseAmplitudes.count && generators.count <= shapes.count,
                     "TrainedPyramid: \(generators.count) generators, \(noiseAmplitudes.count) amplitudes, \(shapes.count) shapes")
        self.channels = channels
        self.generators = generators
        self.shapes = shapes
        self.noiseAmplitudes = noiseAmplitudes
        self.fixedNoise = fixedNoise
    }

    /// A generated volume: channel-major values (`c * voxelCount + (x*Y + y)*Z + z`) and its size.
    public struct Sample: Sendable {
        public let values: [Float]
        public let size: (x: Int, y: Int, z: Int)
        public var voxelCount: Int { size.x * size.y * size.z }

        public init(values: [Float], size: (x: Int, y: Int, z: Int)) {
            self.values = values
            self.size = size
        }

        /// The values of a `[1, C, X, Y, Z]` image.
        init(_ image: Tensor) {
            self.init(values: image.data, size: (image.shape[2], image.shape[3], image.shape[4]))
        }
    }

    /// Generates one volume: from the coarsest scale with fresh noise, each scale's noise and image
    /// sized `round(scale shape · factor)` per axis, upsampled between scales (trilinear,
    /// align_corners = true), as the original's generate_samples, in one window of a
    /// ``TiledSampler`` (whose tiles of any size give the same voxels).
    /// - Parameters:
    ///   - scale: per-axis size factors (X, Y, Z) relative to the training volume.
    ///   - seed: the noise seed; the same seed gives the same sample. The noise of each scale is
    ///     a function of (seed, scale, voxel coordinate), see ``CoordinateNoise``.
    ///   - startScale: scales below it use the reconstruction noise (`z_opt`, zeros above the
    ///     coarsest), so the sample keeps the training volume's layout up to that scale.
    ///   - noiseScale: multiplies the noise amplitudes of the scales from `startScale` on (1: as
    ///     trained; larger: samples further from the reconstruction).
    ///   - layout, input: see ``TiledSampler/init(_:geometry:seed:startScale:noiseScale:layout:input:)``.
    /// - Complexity: one eval-mode forward per trained scale.
    public func sample(scale: (Double, Double, Double) = (1, 1, 1), seed: UInt64, startScale: Int = 0,
                       noiseScale: Float = 1, layout: PatchLayout? = nil, input: Tensor? = nil) -> Sample {
        precondition(!generators.isEmpty, "TrainedPyramid.sample: no trained scale")
        let geometry = SampleGeometry(shapes: shapes, scales: generators.count, factors: scale)
        let sampler = TiledSampler(self, geometry: geometry, seed: seed, startScale: startScale, noiseScale: noiseScale,
                                   layout: layout, input: input)
        return Sample(sampler.window(geometry.whole))
    }

    /// The reconstruction of the training volume through the first `count` scales (all trained
    /// ones by default): `z_opt` at the coarsest scale, no noise above, at the run's own shapes.
    public func reconstruction(scales count: Int? = nil) -> Sample {
        let count = min(count ?? generators.count, generators.count)
        precondition(count > 0, "TrainedPyramid.reconstruction: no trained scale")
        var unused = SeededGenerator(seed: 0)
        return Sample(GradMode.withoutRecording {
            output(ofScales: count, reconstructingBelow: count, using: &unused)
        })
    }

    /// The reconstruction's image at every trained scale, coarsest first (`[1, C] + shapes[k]`).
    public func reconstructions() -> [Tensor] {
        var images: [Tensor] = []
        var unused = SeededGenerator(seed: 0)
        _ = GradMode.withoutRecording {
            output(ofScales: generators.count, reconstructingBelow: generators.count, using: &unused) { images.append($0) }
        }
        return images
    }

    /// The image of scale `count - 1` when chaining the first `count` generators at the run's own
    /// shapes (`[1, C] + shapes[count-1]`), handing every scale's image to `each`. Scales below
    /// `reconstructingBelow` use `z_opt` / zeros; the others fresh normal noise from `rng`.
    func output(ofScales count: Int, reconstructingBelow: Int, using rng: inout SeededGenerator,
                each: (Tensor) -> Void = { _ in }) -> Tensor {
        var prev = Tensor(zeros: [1, channels] + shapes[0])
        for k in 0..<count {
            if k > 0 { prev = prev.resized(to: shapes[k]) }
            let noise: Tensor
            if k >= reconstructingBelow {
                noise = Tensor.randomNormal([1, channels] + shapes[k], using: &rng)
            } else {
                noise = k == 0 ? fixedNoise : Tensor(zeros: [1, channels] + shapes[k])
            }
            let padded = prev.replicatePadded(3)
            prev = generators[k]((noise * noiseAmplitudes[k]).replicatePadded(3) + padded, padded, training: false)
            each(prev)
        }
        return prev
    }

    /// The previous-scale image for training scale `scale` (zeros at 0): the frozen generators
    /// chained at the run's own shapes, upsampled to `shapes[scale]`.
    func previousImage(forScale scale: Int, reconstruction: Bool, using rng: inout SeededGenerator) -> Tensor {
        guard scale > 0 else { return Tensor(zeros: [1, channels] + shapes[0]) }
        let image = GradMode.withoutRecording {
            output(ofScales: scale, reconstructingBelow: reconstruction ? scale : 0, using: &rng)
        }
        return image.resized(to: shapes[scale])
    }
}
