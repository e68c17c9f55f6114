import Anvil
import Block2Vec
import Foundation
import Metrics
import Tensor
import WorldGAN
import XCTest

final class PatchLayoutTests: XCTestCase {
    /// A one-hot image of `size` over 3 channels: token = a fixed function of the voxel.
    private func oneHot(_ size: [Int], token: (Int, Int, Int) -> Int) -> Tensor {
        let n = size.reduce(1, *)
        var data = [Float](repeating: 0, count: 3 * n)
        for x in 0..<size[0] { for y in 0..<size[1] { for z in 0..<size[2] {
            data[token(x, y, z) * n + (x * size[1] + y) * size[2] + z] = 1
        } } }
        return Tensor(shape: [1, 3] + size, data: data)
    }

    private let hall: (Int, Int, Int) -> Int = { x, y, z in y == 0 ? 2 : (x % 4 == 1 && z % 4 == 1 && y < 6) ? 1 : 0 }

    /// Every patch of the source is its own nearest neighbour at distance 0, so with no noise
    /// the source comes back exactly.
    func testTheSourceItselfWithoutNoiseComesBackUnchanged() {
        let source = oneHot([9, 8, 9], token: hall)
        var layout = PatchLayout()
        layout.noiseDeviation = 0
        layout.levels = 1
        layout.exclusion = 0
        let out = layout.generate(source: source, start: source, size: [9, 8, 9], seed: 3)
        XCTAssertEqual(out.shape, source.shape)
        XCTAssertEqual(zip(out.data, source.data).map { abs($0 - $1) }.max() ?? 1, 0, accuracy: 1e-5)
    }

    /// The argmax token of every voxel of a `[1, 3] + size` image.
    private func tokens(_ image: Tensor) -> [Int] {
        let n = image.data.count / 3
        return (0..<n).map { v in (0..<3).max { image.data[$0 * n + v] < image.data[$1 * n + v] } ?? 0 }
    }

    /// Started from the source itself (a coarsest generator that learnt only to reproduce its
    /// input), the layout still moves the terrain: with the default exclusion no seed gives the
    /// source back, while the same rounds without it fall onto the identity arrangement. Column
    /// patches keep every height's composition: the share of each token per layer stays close.
    func testTheLayoutMovesItsSourceInsteadOfCopyingIt() {
        // A hillside: stone under dirt under air, its surface height an irregular function of x, z.
        let size = [12, 8, 12]
        let height: (Int, Int) -> Int = { x, z in 2 + (x * x + 3 * z + (x * z) % 4) % 5 }
        let source = oneHot(size, token: { x, y, z in y < height(x, z) - 1 ? 2 : y < height(x, z) ? 1 : 0 })
        let real = tokens(source)
        func layer(_ t: [Int], _ y: Int, _ token: Int) -> Double {
            var count = 0
            for x in 0..<12 { for z in 0..<12 where t[(x * 8 + y) * 12 + z] == token { count += 1 } }
            return Double(count) / 144
        }
        var copying = PatchLayout()
        copying.exclusion = 0
        copying.noiseDeviation = 0
        XCTAssertEqual(tokens(copying.generate(source: source, start: source, size: size, seed: 1)), real)
        var layouts: [[Int]] = []
        for seed: UInt64 in 1...3 {
            let moved = tokens(PatchLayout().generate(source: source, start: source, size: size, seed: seed))
            layouts.append(moved)
            let equal = Double(zip(moved, real).filter { $0 == $1 }.count) / Double(real.count)
            XCTAssertLessThan(equal, 0.95, "seed \(seed): \(equal) of the voxels as in the source")
            for y in 0..<8 { for token in 0..<3 {
                XCTAssertEqual(layer(moved, y, token), layer(real, y, token), accuracy: 0.2, "seed \(seed), y \(y), token \(token)")
            } }
        }
        XCTAssertGreaterThan(Set(layouts).count, 1, "every seed gave the same layout")
    }

    /// On sources as small as a coarsest scale (8×8 columns of random terrain with a few trunks)
    /// and a blurred start (what a coarsest generator gives on fresh noise: it hedges), twelve
    /// seeds give twelve different layouts with the default layout: no two share 90% of their
    /// voxels. With three levels (the default before) the first level was 5×5, nine columns to
    /// arrange, and seeds fell onto the same arrangement (identical layouts on two of these four
    /// terrains).
    func testSeedsOfASmallSourceGiveDistinctLayouts() {
        let size = [8, 8, 8]
        var closest = ["default": 0.0, "three levels": 0.0]
        var threeLevels = PatchLayout()
        threeLevels.levels = 3
        for terrain: UInt64 in 40..<44 {
            var rng = SeededGenerator(seed: terrain)
            let heights = (0..<64).map { _ in Int.random(in: 2...6, using: &rng) }
            let trunks = (0..<64).map { _ in Int.random(in: 0..<9, using: &rng) == 0 }
            let source = oneHot(size, token: { x, y, z in
                let h = heights[x * 8 + z]
                return y < h - 1 ? 2 : y < h ? 1 : (trunks[x * 8 + z] && y < h + 3) ? 1 : 0
            })
            let start = source.resized(to: [4, 4, 4]).resized(to: size)
            for (name, layout) in [("default", PatchLayout()), ("three levels", threeLevels)] {
                let samples = (1...12).map { seed in tokens(layout.generate(source: source, start: start, size: size, seed: UInt64(seed))) }
                for i in samples.indices { for j in samples.indices where j > i {
                    let equal = Double(zip(samples[i], samples[j]).filter { $0 == $1 }.count) / Double(samples[i].count)
                    closest[name] = max(closest[name] ?? 0, equal)
                    if name == "default" { XCTAssertLessThan(equal, 0.9, "terrain \(terrain): seeds \(i + 1) and \(j + 1) share \(equal) of their voxels") }
                } }
            }
        }
        XCTAssertGreaterThan(closest["three levels"] ?? 0, closest["default"] ?? 1, "three levels gave layouts as distinct as the default: \(closest)")
    }

    /// From a noisy start of another size the layout is built of source patches only: every
    /// value is a mean of source values (here in [0, 1], channels summing to 1), the same seed
    /// repeats the image, another seed gives another.
    func testALargerLayoutIsMadeOfSourcePatchesAndFollowsItsSeed() {
        let source = oneHot([9, 8, 9], token: hall)
        var rng = SeededGenerator(seed: 11)
        let start = Tensor.randomNormal([1, 3, 14, 8, 14], using: &rng)
        // Cubes: the hall is so regular that its full-height columns admit only one arrangement
        // (seeds of column layouts: testTheLayoutMovesItsSourceInsteadOfCopyingIt).
        var layout = PatchLayout()
        layout.columnPatches = false
        let a = layout.generate(source: source, start: start, size: [14, 8, 14], seed: 1)
        let b = layout.generate(source: source, start: start, size: [14, 8, 14], seed: 1)
        let c = layout.generate(source: source, start: start, size: [14, 8, 14], seed: 2)
        XCTAssertEqual(a.shape, [1, 3, 14, 8, 14])
        XCTAssertTrue(a.data == b.data, "the same seed gave another layout")
        XCTAssertTrue(a.data != c.data, "another seed gave the same layout")
        XCTAssertTrue(a.data.allSatisfy { $0 >= -1e-5 && $0 <= 1 + 1e-5 })
        let n = 14 * 8 * 14
        for v in 0..<n { XCTAssertEqual(a.data[v] + a.data[n + v] + a.data[2 * n + v], 1, accuracy: 1e-4) }
    }

    /// From what `generate` passes as the start, a coarse image of the structure (here the hall
    /// stretched to a new size) under noise, the floor stays the bottom layer: planks dominate
    /// y = 0 (89% or more with one layout level; the lowest was 0.894). (From pure noise nothing
    /// holds the floor there: which arrangement the rounds settle on then turns on rounding, and
    /// it differed between machines.)
    func testALargerLayoutKeepsTheFloorOfItsStart() {
        let source = oneHot([9, 8, 9], token: hall)
        for startSeed: UInt64 in [11, 12, 13] {
            var rng = SeededGenerator(seed: startSeed)
            let start = source.resized(to: [14, 8, 14]) + Tensor.randomNormal([1, 3, 14, 8, 14], using: &rng) * 0.5
            var layout = PatchLayout()
            layout.columnPatches = false
            let a = layout.generate(source: source, start: start, size: [14, 8, 14], seed: 1)
            let n = 14 * 8 * 14
            let floor = (0..<14).flatMap { x in (0..<14).map { z in a.data[2 * n + (x * 8) * 14 + z] } }
            XCTAssertGreaterThan(floor.reduce(0, +) / Float(floor.count), 0.85, "start seed \(startSeed)")
        }
    }

    /// Refinement snaps a finer generator's image back onto the source's patches: a noisy copy
    /// of the hall comes back as the hall, and a blurred hall comes back closer to the hall.
    func testRefinementPutsTheSourcesPatchesBackIntoANoisyOrBlurredImage() {
        let source = oneHot([9, 8, 9], token: hall)
        var rng = SeededGenerator(seed: 5)
        let noisy = source + Tensor.randomNormal(source.shape, using: &rng) * 0.1
        let layout = PatchLayout()
        let refined = layout.refined(noisy, source: source)
        XCTAssertEqual(refined.shape, source.shape)
        XCTAssertEqual(zip(refined.data, source.data).map { abs($0 - $1) }.max() ?? 1, 0, accuracy: 1e-4)

        // A blurred hall (down to 5×4×5 and back, as a coarser scale hands it up) comes back closer.
        let blurred = source.resized(to: [5, 4, 5]).resized(to: [9, 8, 9])
        let sharpened = layout.refined(blurred, source: source)
        let n = 9 * 8 * 9
        func agreement(_ t: Tensor) -> Float {
            let argmax = { (u: Tensor, v: Int) in (0..<3).max { u.data[$0 * n + v] < u.data[$1 * n + v] } ?? 0 }
            return Float((0..<n).filter { argmax(t, $0) == argmax(source, $0) }.count) / Float(n)
        }
        // Measured: 0.850 of the voxels' strongest channel right before, 0.943 after.
        XCTAssertGreaterThan(agreement(sharpened), 0.93)
        XCTAssertGreaterThan(agreement(sharpened), agreement(blurred) + 0.05)
        // Each refined voxel is one of the values the source has (a one-hot vector), not a blend
        // of patches that disagree there.
        XCTAssertTrue(sharpened.data.allSatisfy { $0 == 0 || $0 == 1 }, "blended values left after refinement")
        for v in 0..<n { XCTAssertEqual(sharpened.data[v] + sharpened.data[n + v] + sharpened.data[2 * n + v], 1) }
    }

    /// Refinement costs (output patches × source patches); beyond the budget a scale is left to
    /// its generator, and no rounds means no refinement at all.
    func testRefinementIsSkippedBeyondItsBudget() {
        var layout = PatchLayout()
        XCTAssertTrue(layout.refines(size: [48, 17, 48], sourceSize: [48, 17, 48]))     // 31 740² ≈ 1.0e9
        XCTAssertFalse(layout.refines(size: [192, 17, 192], sourceSize: [48, 17, 48]))  // 16×: 1.6e10
        layout.refinementRounds = 0
        XCTAssertFalse(layout.refines(size: [10, 8, 10], sourceSize: [10, 8, 10]))
    }

    /// The quality issue's learning test: the quick preset on a pillared hall (24×10×24, a plank
    /// floor, 2×2 stone pillars 7 high every 6 blocks), sampled with the patch layout (generate's
    /// default, finer scales refined by patches, the finest against the input itself): samples have pillars — stone columns whose
    /// vertical run is the input's pillar height within ±2 — at least two pillars' worth (8) per
    /// sample on average and at least one pillar (4) in every sample, and no block state is
    /// inflated beyond 2×. The input has 64 such columns; measured with seed 4: 34, 22, 45, 12, 30
    /// (refined against the reconstruction at the finest scale too: 8, 26, 8, 35, 40;
    /// before the finer scales were refined: 54, 2, 26, 0, 20).
    func testSamplesOfAPillaredHallHavePillarsOfItsHeightAndNoInflatedBlock() throws {
        let size = (24, 10, 24), pillarHeight = 7
        var indices: [UInt32] = []
        for x in 0..<size.0 { for y in 0..<size.1 { for z in 0..<size.2 {
            let pillar = [1, 2].contains(x % 6) && [1, 2].contains(z % 6) && y <= pillarHeight
            indices.append(y == 0 ? 2 : pillar ? 1 : 0)
        } } }
        let volume = BlockVolume(size: size, palette: PillarWorld.tokens.compactMap { BlockState(token: $0) }, indices: indices)
        var config = TrainingConfig.quick
        config.seed = 4
        let embeddings = Embeddings.oneHot(tokens: PillarWorld.tokens)
        let real = Tensor(shape: [1, 3, size.0, size.1, size.2], data: try embeddings.channelMajorValues(of: volume, file: "hall"))
        let trainer = try PyramidTrainer(real: real, config: config)
        try trainer.train { _, _ in .continue }

        let input = TokenVolume(name: "real", size: VolumeSize(size.0, size.1, size.2), tokens: indices)
        let measures = StructureMeasures(roles: [.empty, .solid, .solid])
        var counts: [Int] = []
        for seed in 0..<5 as Range<UInt64> {
            let sample = trainer.pyramid.sample(seed: seed, layout: PatchLayout(), input: real)
            let decoded = try trainer.pyramid.decode(sample, embeddings: embeddings)
            var columns = 0
            for x in 0..<size.0 { for z in 0..<size.2 {
                var run = 0, longest = 0
                for y in 0..<size.1 {
                    run = decoded.indices[(x * size.1 + y) * size.2 + z] == 1 ? run + 1 : 0
                    longest = max(longest, run)
                }
                if abs(longest - pillarHeight) <= 2 { columns += 1 }
            } }
            counts.append(columns)
            let tokens = TokenVolume(name: "sample", size: input.size, tokens: decoded.indices)
            let inflation = measures.rareBlockInflation(real: input, sample: tokens)
            XCTAssertLessThanOrEqual(inflation.ratio, 2, "seed \(seed): token \(inflation.token) ×\(inflation.ratio)")
        }
        print("pillared hall: stone columns \(pillarHeight) ± 2 high per sample \(counts)")
        XCTAssertGreaterThanOrEqual(counts.reduce(0, +), 8 * counts.count, "columns per sample \(counts)")
        XCTAssertTrue(counts.allSatisfy { $0 >= 4 }, "every sample has a pillar: \(counts)")
    }
}
