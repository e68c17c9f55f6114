import Tensor

/// Samples any window of a (possibly huge) volume from a trained pyramid, exactly as one
/// whole-volume pass would compute it: each scale's noise is a function of the whole-volume
/// coordinate (``ScaleNoise``), and every scale is computed over the part the window depends on
/// (``SampleGeometry/windows(for:)``). Windows of any size and position therefore agree voxel for
/// voxel with each other and with ``TrainedPyramid/sample(scale:seed:startScale:noiseScale:)``.
///
/// Memory: one window holds only its scales' parts and one generator's live activations (see
/// ``TileMemory``); no autodiff graph is built.
///
/// ```swift
/// let sampler = TiledSampler(pyramid, geometry: SampleGeometry(shapes: pyramid.shapes, scales: 4, finest: [512, 17, 512]), seed: 7)
/// let part = sampler.window([0..<64, 0..<17, 64..<128])     // [1, C, 64, 17, 64]
/// ```
public struct TiledSampler {
    public let pyramid: TrainedPyramid
    public let geometry: SampleGeometry
    /// The noise of every sampled scale, coarsest first.
    public let noise: [ScaleNoise]
    /// Whole images of the first scales when they are not their generators' alone
    /// (``PatchLayout``): the coarsest layout and the refined finer scales, coarsest first.
    public let fixedImages: [Tensor]

    /// A sampler of fresh samples (`seed`), following the reconstruction below `startScale`
    /// (`z_opt` at the coarsest scale, no noise above), `noiseScale` times the trained noise from
    /// `startScale` on.
    /// - Parameter layout: when set (and `startScale` is 0), the coarsest scale's image is its
    ///   generator's sample remade by this ``PatchLayout`` from the patches of the reconstruction's
    ///   coarsest image, and each finer scale within the layout's refinement budget is its
    ///   generator's output refined by the patches of that scale's reconstruction. These scales
    ///   are computed once for the whole volume, so tiles still agree.
    /// - Parameter input: the training input's own image at the finest trained scale
    ///   (`[1, C] + pyramid.shapes.last`, the embedded volume `train` learnt from). With a
    ///   layout, the finest scale is refined against it instead of its reconstruction, whose
    ///   one-block features (a forest's trunks: 59 of 214 log voxels) the generators blur away;
    ///   the patches of the input bring them back.
    public init(_ pyramid: TrainedPyramid, geometry: SampleGeometry, seed: UInt64, startScale: Int = 0, noiseScale: Float = 1,
                layout: PatchLayout? = nil, input: Tensor? = nil) {
        precondition(input.map { Array($0.shape[2...]) == pyramid.shapes[pyramid.generators.count - 1] } ?? true,
                     "TiledSampler: input \(input?.shape ?? []) for a finest trained scale of \(pyramid.shapes[pyramid.generators.count - 1])")
        precondition(geometry.sizes.count == pyramid.generators.count,
                     "TiledSampler: geometry of \(geometry.sizes.count) scales for \(pyramid.generators.count) generators")
        let fixed = ScaleNoise.FixedNoise(tensor: pyramid.fixedNoise)
        let noise: [ScaleNoise] = (0..<geometry.sizes.count).map { k in
            let amplitude = pyramid.noiseAmplitudes[k]
            if k >= startScale {
                return .hashed(CoordinateNoise(key: CoordinateNoise.key(seed: seed, stream: UInt64(k))), amplitude: amplitude * noiseScale)
            }
            return k == 0 ? .fixed(fixed, amplitude: amplitude) : .zero
        }
        var images: [Tensor] = []
        if let layout, startScale == 0 {
            var sources = pyramid.reconstructions()
            if let input { sources[sources.count - 1] = input }
            for k in geometry.sizes.indices {
                let size = geometry.sizes[k]
                guard k == 0 || layout.refines(size: size, sourceSize: pyramid.shapes[k]) else { break }
                // Scale k's generator on the images fixed so far, for the whole volume.
                let output = TiledSampler(pyramid, geometry: SampleGeometry(sizes: Array(geometry.sizes[0...k])),
                                          noise: Array(noise[0...k]), fixedImages: images).window(size.map { 0..<$0 })
                images.append(k == 0
                    ? layout.generate(source: sources[0], start: output, size: size, seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491)
                    : layout.refined(output, source: sources[k]))
            }
        }
        self.init(pyramid, geometry: geometry, noise: noise, fixedImages: images)
    }

    public init(_ pyramid: TrainedPyramid, geometry: SampleGeometry, noise: [ScaleNoise], fixedImages: [Tensor] = []) {
        precondition(noise.count == geometry.sizes.count, "TiledSampler: \(noise.count) noises for \(geometry.sizes.count) scales")
        precondition(fixedImages.count <= geometry.sizes.count
                     && fixedImages.indices.allSatisfy { Array(fixedImages[$0].shape[2...]) == geometry.sizes[$0] },
                     "TiledSampler: fixed images \(fixedImages.map(\.shape)) for scale sizes \(geometry.sizes)")
        self.pyramid = pyramid
        self.geometry = geometry
        self.noise = noise
        self.fixedImages = fixedImages
    }

    /// The finest scale's voxels over `window` (per axis, inside the finest size), `[1, C] +
    /// window extents`, channel-major like every image.
    public func window(_ window: [Range<Int>]) -> Tensor {
        GradMode.withoutRecording { compute(window) }
    }

    private func compute(_ window: [Range<Int>]) -> Tensor {
        let parts = geometry.windows(for: window)
        let channels = pyramid.channels
        var image: Tensor? = nil
        for k in parts.indices {
            let out = parts[k], size = geometry.sizes[k]
            if k < fixedImages.count {
                image = fixedImages[k].cropped(offset: out.map(\.lowerBound), size: out.map(\.count))
                continue
            }
            let read = geometry.inputWindow(of: out, scale: k)
            let prev: Tensor
            if let below = image {
                prev = below.resizedWindow(fullSize: geometry.sizes[k - 1], origin: parts[k - 1].map(\.lowerBound), to: size, window: read)
            } else {
                prev = Tensor(zeros: [1, channels] + read.map(\.count))
            }
            image = nil
            let padded = out.map { ($0.lowerBound - SampleGeometry.margin)..<($0.upperBound + SampleGeometry.margin) }
            let origin = read.map(\.lowerBound)
            let input = prev.replicatePaddedWindow(fullSize: size, origin: origin, window: padded)
            if let noise = noise[k].values(channels: channels, size: size, window: read) {
                let spread = noise.replicatePaddedWindow(fullSize: size, origin: origin, window: padded)
                input.data.withUnsafeMutableBufferPointer { x in
                    spread.data.withUnsafeBufferPointer { n in for i in x.indices { x[i] = n[i] + x[i] } }
                }
            }
            let residual = prev.cropped(offset: (0..<3).map { out[$0].lowerBound - read[$0].lowerBound }, size: out.map(\.count))
            image = pyramid.generators[k].inferred(input, residual: residual, rowAxis: geometry.rowAxis)
        }
        guard let finest = image, let computed = parts.last else { preconditionFailure("TiledSampler: no scale") }
        let offset = (0..<3).map { window[$0].lowerBound - computed[$0].lowerBound }
        if offset == [0, 0, 0] && window.map(\.count) == computed.map(\.count) { return finest }
        return finest.cropped(offset: offset, size: window.map(\.count))
    }

    /// Tiles of at most `tileSize` × (whole height) × `tileSize` voxels covering `box` (a window
    /// of the finest scale), in X-major order; the window tiles are computed one at a time.
    public func tiles(of box: [Range<Int>], tileSize: Int) -> [[Range<Int>]] {
        precondition(tileSize > 0, "TiledSampler.tiles: tile size \(tileSize)")
        var out: [[Range<Int>]] = []
        for x in stride(from: box[0].lowerBound, to: box[0].upperBound, by: tileSize) {
            for z in stride(from: box[2].lowerBound, to: box[2].upperBound, by: tileSize) {
                out.append([x..<min(x + tileSize, box[0].upperBound), box[1], z..<min(z + tileSize, box[2].upperBound)])
            }
        }
        return out
    }
}
