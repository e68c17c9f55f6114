import Tensor
import WorldGAN
import XCTest

/// Tiled sampling reproduces the whole-volume pass bit for bit, whatever the tiles.
final class TiledSamplerTests: XCTestCase {
    /// A three-scale pyramid of random generators (non-trivial BatchNorm statistics) whose scale
    /// ratios are not integers, so windows cross fractional resize taps.
    private func pyramid(seed: UInt64) -> TrainedPyramid {
        var rng = SeededGenerator(seed: seed)
        let channels = 5
        let generators = (0..<3).map { _ -> Generator in
            let g = Generator(channels: channels, features: 8, using: &rng)
            for (_, norm) in g.net.normalizations {
                norm.runningMean = (0..<8).map { _ in rng.nextNormal() * 0.1 }
                norm.runningVariance = (0..<8).map { _ in 0.5 + rng.nextUniform() }
            }
            for p in g.parameters { p.data = p.data.map { $0 * 20 } }   // weights large enough that noise shows
            return g
        }
        let shapes = [[5, 4, 6], [8, 6, 9], [11, 8, 13]]
        return TrainedPyramid(channels: channels, generators: generators, shapes: shapes, noiseAmplitudes: [1, 0.3, 0.2],
                              fixedNoise: Tensor.randomNormal([1, channels] + shapes[0], using: &rng))
    }

    /// The whole window stitched from tiles of `side` voxels along X and Z.
    private func stitched(_ sampler: TiledSampler, side: Int) -> [Float] {
        let finest = sampler.geometry.finest
        var out = [Float](repeating: .nan, count: sampler.pyramid.channels * finest.reduce(1, *))
        for tile in sampler.tiles(of: sampler.geometry.whole, tileSize: side) {
            let part = sampler.window(tile)
            XCTAssertEqual(Array(part.shape[2...]), tile.map(\.count))
            for c in 0..<sampler.pyramid.channels {
                for (i, x) in tile[0].enumerated() { for (j, y) in tile[1].enumerated() { for (k, z) in tile[2].enumerated() {
                    let from = (((c * tile[0].count + i) * tile[1].count + j) * tile[2].count) + k
                    out[((c * finest[0] + x) * finest[1] + y) * finest[2] + z] = part.data[from]
                } } }
            }
        }
        return out
    }

    private func assertBitIdentical(_ a: [Float], _ b: [Float], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.count, b.count, message, file: file, line: line)
        let differing = zip(a, b).filter { $0.bitPattern != $1.bitPattern }.count
        XCTAssertEqual(differing, 0, "\(message): \(differing) of \(a.count) values differ", file: file, line: line)
    }

    func testTilesOfAnySizeStitchToTheWholeVolumePassBitForBit() {
        let pyramid = pyramid(seed: 3)
        // Z longest (row axis 2) and X longest (row axis 0), both with fractional scale ratios.
        for finest in [[29, 8, 37], [41, 8, 23]] {
            let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, finest: finest)
            let sampler = TiledSampler(pyramid, geometry: geometry, seed: 11)
            let whole = sampler.window(geometry.whole).data
            XCTAssertFalse(whole.contains { !$0.isFinite })
            for side in [5, 8, 13, 16, 64] {
                assertBitIdentical(stitched(sampler, side: side), whole, "finest \(finest), tiles of \(side)")
            }
        }
    }

    /// With a patch layout the coarsest scale and the refined finer scales are computed once for
    /// the whole volume: tiles still stitch to the whole pass, and a budget that refines only the
    /// middle scale leaves the finest to its generator (another sample than refining all).
    func testWithAPatchLayoutTilesStillStitchToTheWholePass() {
        let pyramid = pyramid(seed: 5)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, finest: [29, 8, 37])
        var layout = PatchLayout()
        layout.refinementBudget = 1_000_000    // the middle scale: 1 824 × 168 patch pairs; the finest: 5 670 × 594
        let sampler = TiledSampler(pyramid, geometry: geometry, seed: 2, layout: layout)
        XCTAssertEqual(sampler.fixedImages.count, 2, "coarsest layout and the middle scale; the finest is tiled")
        let whole = sampler.window(geometry.whole).data
        for side in [8, 13] { assertBitIdentical(stitched(sampler, side: side), whole, "patch layout, tiles of \(side)") }

        layout.refinementRounds = 0
        let unrefined = TiledSampler(pyramid, geometry: geometry, seed: 2, layout: layout)
        XCTAssertEqual(unrefined.fixedImages.count, 1)
        XCTAssertNotEqual(unrefined.window(geometry.whole).data, whole)
    }

    /// Given the training input's own image, the finest scale is refined against it instead of
    /// its reconstruction: every voxel of a same-size sample is then one of the input's voxel
    /// vectors (here 5-channel one-hot tokens), which no voxel of the reconstruction-refined
    /// sample of random generators is; tiles still stitch to the whole pass.
    func testTheFinestScaleIsRefinedAgainstTheInputWhenGiven() {
        let pyramid = pyramid(seed: 5)
        let shape = pyramid.shapes[2], n = shape.reduce(1, *)
        var input = [Float](repeating: 0, count: 5 * n)
        for v in 0..<n { input[((v * 7 + v / 13) % 5) * n + v] = 1 }
        let image = Tensor(shape: [1, 5] + shape, data: input)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, finest: shape)
        func isInputVector(_ data: [Float], _ v: Int) -> Bool {
            let values = (0..<5).map { data[$0 * n + v] }
            return values.allSatisfy { $0 == 0 || $0 == 1 } && values.reduce(0, +) == 1
        }
        let refined = TiledSampler(pyramid, geometry: geometry, seed: 2, layout: PatchLayout(), input: image)
        let whole = refined.window(geometry.whole).data
        XCTAssertTrue((0..<n).allSatisfy { isInputVector(whole, $0) }, "a voxel not taken from the input")
        assertBitIdentical(stitched(refined, side: 5), whole, "refined against the input, tiles of 5")
        let own = TiledSampler(pyramid, geometry: geometry, seed: 2, layout: PatchLayout()).window(geometry.whole).data
        XCTAssertFalse((0..<n).contains { isInputVector(own, $0) })
    }

    func testAnyWindowEqualsTheSameVoxelsOfTheWholePass() {
        let pyramid = pyramid(seed: 5)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, factors: (2.7, 1.3, 3.1))
        let sampler = TiledSampler(pyramid, geometry: geometry, seed: 2, startScale: 1, noiseScale: 3)
        let finest = geometry.finest
        let whole = sampler.window(geometry.whole)
        var rng = SeededGenerator(seed: 9)
        for trial in 0..<6 {
            let window = (0..<3).map { a -> Range<Int> in
                let lower = Int(rng.nextUniform() * Float(finest[a] - 1))
                return lower..<(lower + 1 + Int(rng.nextUniform() * Float(finest[a] - lower - 1)))
            }
            let part = sampler.window(window)
            let expected = whole.cropped(offset: window.map(\.lowerBound), size: window.map(\.count))
            assertBitIdentical(part.data, expected.data, "trial \(trial) (seed 9), window \(window)")
        }
    }

    func testAVX2AndAVX512KernelsGiveTheSameSample() {
        // Shards of one area may run on machines with different vector units.
        let pyramid = pyramid(seed: 8)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, finest: [33, 8, 27])
        let sampler = TiledSampler(pyramid, geometry: geometry, seed: 1)
        let native = sampler.window(geometry.whole).data
        let avx2 = KernelInstructionSet.withAVX2Only { sampler.window(geometry.whole).data }
        assertBitIdentical(avx2, native, "AVX2 vs \(KernelInstructionSet.current)")
    }

    func testTheSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        let pyramid = pyramid(seed: 7)
        let a = pyramid.sample(scale: (1.5, 1, 1.5), seed: 4).values
        XCTAssertEqual(a, pyramid.sample(scale: (1.5, 1, 1.5), seed: 4).values)
        XCTAssertNotEqual(a, pyramid.sample(scale: (1.5, 1, 1.5), seed: 5).values)
    }

    func testTheMemoryEstimateGrowsWithTheTileAndTheLargestTileFitsItsBudget() {
        let pyramid = pyramid(seed: 1)
        let geometry = SampleGeometry(shapes: pyramid.shapes, scales: 3, finest: [400, 8, 400])
        let memory = TileMemory(pyramid: pyramid, geometry: geometry)
        let small = memory.bytes(for: [0..<16, 0..<8, 0..<16]), large = memory.bytes(for: [0..<128, 0..<8, 0..<128])
        XCTAssertLessThan(small, large)
        let budget = 4 << 20
        let side = memory.largestTile(within: budget)
        XCTAssertEqual(side % SampleGeometry.alignment, 0)
        XCTAssertLessThanOrEqual(memory.bytes(for: [100..<(100 + side), 0..<8, 100..<(100 + side)]), budget)
        XCTAssertGreaterThan(memory.bytes(for: [100..<(100 + side + 8), 0..<8, 100..<(100 + side + 8)]), budget)
    }
}
