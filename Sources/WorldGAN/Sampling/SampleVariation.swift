import Anvil
import Foundation
import Metrics

/// How far samples may stray from the training input (`generate --variation`): a start scale
/// (the scales below it follow the reconstruction) and a factor on the sampled scales' noise,
/// calibrated per run so that a level means the same thing on every input.
///
/// Why calibrate: the fine scales' trained noise amplitude is a tenth of the RMSE between the
/// real volume and the upsampled reconstruction below it, and a generator that has learnt its
/// reconstruction well passes such weak noise into the same blocks. On a 21×16×17 gabled house
/// (quick preset), five samples of the finest scale differed from each other on 1% of their
/// non-air voxels with the trained amplitude; the factor that gives a visible variation was 6
/// for one run and 12 for a run trained with more reconstruction steps. So ``calibrate(_:decoder:)``
/// tries factors on two probe samples (at the training size) and keeps the largest whose samples
/// keep the silhouette: the mean over layers of |solid share − the reconstruction's| stays within
/// the level's ``silhouetteTolerance(layerArea:)``. Stronger noise than that adds loose blocks rather than
/// new forms (the fine scales' generators only refine), so the tolerance is the level.
///
/// ```swift
/// let plan = SampleVariation.low.calibrate(pyramid, decoder: decoder)
/// let sample = pyramid.sample(seed: 1, startScale: plan.startScale, noiseScale: plan.noiseScale)
/// ```
public enum SampleVariation: String, CaseIterable, Sendable {
    /// The silhouette stays, blocks and details vary: every scale but the finest follows the
    /// reconstruction; layers keep their solid share within 1% (or one block) of the reconstruction's, so a
    /// reconstruction within 1% of the input keeps the samples within 2% of it.
    case low
    /// The layout's outline stays: the coarse half of the pyramid follows the reconstruction;
    /// layers keep their solid share within 2% (or one block).
    case medium
    /// Every scale is sampled freely with the trained noise, as the original's samples (the
    /// coarsest layout then comes from ``PatchLayout`` unless `--layout generator`).
    case high

    /// A level's start scale and noise factor, and what they gave on the probes.
    public struct Plan: Sendable, Equatable {
        public let startScale: Int
        public let noiseScale: Float
        /// Mean share of the reconstruction's non-air voxels whose block changed in the probe
        /// samples (nil for ``SampleVariation/high``, which is not calibrated).
        public let change: Double?
    }

    /// The largest mean over layers of |solid share − the reconstruction's| of the probe samples
    /// (nil: not calibrated), at least one block per layer of `layerArea` blocks (a small build
    /// cannot change by less than a block).
    public func silhouetteTolerance(layerArea: Int) -> Double? {
        baseTolerance.map { max($0, 1 / Double(max(1, layerArea))) }
    }

    var baseTolerance: Double? {
        switch self {
        case .low: return 0.01
        case .medium: return 0.02
        case .high: return nil
        }
    }

    /// The first sampled scale of this level for a run of `scales` trained scales.
    public func startScale(scales: Int) -> Int {
        let last = max(0, scales - 1)
        switch self {
        case .low: return last
        case .medium: return min(last, max(1, scales / 2))
        case .high: return 0
        }
    }

    /// Noise factors tried in order, 1 … 128 in steps of √2.
    static let factors: [Float] = (0...14).map { Float(Foundation.pow(2, Double($0) / 2)) }
    /// Seeds of the probe samples (far from the seeds users pass).
    static let probeSeeds: [UInt64] = [0x5EED_0001_CA11_B8A7, 0x5EED_0002_CA11_B8A7]

    /// The plan of this level for `pyramid` (see the type's description); `reconstruction` is
    /// `pyramid.reconstruction()` when the caller already has it.
    /// - Complexity: up to 2 · 15 samples at the training size.
    public func calibrate(_ pyramid: TrainedPyramid, decoder: TokenDecoder,
                          reconstruction given: TrainedPyramid.Sample? = nil) -> Plan {
        let start = startScale(scales: pyramid.generators.count)
        let finest = pyramid.shapes.last ?? [1, 1, 1]
        guard let tolerance = silhouetteTolerance(layerArea: finest[0] * finest[2]), start > 0 else { return Plan(startScale: start, noiseScale: 1, change: nil) }
        let reconstruction = given ?? pyramid.reconstruction()
        let reference = decoder.decode(channelMajor: reconstruction.values, voxelCount: reconstruction.voxelCount)
        let names = BlockNames(decoder.embeddings.tokens)
        let measures = StructureMeasures(roles: decoder.embeddings.tokens.map { BlockRole(BlockState(token: $0) ?? BlockState($0)) })
        let size = VolumeSize(reconstruction.size.x, reconstruction.size.y, reconstruction.size.z)
        func volume(_ tokens: [Int32]) -> TokenVolume { TokenVolume(name: "probe", size: size, tokens: tokens.map { UInt32($0) }) }
        let referenceVolume = volume(reference)
        var kept = Plan(startScale: start, noiseScale: 1, change: 0)
        for factor in Self.factors {
            var change = 0.0, profile = 0.0
            for seed in Self.probeSeeds {
                let sample = pyramid.sample(seed: seed, startScale: start, noiseScale: factor)
                let tokens = decoder.decode(channelMajor: sample.values, voxelCount: sample.voxelCount)
                change += names.changedShare(of: reference, in: tokens) / Double(Self.probeSeeds.count)
                profile += measures.solidProfileError(real: referenceVolume, sample: volume(tokens)) / Double(Self.probeSeeds.count)
            }
            // The trained amplitude (factor 1) is kept even when it already exceeds the tolerance.
            if profile > tolerance, factor > 1 { return kept }
            kept = Plan(startScale: start, noiseScale: factor, change: change)
        }
        return kept
    }
}

/// Block names (properties dropped) and air flags of a vocabulary's tokens, by token row.
struct BlockNames {
    let name: [Int]
    let isAir: [Bool]

    init(_ tokens: [String]) {
        var ids: [String: Int] = [:]
        let states = tokens.map { BlockState(token: $0) ?? BlockState($0) }
        name = states.map { state in
            if let id = ids[state.name] { return id }
            ids[state.name] = ids.count
            return ids.count - 1
        }
        isAir = states.map(\.isAir)
    }

    /// The share of `reference`'s non-air voxels whose block name differs in `other` (0 when the
    /// reference is all air).
    func changedShare(of reference: [Int32], in other: [Int32]) -> Double {
        var solid = 0, changed = 0
        for (a, b) in zip(reference, other) where !isAir[Int(a)] {
            solid += 1
            if name[Int(a)] != name[Int(b)] { changed += 1 }
        }
        return solid == 0 ? 0 : Double(changed) / Double(solid)
    }
}
