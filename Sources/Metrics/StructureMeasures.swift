/// Measures that see a structure's shape, which tile-pattern KL can miss (a floor of noise can
/// score well while every pillar is gone). All compare a sample with the real volume over one
/// `SharedVocabulary`; `roles[t]` is the ``BlockRole`` of token id `t`.
///
/// - Per-layer histogram distance: the mean over heights y of the total variation
///   `½ Σ_t |p_y(t) − q_y(t)|` between the real and the sample's block histograms of layer y.
/// - Solid profile error: the mean over y of |non-air fraction of real layer y − of sample layer y|.
/// - Rare-block inflation: the largest `sample count / max(real count, 10)` over block states,
///   with the sample's counts scaled to the real volume's voxel count.
/// - Floating fragments: the share of non-air voxels that float — solid voxels in 6-connected
///   solid components that do not reach the bottom layer, and attached blocks (plants, vines,
///   lanterns…) with no solid block among their 6 neighbours.
///
/// Samples of another height are compared layer by layer at the same relative height.
///
/// ```swift
/// let m = StructureMeasures(roles: vocabulary.states.map(BlockRole.init))
/// m.solidProfileError(real: real, sample: sample)   // 0 for the same silhouette per layer
/// ```
/// - Complexity: O(voxels + vocabulary) each.
public struct StructureMeasures: Sendable {
    public let roles: [BlockRole]

    public init(roles: [BlockRole]) { self.roles = roles }

    func role(_ token: UInt32) -> BlockRole { Int(token) < roles.count ? roles[Int(token)] : .solid }

    /// The real layer compared with sample layer `y`.
    static func realLayer(_ y: Int, real: VolumeSize, sample: VolumeSize) -> Int {
        real.y == sample.y ? y : min(real.y - 1, y * real.y / max(sample.y, 1))
    }

    /// Voxel counts per token of each horizontal layer, `[y][token]`.
    static func layerHistograms(_ v: TokenVolume, vocabulary: Int) -> [[Int]] {
        var layers = [[Int]](repeating: [Int](repeating: 0, count: vocabulary), count: v.size.y)
        for x in 0..<v.size.x {
            for y in 0..<v.size.y {
                let base = (x * v.size.y + y) * v.size.z
                for z in 0..<v.size.z { layers[y][Int(v.tokens[base + z])] += 1 }
            }
        }
        return layers
    }

    private func vocabulary(_ a: TokenVolume, _ b: TokenVolume) -> Int {
        max(roles.count, Int(max(a.tokens.max() ?? 0, b.tokens.max() ?? 0)) + 1)
    }

    public func layerHistogramDistance(real: TokenVolume, sample: TokenVolume) -> Double {
        let n = vocabulary(real, sample)
        let r = Self.layerHistograms(real, vocabulary: n), s = Self.layerHistograms(sample, vocabulary: n)
        guard !s.isEmpty else { return 0 }
        var total = 0.0
        for y in s.indices {
            let ry = Self.realLayer(y, real: real.size, sample: sample.size)
            let rn = Double(max(1, r[ry].reduce(0, +))), sn = Double(max(1, s[y].reduce(0, +)))
            total += 0.5 * (0..<n).reduce(0.0) { $0 + abs(Double(r[ry][$1]) / rn - Double(s[y][$1]) / sn) }
        }
        return total / Double(s.count)
    }

    /// Non-air fraction of each layer.
    public func solidProfile(_ v: TokenVolume) -> [Double] {
        var filled = [Int](repeating: 0, count: v.size.y)
        for x in 0..<v.size.x {
            for y in 0..<v.size.y {
                let base = (x * v.size.y + y) * v.size.z
                for z in 0..<v.size.z where role(v.tokens[base + z]) != .empty { filled[y] += 1 }
            }
        }
        let area = Double(max(1, v.size.x * v.size.z))
        return filled.map { Double($0) / area }
    }

    public func solidProfileError(real: TokenVolume, sample: TokenVolume) -> Double {
        let r = solidProfile(real), s = solidProfile(sample)
        guard !s.isEmpty else { return 0 }
        return s.indices.reduce(0.0) { $0 + abs(r[Self.realLayer($1, real: real.size, sample: sample.size)] - s[$1]) }
            / Double(s.count)
    }

    /// The most inflated block state: its token id and `scaled sample count / max(real count, 10)`.
    public func rareBlockInflation(real: TokenVolume, sample: TokenVolume) -> (token: UInt32, ratio: Double) {
        let r = BlockHistogram.counts(real), s = BlockHistogram.counts(sample)
        let scale = Double(real.tokens.count) / Double(max(1, sample.tokens.count))
        var best: (token: UInt32, ratio: Double) = (0, 0)
        for t in s.indices where s[t] > 0 {
            let ratio = Double(s[t]) * scale / Double(max(t < r.count ? r[t] : 0, 10))
            if ratio > best.ratio { best = (UInt32(t), ratio) }
        }
        return best
    }

    /// Share of non-air voxels that float (0 when the volume is all air): ``FloatingParts``.
    public func floatingFraction(_ v: TokenVolume) -> Double {
        FloatingParts(roles: v.tokens.map(role), size: (v.size.x, v.size.y, v.size.z)).floatingFraction
    }

    /// Fraction of voxels where two equal-size volumes differ, counted only where at least one is
    /// not air; `nil` when the sizes differ.
    public func nonAirHamming(_ a: TokenVolume, _ b: TokenVolume) -> Double? {
        guard a.size == b.size else { return nil }
        var considered = 0, differing = 0
        for i in a.tokens.indices where role(a.tokens[i]) != .empty || role(b.tokens[i]) != .empty {
            considered += 1
            if a.tokens[i] != b.tokens[i] { differing += 1 }
        }
        return considered == 0 ? 0 : Double(differing) / Double(considered)
    }
}
