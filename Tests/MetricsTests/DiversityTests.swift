import Metrics
import XCTest

final class DiversityTests: XCTestCase {
    private func volume(_ tokens: [UInt32], _ size: VolumeSize? = nil) -> TokenVolume {
        TokenVolume(name: "v", size: size ?? VolumeSize(tokens.count, 1, 1), tokens: tokens)
    }

    func testHammingOfKnownPairs() {
        let a = volume(Array(repeating: 0, count: 24), VolumeSize(2, 3, 4))
        var t = a.tokens
        t[0] = 1; t[5] = 2; t[23] = 1
        let b = volume(t, VolumeSize(2, 3, 4))
        XCTAssertEqual(Diversity.normalizedHamming(a, b), 0.125)
        XCTAssertEqual(Diversity.normalizedHamming(a, a), 0)
        XCTAssertNil(Diversity.normalizedHamming(a, volume(Array(repeating: 0, count: 24), VolumeSize(4, 3, 2))))
    }

    func testMeanHammingUsesOnlyEqualSizePairs() throws {
        let a = volume([0, 0, 0, 0]), b = volume([0, 1, 1, 0]), c = volume([1, 1, 1, 1]), odd = volume([0, 0])
        let mean = try XCTUnwrap(Diversity.meanHamming([a, b, c, odd]))
        XCTAssertEqual(mean.pairs, 3)                          // ab, ac, bc
        XCTAssertEqual(mean.mean, (0.5 + 1 + 0.5) / 3, accuracy: 1e-15)
        XCTAssertNil(Diversity.meanHamming([a, odd]))
    }

    func testLevenshteinOfClassicPairs() {
        func ids(_ s: String) -> [UInt32] { s.unicodeScalars.map { $0.value } }
        XCTAssertEqual(EditDistance.levenshtein(ids("kitten"), ids("sitting")), 3)
        XCTAssertEqual(EditDistance.levenshtein(ids("flaw"), ids("lawn")), 2)
        XCTAssertEqual(EditDistance.levenshtein([], ids("abc")), 3)
        XCTAssertEqual(EditDistance.levenshtein(ids("abc"), ids("abc")), 0)
        XCTAssertEqual(Diversity.normalizedLevenshtein(volume(ids("kitten")), volume(ids("sitting"))), 3.0 / 7, accuracy: 1e-15)
    }

    func testBitParallelLevenshteinMatchesTheTwoRowDPAcrossBlockBoundaries() {
        for seed in UInt64(1)...40 {
            var state = seed
            func next(_ n: UInt64) -> UInt32 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return UInt32((state >> 33) % n)
            }
            let lengths = [1, 63, 64, 65, 127, 128, 129, 200]
            let a = (0..<lengths[Int(seed) % lengths.count]).map { _ in next(seed % 3 == 0 ? 2 : 5) }
            let b = (0..<lengths[Int(seed / 3) % lengths.count] + Int(seed % 7)).map { _ in next(seed % 3 == 0 ? 2 : 5) }
            XCTAssertEqual(EditDistance.levenshtein(a, b), twoRowLevenshtein(a, b), "seed \(seed)")
            XCTAssertEqual(EditDistance.levenshtein(b, a), twoRowLevenshtein(a, b), "seed \(seed), swapped")
        }
    }

    /// The textbook O(n·m) dynamic programme, as the reference.
    private func twoRowLevenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(0...b.count), current = previous
        for i in 1...max(1, a.count) where !a.isEmpty {
            current[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }

    func testMeanLevenshteinCoversAllUnorderedPairs() throws {
        let mean = try XCTUnwrap(Diversity.meanLevenshtein([volume([0, 0]), volume([0, 1]), volume([1, 1])]))
        XCTAssertEqual(mean.pairs, 3)
        XCTAssertEqual(mean.mean, (0.5 + 1 + 0.5) / 3, accuracy: 1e-15)
        XCTAssertNil(Diversity.meanLevenshtein([volume([0])]))
    }

    func testHistogramChiSquaredOfKnownMixes() {
        XCTAssertEqual(BlockHistogram.chiSquaredDistance(volume([0, 0, 1, 1]), volume([1, 0, 1, 0])), 0)
        XCTAssertEqual(BlockHistogram.chiSquaredDistance(volume([0, 0]), volume([1, 2, 1])), 1, accuracy: 1e-15)
        // p = (½, ½), q = (¾, ¼): ½ · (¼²/1¼ + ¼²/¾) = 1/15.
        XCTAssertEqual(BlockHistogram.chiSquaredDistance(volume([0, 0, 1, 1]), volume([0, 0, 0, 1])), 1.0 / 15, accuracy: 1e-15)
    }
}
