import Anvil
import Foundation
import Metrics
import XCTest

final class EvaluationTests: XCTestCase {
    private func hutLike(_ roof: String, palette reversed: Bool = false) -> BlockVolume {
        var v = BlockVolume(size: (8, 6, 7))
        if reversed { _ = v.index(of: BlockState(roof)); _ = v.index(of: BlockState("stone_bricks")) }
        for x in 0..<8 { for z in 0..<7 { v[x, 0, z] = BlockState("grass_block") } }
        for x in 1..<7 { for y in 1..<4 { v[x, y, 1] = BlockState("stone_bricks") } }
        for x in 0..<8 { for z in 0..<7 { v[x, 4, z] = BlockState(roof) } }
        return v
    }

    func testPalettesInDifferentOrderEncodeToTheSameTokens() throws {
        var vocabulary = SharedVocabulary()
        let a = try vocabulary.encode(hutLike("oak_planks"), name: "a")
        let b = try vocabulary.encode(hutLike("oak_planks", palette: true), name: "b")
        XCTAssertEqual(a.tokens, b.tokens)
        XCTAssertEqual(vocabulary.states.count, 4)
    }

    func testIgnoringPropertiesMakesStairsFacingDifferentWaysEqual() throws {
        let east = BlockVolume(size: (5, 5, 5), fill: BlockState("oak_stairs", ["facing": "east"]))
        let west = BlockVolume(size: (5, 5, 5), fill: BlockState("oak_stairs", ["facing": "west"]))
        let strict = try Evaluation(patternSizes: [5]).run(real: (name: "r", volume: east), samples: [(name: "s", volume: west)])
        let loose = try Evaluation(patternSizes: [5], comparison: .names)
            .run(real: (name: "r", volume: east), samples: [(name: "s", volume: west)])
        XCTAssertGreaterThan(strict.samples[0].tilePatternKL[0].value, 16)
        XCTAssertEqual(loose.samples[0].tilePatternKL[0].value, 0)
        XCTAssertEqual(loose.samples[0].histogramChiSquared, 0)
    }

    func testLeavesFarFromLogsAreNotARareBlockUnderCanonicalComparisonButAreAsWritten() throws {
        // Real: a log with leaves at distance 1; sample: the same count of leaves, detached, so
        // the recompute wrote distance 7 — a state the real volume never has.
        func leaves(_ distance: Int) -> BlockState { BlockState("oak_leaves", ["distance": "\(distance)", "persistent": "false"]) }
        var real = BlockVolume(size: (8, 8, 8)), sample = BlockVolume(size: (8, 8, 8))
        for x in 0..<8 { for z in 0..<8 { real[x, 0, z] = BlockState("dirt"); sample[x, 0, z] = BlockState("dirt") } }
        for y in 1..<7 { real[4, y, 4] = BlockState("oak_log", ["axis": "y"]) }
        for x in 0..<8 { for z in 0..<8 where (x, z) != (4, 4) { real[x, 6, z] = leaves(x == 4 || z == 4 ? 1 : 2) } }
        for x in 0..<8 { for z in 0..<8 where (x, z) != (4, 4) { sample[x, 6, z] = leaves(7) } }
        for y in 1..<7 { sample[4, y, 4] = BlockState("oak_log", ["axis": "y"]) }
        let pair = (real: (name: "r", volume: real), samples: [(name: "s", volume: sample)])
        let canonical = try Evaluation(patternSizes: [2]).run(real: pair.real, samples: pair.samples)
        let asWritten = try Evaluation(patternSizes: [2], comparison: .states).run(real: pair.real, samples: pair.samples)
        XCTAssertEqual(canonical.comparison, .canonical)
        XCTAssertEqual(canonical.samples[0].rareBlockInflation, 1, accuracy: 1e-12)
        XCTAssertEqual(canonical.samples[0].histogramChiSquared, 0, accuracy: 1e-12)
        XCTAssertEqual(asWritten.samples[0].rareBlockInflation, 63.0 / 10, accuracy: 1e-12)
        XCTAssertTrue(asWritten.samples[0].mostInflatedBlock.contains("distance=7"), asWritten.samples[0].mostInflatedBlock)
        XCTAssertTrue(canonical.table().contains("without neighbour-derived properties"), canonical.table())
    }

    func testRealAgainstItselfScoresZeroEverywhereAndReportsRoundTripThroughJSON() throws {
        let real = hutLike("oak_planks")
        let report = try Evaluation(patternSizes: [2, 5]).run(
            real: (name: "real.schem", volume: real),
            samples: [(name: "same.schem", volume: real), (name: "other.schem", volume: hutLike("bricks"))])
        XCTAssertEqual(report.samples.map(\.name), ["same.schem", "other.schem"])
        XCTAssertEqual(report.samples[0].tilePatternKL.map(\.value), [0, 0])
        XCTAssertEqual(report.samples[0].histogramChiSquared, 0)
        XCTAssertGreaterThan(report.samples[1].tilePatternKL[1].value, 1)
        // Roof layer: 56 of 336 voxels, oak (p = 1/6) vs bricks (q = 1/6): ½ · (1/6 + 1/6).
        XCTAssertEqual(report.samples[1].histogramChiSquared, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(report.hamming?.pairs, 1)
        XCTAssertEqual(try XCTUnwrap(report.hamming?.mean), 56.0 / 336, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(report.levenshtein?.mean), 56.0 / 336, accuracy: 1e-12)
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: Data(try report.jsonString().utf8))
        XCTAssertEqual(decoded, report)
        let table = report.table()
        XCTAssertTrue(table.contains("TPKL-2"), table)
        XCTAssertTrue(table.contains("other.schem"), table)
        XCTAssertTrue(table.contains("Hamming 0.1667 (1 pair)"), table)
    }

    func testSampleSmallerThanPatternNamesTheSample() {
        XCTAssertThrowsError(try Evaluation(patternSizes: [5]).run(
            real: (name: "real", volume: hutLike("stone")),
            samples: [(name: "tiny.schem", volume: BlockVolume(size: (3, 3, 3)))])) { error in
            guard case let MetricsError.volumeSmallerThanPattern(name, _, k) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(name, "tiny.schem")
            XCTAssertEqual(k, 5)
        }
    }

    func testDamagedPaletteIndexIsReportedNotTrapped() {
        var broken = BlockVolume(size: (2, 2, 2))
        broken.indices[3] = 9
        XCTAssertThrowsError(try Evaluation(patternSizes: [1]).run(real: (name: "real", volume: broken),
                                                                    samples: [(name: "s", volume: broken)])) { error in
            XCTAssertEqual(error as? MetricsError, .paletteIndexOutOfRange(volume: "real", offset: 3, index: 9, paletteCount: 1))
        }
    }

    func testNoSamplesIsAnError() {
        XCTAssertThrowsError(try Evaluation().run(real: (name: "r", volume: hutLike("stone")), samples: [])) {
            XCTAssertEqual($0 as? MetricsError, .noSamples)
        }
    }
}
