import Anvil
import Block2Vec
import XCTest

final class SubsamplingTests: XCTestCase {
    /// 30³ voxels: stone almost everywhere, 300 dirt, 8 isolated gold voxels.
    private func skewedVolume() -> BlockVolume {
        TestVolumes.make(30, 30, 30) { x, y, z in
            if x % 10 == 5 && y % 10 == 5 && z % 10 == 5 && max(x, y, z) < 20 { return "minecraft:gold_block" }
            if x == 7 && y < 30 && z < 10 { return "minecraft:dirt" }
            return "minecraft:stone"
        }
    }

    func testSampledTokenShareFollowsTheKeepProbabilities() throws {
        let data = try SkipGramDataset(volume: skewedVolume(), subsampleThreshold: 1e-3)
        let v = data.vocabulary.count
        // Draws are uniform over targets and kept with probability keep(token), so the kept
        // samples' token distribution is proportional to interior share × keep.
        var interior = [Double](repeating: 0, count: v)
        for o in data.targetOffsets { interior[Int(data.tokens[Int(o)])] += 1 }
        let keep = data.discardProbabilities.map { min(1, 1 - $0) }
        let weights = zip(interior, keep).map { $0 * $1 }
        let expected = weights.map { $0 / weights.reduce(0, +) }

        var rng = SeededGenerator(seed: 11)
        var sampled = [Double](repeating: 0, count: v)
        let epoch = data.epochSamples(using: &rng)
        XCTAssertEqual(epoch.count, data.sampleCount)
        for o in epoch { sampled[Int(data.tokens[Int(o)])] += 1 }
        let n = Double(epoch.count)
        let stone = try XCTUnwrap(data.vocabulary.index(of: "minecraft:stone"))
        XCTAssertLessThan(keep[stone], 0.2, "stone is common enough to be mostly discarded")
        for t in 0..<v {
            let sigma = (expected[t] * (1 - expected[t]) / n).squareRoot()
            XCTAssertEqual(sampled[t] / n, expected[t], accuracy: 6 * sigma + 1e-9,
                           "token \(data.vocabulary.tokens[t]) (seed 11)")
        }
        // Gold fills 8 of 21952 targets; subsampling the others lifts its share over tenfold.
        let gold = try XCTUnwrap(data.vocabulary.index(of: "minecraft:gold_block"))
        XCTAssertGreaterThan(sampled[gold] / n, 10 * interior[gold] / Double(data.sampleCount))
    }

    func testRareTokensAreAlwaysKept() throws {
        let data = try SkipGramDataset(volume: skewedVolume(), subsampleThreshold: 1e-3)
        let gold = try XCTUnwrap(data.vocabulary.index(of: "minecraft:gold_block"))
        XCTAssertLessThan(data.discardProbabilities[gold], 0, "gold is rare: negative discard probability")
        let goldTargets = Set(data.targetOffsets.filter { data.tokens[Int($0)] == Int32(gold) })
        XCTAssertEqual(goldTargets.count, 8)
        for seed: UInt64 in [1, 2, 3] {
            var rng = SeededGenerator(seed: seed)
            let drawn = Set(data.epochSamples(using: &rng))
            XCTAssertTrue(goldTargets.isSubset(of: drawn), "every gold target is kept in its slot (seed \(seed))")
        }
    }

    func testWithoutSubsamplingAnEpochIsAPermutationOfAllTargets() throws {
        let data = try SkipGramDataset(volume: skewedVolume(), subsampleThreshold: nil)
        var rng = SeededGenerator(seed: 5)
        let epoch = data.epochSamples(using: &rng)
        XCTAssertEqual(epoch.sorted(), data.targetOffsets.sorted())
        XCTAssertNotEqual(epoch, data.targetOffsets, "the order is shuffled")
    }

    func testEqualSeedsDrawEqualEpochs() throws {
        let data = try SkipGramDataset(volume: skewedVolume())
        var a = SeededGenerator(seed: 9), b = SeededGenerator(seed: 9), c = SeededGenerator(seed: 10)
        let ea = data.epochSamples(using: &a)
        XCTAssertEqual(ea, data.epochSamples(using: &b))
        XCTAssertNotEqual(ea, data.epochSamples(using: &c))
    }

    func testTargetsAreInteriorAndContextsAreTheTwentySixNeighbours() throws {
        let volume = TestVolumes.make(4, 5, 6) { x, y, z in "test:t\(x)_\(y)_\(z)" }
        let data = try SkipGramDataset(volume: volume, subsampleThreshold: nil)
        XCTAssertEqual(data.sampleCount, 2 * 3 * 4)
        let centre = volume.offset(2, 3, 1)
        XCTAssertTrue(data.targetOffsets.contains(Int32(centre)))
        XCTAssertFalse(data.targetOffsets.contains(Int32(volume.offset(0, 1, 1))))
        var targets = [Int32](repeating: 0, count: 1), contexts = [Int32](repeating: 0, count: 26)
        [Int32(centre)].withUnsafeBufferPointer { s in
            targets.withUnsafeMutableBufferPointer { t in
                contexts.withUnsafeMutableBufferPointer { c in data.gather(samples: s, targets: t, contexts: c) }
            }
        }
        func token(_ i: Int32) -> String { data.vocabulary.tokens[Int(i)] }
        XCTAssertEqual(token(targets[0]), "test:t2_3_1")
        var expected: [String] = []
        for dx in -1...1 { for dy in -1...1 { for dz in -1...1 where (dx, dy, dz) != (0, 0, 0) {
            expected.append("test:t\(2 + dx)_\(3 + dy)_\(1 + dz)")
        } } }
        XCTAssertEqual(contexts.map(token), expected)
    }

    func testVolumesThinnerThanThreeVoxelsAreRejected() {
        let flat = BlockVolume(size: (10, 2, 10), fill: BlockState("minecraft:stone"))
        XCTAssertThrowsError(try SkipGramDataset(volume: flat)) { error in
            XCTAssertEqual(error as? Block2VecError, .volumeTooSmall(sizeX: 10, sizeY: 2, sizeZ: 10))
            XCTAssertTrue("\(error)".contains("10×2×10"))
        }
    }
}

final class CorruptVolumeTests: XCTestCase {
    func testPaletteIndicesPastThePaletteAreReportedNotTrapped() {
        var indices = [UInt32](repeating: 0, count: 27)
        indices[13] = 5
        let volume = BlockVolume(size: (3, 3, 3), palette: [BlockState("minecraft:stone")], indices: indices)
        let expected = Block2VecError.paletteIndexOutOfRange(voxel: 13, index: 5, paletteCount: 1)
        XCTAssertThrowsError(try SkipGramDataset(volume: volume)) { XCTAssertEqual($0 as? Block2VecError, expected) }
        let e = Embeddings(tokens: ["minecraft:stone"], dimension: 1, vectors: [1])
        XCTAssertThrowsError(try e.channelMajorValues(of: volume, file: "e.txt")) {
            XCTAssertEqual($0 as? Block2VecError, expected)
        }
    }
}
