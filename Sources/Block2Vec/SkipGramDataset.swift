import Anvil

/// The skip-gram samples of one volume: every voxel at least one voxel away from the border is a
/// target, and its 26 neighbours in the 3×3×3 cube are the contexts.
///
/// Frequency subsampling follows word2vec and World-GAN's `block2vec_dataset.py`: a token with
/// frequency f = count/total is discarded with probability `1 − (√(f/t) + 1)·t/f`; a discarded
/// sample is replaced by a uniformly drawn position, again until one is kept. An epoch holds as
/// many samples as there are targets, in a freshly shuffled order.
///
/// ```swift
/// let data = try SkipGramDataset(volume: volume, subsampleThreshold: 1e-3)
/// var rng = SeededGenerator(seed: 1)
/// let epoch = data.epochSamples(using: &rng)   // voxel offsets of the targets, data.sampleCount long
/// ```
public struct SkipGramDataset: Sendable {
    /// Number of context positions per target.
    public static let contextCount = 26

    /// The tokens and their counts over the whole volume.
    public let vocabulary: Vocabulary
    /// Volume size (X, Y, Z).
    public let sizeX: Int, sizeY: Int, sizeZ: Int
    /// The vocabulary index of every voxel, at `(x * sizeY + y) * sizeZ + z`.
    public let tokens: [Int32]
    /// Discard probability per token; zero or negative means always kept.
    public let discardProbabilities: [Double]
    /// Storage-offset deltas of the 26 neighbours, in PyTorch's `(dx, dy, dz)` loop order over
    /// {−1, 0, 1}³ without the centre.
    public let contextOffsets: [Int]
    /// Storage offsets of all targets, in (x, y, z) order.
    public let targetOffsets: [Int32]

    /// Samples per epoch (the number of interior voxels).
    public var sampleCount: Int { targetOffsets.count }

    /// The samples of `volume`.
    ///
    /// - Parameter subsampleThreshold: word2vec's t (World-GAN: 1e-3); `nil` keeps every sample.
    /// - Throws: `Block2VecError.volumeTooSmall` when an axis is shorter than 3,
    ///   `.invalidConfiguration` for a threshold that is not positive and finite, and
    ///   `.paletteIndexOutOfRange` for a corrupt volume.
    /// - Complexity: O(voxels).
    public init(volume: BlockVolume, subsampleThreshold: Double? = 1e-3) throws {
        guard volume.sizeX >= 3, volume.sizeY >= 3, volume.sizeZ >= 3 else {
            throw Block2VecError.volumeTooSmall(sizeX: volume.sizeX, sizeY: volume.sizeY, sizeZ: volume.sizeZ)
        }
        guard volume.count < Int(Int32.max) else {
            throw Block2VecError.invalidConfiguration(field: "volume", value: "\(volume.count) voxels",
                                                      expected: "fewer than 2^31 voxels")
        }
        if let t = subsampleThreshold, !(t > 0 && t.isFinite) {
            throw Block2VecError.invalidConfiguration(field: "subsampleThreshold", value: "\(t)",
                                                      expected: "a positive number such as 1e-3, or none")
        }
        try SkipGramDataset.checkPaletteIndices(volume)
        let vocabulary = Vocabulary(volume)
        // Every state of a valid volume is in its own vocabulary, so this is never empty.
        let tokens = vocabulary.tokenIndices(of: volume) ?? []
        let total = Double(vocabulary.total)
        let discard = vocabulary.counts.map { count -> Double in
            guard let t = subsampleThreshold else { return 0 }
            return SkipGramDataset.discardProbability(frequency: Double(count) / total, threshold: t)
        }
        self.init(vocabulary: vocabulary, tokens: tokens, size: volume.size, discard: discard)
    }

    private init(vocabulary: Vocabulary, tokens: [Int32], size: (Int, Int, Int), discard: [Double]) {
        self.vocabulary = vocabulary
        self.tokens = tokens
        (sizeX, sizeY, sizeZ) = size
        discardProbabilities = discard
        var deltas: [Int] = []
        for dx in -1...1 { for dy in -1...1 { for dz in -1...1 where (dx, dy, dz) != (0, 0, 0) {
            deltas.append((dx * size.1 + dy) * size.2 + dz)
        } } }
        contextOffsets = deltas
        var targets: [Int32] = []
        targets.reserveCapacity((size.0 - 2) * (size.1 - 2) * (size.2 - 2))
        for x in 1..<(size.0 - 1) { for y in 1..<(size.1 - 1) { for z in 1..<(size.2 - 1) {
            targets.append(Int32((x * size.1 + y) * size.2 + z))
        } } }
        targetOffsets = targets
    }

    /// Throws `.paletteIndexOutOfRange` for the first voxel whose palette index is past the palette.
    static func checkPaletteIndices(_ volume: BlockVolume) throws {
        let count = volume.palette.count
        if let voxel = volume.indices.firstIndex(where: { Int($0) >= count }) {
            throw Block2VecError.paletteIndexOutOfRange(voxel: voxel, index: Int(volume.indices[voxel]),
                                                        paletteCount: count)
        }
    }

    /// word2vec's discard probability `1 − (√(f/t) + 1)·t/f` for a token of frequency `f`.
    /// Negative results (rare tokens) mean the token is always kept.
    public static func discardProbability(frequency f: Double, threshold t: Double) -> Double {
        guard f > 0 else { return 0 }
        return 1 - ((f / t).squareRoot() + 1) * (t / f)
    }

    /// One epoch: `sampleCount` target offsets in a shuffled order, each subsampled as in
    /// World-GAN's `__getitem__` (a discarded draw is replaced by a uniform random target,
    /// repeated until one is kept).
    ///
    /// - Complexity: O(sampleCount / mean keep probability) random draws.
    public func epochSamples(using rng: inout SeededGenerator) -> [Int32] {
        var order = targetOffsets
        let n = order.count
        tokens.withUnsafeBufferPointer { tok in
            discardProbabilities.withUnsafeBufferPointer { discard in
                targetOffsets.withUnsafeBufferPointer { all in
                    order.withUnsafeMutableBufferPointer { out in
                        // Fisher–Yates, then the subsampling walk slot by slot.
                        var i = n - 1
                        while i > 0 {
                            let j = rng.nextIndex(below: i + 1)
                            out.swapAt(i, j)
                            i -= 1
                        }
                        for slot in 0..<n {
                            var offset = out[slot]
                            while rng.nextUnitDouble() < discard[Int(tok[Int(offset)])] {
                                offset = all[rng.nextIndex(below: n)]
                            }
                            out[slot] = offset
                        }
                    }
                }
            }
        }
        return order
    }

    /// Writes the target token and its 26 context tokens for each of `samples` (target offsets):
    /// `targets[b]` and `contexts[b * 26 + k]`.
    ///
    /// - Precondition: `targets.count >= samples.count`, `contexts.count >= 26 · samples.count`.
    public func gather(samples: UnsafeBufferPointer<Int32>,
                       targets: UnsafeMutableBufferPointer<Int32>,
                       contexts: UnsafeMutableBufferPointer<Int32>) {
        precondition(targets.count >= samples.count && contexts.count >= samples.count * 26,
                     "SkipGramDataset.gather: \(samples.count) samples need \(samples.count) targets and "
                     + "\(samples.count * 26) contexts, got \(targets.count) and \(contexts.count)")
        tokens.withUnsafeBufferPointer { tok in
            contextOffsets.withUnsafeBufferPointer { deltas in
                for b in 0..<samples.count {
                    let centre = Int(samples[b])
                    targets[b] = tok[centre]
                    let row = b * 26
                    for k in 0..<26 { contexts[row + k] = tok[centre + deltas[k]] }
                }
            }
        }
    }
}
