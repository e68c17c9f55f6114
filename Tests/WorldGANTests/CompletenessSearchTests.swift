@testable import WorldGAN
import Tensor
import XCTest

final class CompletenessSearchTests: XCTestCase {
    /// The choice by scoring every pair: the minima over all queries first, then each query's
    /// least weighted distance (ties to the lower key; no allowed key: the nearest of all).
    private func everyPairChoice(_ queries: Tensor, _ keys: Tensor, completeness: Float, excluded: ExcludedNeighbourhood?) -> [Int] {
        let (count, keyCount) = (queries.shape[0], keys.shape[0])
        let d = PatchProjection.squaredDistances(queries, rows: 0..<count, to: keys).data
        func allowed(_ q: Int, _ k: Int) -> Bool { excluded?.contains(query: q, key: k) != true }
        var smallest = [Float](repeating: .infinity, count: keyCount)
        for q in 0..<count { for k in 0..<keyCount where allowed(q, k) { smallest[k] = min(smallest[k], d[q * keyCount + k]) } }
        let weights = smallest.map { $0.isFinite ? 1 / (completeness + max(0, $0)) : 1 / completeness }
        return (0..<count).map { q in
            var best = 0, bestScore = Float.infinity
            for k in 0..<keyCount where allowed(q, k) && d[q * keyCount + k] * weights[k] < bestScore { best = k; bestScore = d[q * keyCount + k] * weights[k] }
            if bestScore == .infinity {
                for k in 0..<keyCount where d[q * keyCount + k] * weights[k] < bestScore { best = k; bestScore = d[q * keyCount + k] * weights[k] }
            }
            return best
        }
    }

    /// Patch-like rows: a few prototypes with small perturbations, some rows repeated exactly
    /// (zero distances and ties), as a refinement against the input's own blocks has them.
    private func rows(_ count: Int, width: Int, prototypes: Tensor, rng: inout SeededGenerator) -> Tensor {
        let pick = (0..<count).map { _ in Int.random(in: 0..<prototypes.shape[0], using: &rng) }
        var data = [Float]()
        for (n, p) in pick.enumerated() {
            let jitter: Float = n % 3 == 0 ? 0 : 0.3
            for c in 0..<width { data.append(prototypes.data[p * width + c] + jitter * Float.random(in: -1...1, using: &rng)) }
        }
        return Tensor(shape: [count, width], data: data)
    }

    /// The single pass with candidate bounds chooses exactly what scoring every pair chooses:
    /// weak and strong completeness, one block and many, with and without excluded keys.
    func testChoosesWhatScoringEveryPairChooses() {
        var rng = SeededGenerator(seed: 11)
        let width = 12
        let prototypes = Tensor.randomNormal([9, width], using: &rng)
        let keyRows = rows(300, width: width, prototypes: prototypes, rng: &rng)
        let queryRows = rows(420, width: width, prototypes: prototypes, rng: &rng)
        let projection = PatchProjection(keyRows)
        let (queries, keys) = (projection.queryOperand(queryRows), projection.keyOperand(keyRows))
        let exclusion = ExcludedNeighbourhood(queryGrid: [20, 1, 21], keyGrid: [15, 1, 20], radius: 0.25)
        var unsettled: [Int] = []
        for completeness: Float in [0.005, 0.5, 50] {
            for excluded in [nil, exclusion] {
                let expected = everyPairChoice(queries, keys, completeness: completeness, excluded: excluded)
                for blockElements in [1 << 22, 300 * 7] {
                    var search = CompletenessSearch(completeness: completeness, excluded: excluded)
                    search.blockElements = blockElements
                    let result = search.search(queries, keys)
                    XCTAssertEqual(result.choice, expected, "α \(completeness), exclusion \(excluded != nil), block \(blockElements)")
                    unsettled.append(result.unsettled)
                }
            }
        }
        // Both ways were taken: the candidates settled most queries, and some were computed again.
        XCTAssertLessThan(unsettled.reduce(0, +), 12 * 420 / 2, "\(unsettled)")
        XCTAssertGreaterThan(unsettled.max() ?? 0, 0, "\(unsettled)")
    }

    /// Every key excluded for some queries (a source too small to move anything): those take the
    /// nearest key of all, as before.
    func testQueriesWithEveryKeyExcludedTakeTheNearest() {
        var rng = SeededGenerator(seed: 3)
        let keyRows = Tensor.randomNormal([4, 5], using: &rng), queryRows = Tensor.randomNormal([30, 5], using: &rng)
        let projection = PatchProjection(keyRows)
        let (queries, keys) = (projection.queryOperand(queryRows), projection.keyOperand(keyRows))
        let excluded = ExcludedNeighbourhood(queryGrid: [5, 1, 6], keyGrid: [1, 1, 4], radius: 2)
        let choice = CompletenessSearch(completeness: 0.005, excluded: excluded).choose(queries, keys)
        XCTAssertEqual(choice, everyPairChoice(queries, keys, completeness: 0.005, excluded: excluded))
    }
}
