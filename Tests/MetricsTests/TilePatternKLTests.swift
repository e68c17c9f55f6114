import Anvil
import Foundation
import Metrics
import XCTest

final class TilePatternKLTests: XCTestCase {
    private func tokens(_ name: String, _ size: VolumeSize, _ f: (Int, Int, Int) -> UInt32) -> TokenVolume {
        var t: [UInt32] = []
        for x in 0..<size.x { for y in 0..<size.y { for z in 0..<size.z { t.append(f(x, y, z)) } } }
        return TokenVolume(name: name, size: size, tokens: t)
    }

    func testIdenticalVolumesHaveZeroDivergence() throws {
        let v = tokens("a", VolumeSize(9, 7, 8)) { x, y, z in UInt32((x * 3 + y * 5 + z) % 4) }
        XCTAssertEqual(try TilePatternKL().divergence(real: v, sample: v, patternSize: 5), 0)
        XCTAssertEqual(try TilePatternKL().divergence(real: v, sample: v, patternSize: 3), 0)
    }

    func testDisjointSinglePatternVolumesGiveTheSmoothingFormulaValue() throws {
        let stone = tokens("stone", VolumeSize(5, 5, 5)) { _, _, _ in 0 }
        let dirt = tokens("dirt", VolumeSize(5, 5, 5)) { _, _, _ in 1 }
        // One window each (N = M = 1), two patterns in the union:
        // p = (1/(1+ε), ε/(1+ε)²), q = (ε/(1+ε)², 1/(1+ε)); both KL directions are equal.
        let e = 1e-7
        let big = 1 / (1 + e), small = e / ((1 + e) * (1 + e))
        let expected = big * log(big / small) + small * log(small / big)
        let value = try TilePatternKL().divergence(real: stone, sample: dirt, patternSize: 5)
        XCTAssertEqual(value, expected, accuracy: 1e-12)
        XCTAssertEqual(value, 16.118, accuracy: 0.001)  // ≈ ln(1e7)
    }

    func testPartlyOverlappingPatternSetsFollowTheFormulaOverTheUnion() throws {
        // Real: 6×2×2 with k = 2 → 5 windows along x: slices x=0..5 are A A B B B C → patterns
        // AA, AB, BB, BB, BC. Sample: 3×2×2 all A → one window AA.
        let layers: [UInt32] = [0, 0, 1, 1, 1, 2]
        let real = tokens("real", VolumeSize(6, 2, 2)) { x, _, _ in layers[x] }
        let sample = tokens("sample", VolumeSize(3, 2, 2)) { _, _, _ in 0 }
        let e = 1e-7
        let realCounts: [Double] = [1, 1, 2, 1], sampleCounts: [Double] = [2, 0, 0, 0]  // AA, AB, BB, BC
        var expected = 0.0
        for (c, d) in zip(realCounts, sampleCounts) {
            let p = (c + e) / ((5 + e) * (1 + e)), q = (d + e) / ((2 + e) * (1 + e))
            expected += 0.5 * p * log(p / q) + 0.5 * q * log(q / p)
        }
        XCTAssertEqual(try TilePatternKL().divergence(real: real, sample: sample, patternSize: 2), expected, accuracy: 1e-12)
    }

    func testHashedPatternCountsMatchCountingWholeWindows() throws {
        for seed in UInt64(1)...20 {
            var state = seed
            func next() -> UInt32 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt32(state >> 61)  // 8 tokens, skewed to make repeats likely
            }
            let size = VolumeSize(4 + Int(seed % 4), 3 + Int(seed % 3), 5)
            let volume = tokens("random", size) { _, _, _ in next() % (seed % 2 == 0 ? 2 : 8) }
            for k in 1...3 {
                var naive: [[UInt32]: Int] = [:]
                for x in 0...(size.x - k) { for y in 0...(size.y - k) { for z in 0...(size.z - k) {
                    var key: [UInt32] = []
                    for i in 0..<k { for j in 0..<k { for m in 0..<k {
                        key.append(volume.tokens[((x + i) * size.y + y + j) * size.z + z + m])
                    } } }
                    naive[key, default: 0] += 1
                } } }
                let counts = try PatternCounts(volume, patternSize: k)
                XCTAssertEqual(counts.distinct, naive.count, "seed \(seed), k \(k)")
                XCTAssertEqual(counts.total, naive.values.reduce(0, +), "seed \(seed), k \(k)")
            }
        }
    }

    func testVolumeSmallerThanPatternThrowsNamingTheVolume() {
        let small = tokens("sample_3.schem", VolumeSize(12, 8, 12)) { _, _, _ in 0 }
        XCTAssertThrowsError(try PatternCounts(small, patternSize: 10)) { error in
            XCTAssertEqual(error as? MetricsError,
                           .volumeSmallerThanPattern(volume: "sample_3.schem", size: VolumeSize(12, 8, 12), patternSize: 10))
            XCTAssertTrue("\(error)".contains("sample_3.schem is 12×8×12"))
        }
        XCTAssertThrowsError(try PatternCounts(small, patternSize: 0))
    }
}
