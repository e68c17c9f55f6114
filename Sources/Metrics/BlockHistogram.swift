/// Block-histogram χ² distance between two volumes over a shared vocabulary.
///
/// Each histogram is normalised to sum to 1 (p and q); the distance is
/// `χ²(p, q) = ½ · Σ_t (p_t − q_t)² / (p_t + q_t)` over tokens with `p_t + q_t > 0` —
/// 0 for the same block mix, 1 when the two volumes share no block state.
///
/// ```swift
/// BlockHistogram.chiSquaredDistance(real, sample)  // 0.0 … 1.0
/// ```
/// - Complexity: O(voxels + vocabulary).
public enum BlockHistogram {
    /// Voxel count per token id (the array is as long as the largest id + 1).
    public static func counts(_ volume: TokenVolume) -> [Int] {
        var counts = [Int](repeating: 0, count: Int(volume.tokens.max() ?? 0) + 1)
        for t in volume.tokens { counts[Int(t)] += 1 }
        return counts
    }

    public static func chiSquaredDistance(_ a: TokenVolume, _ b: TokenVolume) -> Double {
        let ca = counts(a), cb = counts(b)
        let na = Double(max(1, a.tokens.count)), nb = Double(max(1, b.tokens.count))
        var sum = 0.0
        for t in 0..<max(ca.count, cb.count) {
            let p = t < ca.count ? Double(ca[t]) / na : 0
            let q = t < cb.count ? Double(cb[t]) / nb : 0
            if p + q > 0 { sum += (p - q) * (p - q) / (p + q) }
        }
        return 0.5 * sum
    }
}
