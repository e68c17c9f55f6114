import Anvil
import Foundation
import Metrics
import NBT
import TestSupport
import XCTest

/// `worldgan generate` end to end on a tiny run trained from a corner of the sample world.
final class GenerateCommandTests: XCTestCase {
    private var dir: URL!
    private var run: URL!

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory(self)
        let schem = dir.appendingPathComponent("small.schem")
        let world = Fixtures.project("worlds/ruins").path
        let extract = try CLIRunner.run(["extract", world, "--from", "48", "-63", "48", "--to", "71", "-52", "71", "-o", schem.path])
        XCTAssertEqual(extract.status, 0, extract.output)
        run = dir.appendingPathComponent("run")
        let train = try CLIRunner.run(["train", schem.path, "-o", run.path, "--iterations", "3", "--nfc", "8",
                                       "--scale-factors", "0.5,1", "--previews", "0", "--epochs", "2", "-q"])
        XCTAssertEqual(train.status, 0, train.output)
    }

    private func generate(_ extra: [String], into name: String) throws -> [BlockVolume] {
        let out = dir.appendingPathComponent(name)
        let r = try CLIRunner.run(["generate", run.path, "--count", "2", "-o", out.path, "-q"] + extra)
        XCTAssertEqual(r.status, 0, r.output)
        return try (0..<2).map { try SchematicFile.read(out.appendingPathComponent("sample-\($0).schem")).volume }
    }

    func testSamplesHaveTheScaledShapeUseTheVocabularyAndRepeatForTheSameSeed() throws {
        let real = try SchematicFile.read(run.appendingPathComponent("real.schem")).volume
        // Neighbour-derived properties (stair corners, leaf distances…) are recomputed for the
        // generated neighbours, so samples use the run's vocabulary up to those.
        let vocabulary = Set(real.palette.map(DerivedProperties.canonical))
        let a = try generate(["--scale", "2", "1", "2", "--seed", "7"], into: "a")
        let b = try generate(["--scale", "2", "1", "2", "--seed", "7"], into: "b")
        let c = try generate(["--scale", "2", "1", "2", "--seed", "8"], into: "c")
        for v in a {
            XCTAssertEqual(v.sizeX, real.sizeX * 2)
            XCTAssertEqual(v.sizeY, real.sizeY)
            XCTAssertEqual(v.sizeZ, real.sizeZ * 2)
            XCTAssertTrue(Set(v.histogram().keys.map(DerivedProperties.canonical)).isSubset(of: vocabulary),
                          "every block comes from the run's vocabulary")
        }
        XCTAssertEqual(a, b, "same seed, same samples")
        XCTAssertNotEqual(a[0], c[0], "another seed, another sample")
        XCTAssertNotEqual(a[0], a[1], "samples of one call differ")
    }

    /// Free samples take their coarsest layout from the input's patches by default; `--layout
    /// generator` keeps the coarsest generator's own, as the original; `--area` refuses patches.
    func testLayoutChoosesBetweenTheInputsPatchesAndTheGenerator() throws {
        let byDefault = try generate(["--seed", "3"], into: "default")
        let patches = try generate(["--seed", "3", "--layout", "patches"], into: "patches")
        let generator = try generate(["--seed", "3", "--layout", "generator"], into: "generator")
        let again = try generate(["--seed", "3", "--layout", "generator"], into: "generator-again")
        XCTAssertEqual(byDefault, patches, "patches are the default")
        XCTAssertEqual(generator, again, "the same seed repeats either layout")
        XCTAssertNotEqual(patches[0], generator[0], "the patch layout changes the sample")
        let area = try CLIRunner.run(["generate", run.path, "--world", dir.appendingPathComponent("w").path, "--area", "-8", "-8", "7", "7",
                                      "--at-y", "64", "--layout", "patches"])
        XCTAssertNotEqual(area.status, 0)
        XCTAssertTrue(area.output.contains("--layout patches"), area.output)
        let bad = try CLIRunner.run(["generate", run.path, "--layout", "mosaic", "-o", dir.appendingPathComponent("bad").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.output.contains("mosaic"), bad.output)
    }

    func testViewWritesAPageWithTheInputEverySampleAndTheirMeasures() throws {
        let out = dir.appendingPathComponent("viewed")
        let r = try CLIRunner.run(["generate", run.path, "--count", "2", "-o", out.path, "-q", "--view"])
        XCTAssertEqual(r.status, 0, r.output)
        let html = try String(contentsOf: out.appendingPathComponent("view.html"), encoding: .utf8)
        XCTAssertTrue(html.contains(#""name":"input","role":"input""#), "the run's input is on the page")
        for n in 0..<2 { XCTAssertTrue(html.contains(#""name":"sample-\#(n)","role":"sample""#), "sample \(n) is on the page") }
        XCTAssertTrue(html.contains("tile-pattern KL k=5"), "eval's measures are on the page")
    }

    func testDesertStyleMapsTheVocabularyIntoItsTargets() throws {
        let plain = try generate(["--seed", "3"], into: "plain")
        let desert = try generate(["--seed", "3", "--style", "desert"], into: "desert")
        let names = Set(desert.flatMap { $0.histogram().keys.map(\.name) })
        XCTAssertFalse(names.contains("minecraft:stone_bricks"))
        XCTAssertFalse(names.contains("minecraft:grass_block"))
        XCTAssertTrue(names.contains("minecraft:sand") || names.contains("minecraft:cut_red_sandstone"), "\(names)")
        // The style changes blocks, not the layout: air stays exactly where it was.
        for (p, d) in zip(plain, desert) {
            for i in 0..<p.count where p.palette[Int(p.indices[i])].isAir {
                XCTAssertTrue(d.palette[Int(d.indices[i])].isAir)
            }
        }
    }

    func testNewWorldHoldsTheSamplesAndOpens() throws {
        let world = dir.appendingPathComponent("new-world")
        let samples = try generate(["--seed", "5", "--new-world", world.path], into: "nw")
        let opened = try World(at: world)
        XCTAssertEqual(opened.level.dataVersion, 4671)
        let back = try WorldExtractor(world: opened).extract(
            WorldBox(origin: VoxelPosition(0, -62, 0), size: samples[0].size))
        XCTAssertEqual(back, samples[0])
    }

    func testANewWorldOfAnOlderVersionGetsThatVersionsBlockNames() throws {
        // The run was trained on 1.21.11 blocks; a 1.20.1 world names short_grass "grass".
        let world = dir.appendingPathComponent("new-world-1.20.1")
        let out = dir.appendingPathComponent("nw120")
        // The generator's own layout: this barely trained run's samples keep some short_grass there.
        let r = try CLIRunner.run(["generate", run.path, "--count", "2", "--seed", "5", "-o", out.path, "--layout", "generator",
                                   "--new-world", world.path, "--data-version", "3465"])
        XCTAssertEqual(r.status, 0, r.output)
        let samples = try (0..<2).map { try SchematicFile.read(out.appendingPathComponent("sample-\($0).schem")).volume }
        let shortGrass = BlockState("minecraft:short_grass")
        let planted = samples[0].histogram()[shortGrass] ?? 0
        XCTAssertGreaterThan(planted, 0, "sample 0 must hold short_grass for this test to mean anything")
        XCTAssertTrue(r.stdout.contains("translated 1.21.11 → 1.20.1: minecraft:short_grass → minecraft:grass"), r.stdout)
        let opened = try World(at: world)
        XCTAssertEqual(opened.level.dataVersion, 3465)
        let back = try WorldExtractor(world: opened).extract(WorldBox(origin: VoxelPosition(0, -62, 0), size: samples[0].size))
        XCTAssertEqual(back.histogram()[BlockState("minecraft:grass")], planted)
        XCTAssertNil(back.histogram()[shortGrass])
    }

    func testReconstructionAndVariationLevelsWriteTheirVolumes() throws {
        let out = dir.appendingPathComponent("low")
        let r = try CLIRunner.run(["generate", run.path, "--count", "2", "--variation", "low", "--reconstruction", "-o", out.path, "-q"])
        XCTAssertEqual(r.status, 0, r.output)
        let real = try SchematicFile.read(run.appendingPathComponent("real.schem")).volume
        let reconstruction = try SchematicFile.read(out.appendingPathComponent("reconstruction.schem")).volume
        XCTAssertTrue(reconstruction.size == real.size)
        let again = try CLIRunner.run(["generate", run.path, "--count", "1", "--reconstruction", "--seed", "9", "-o",
                                       dir.appendingPathComponent("again").path, "-q"])
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertEqual(try SchematicFile.read(dir.appendingPathComponent("again/reconstruction.schem")).volume, reconstruction,
                       "the reconstruction uses no random noise")
        let clash = try CLIRunner.run(["generate", run.path, "--variation", "low", "--start-scale", "1", "-o", out.path])
        XCTAssertNotEqual(clash.status, 0)
        XCTAssertTrue(clash.output.contains("--variation"), clash.output)
    }

    /// Floating debris — solid parts with no way down to the sample's bottom, plants with nothing
    /// to hang on — is removed by default and counted; `--keep-floating` keeps it.
    func testFloatingDebrisIsRemovedUnlessAskedToStay() throws {
        func sample(_ folder: String, _ extra: [String]) throws -> (volume: BlockVolume, output: String) {
            let out = dir.appendingPathComponent(folder)
            let r = try CLIRunner.run(["generate", run.path, "--count", "1", "--seed", "5", "--layout", "generator", "-o", out.path] + extra)
            XCTAssertEqual(r.status, 0, r.output)
            return (try SchematicFile.read(out.appendingPathComponent("sample-0.schem")).volume, r.output)
        }
        func floating(_ v: BlockVolume) -> FloatingParts {
            let roles = v.palette.map(BlockRole.init)
            return FloatingParts(roles: v.indices.map { roles[Int($0)] }, size: (v.sizeX, v.sizeY, v.sizeZ))
        }
        let kept = try sample("floating-kept", ["--keep-floating"])
        let cleaned = try sample("floating-removed", [])
        XCTAssertGreaterThan(floating(kept.volume).floatingVoxels, 0, "the barely trained run leaves debris to remove")
        let removed = floating(kept.volume).occupied - floating(cleaned.volume).occupied
        XCTAssertGreaterThan(removed, 0)
        XCTAssertTrue(cleaned.output.contains("\(removed) blocks of floating debris removed"), cleaned.output)
        XCTAssertFalse(kept.output.contains("debris"), kept.output)
        let left = floating(cleaned.volume)
        XCTAssertTrue(left.unsupported.isEmpty, "no plant is left hanging on nothing")
        XCTAssertTrue(left.components.allSatisfy { $0.horizontalExtent > 12 }, "only parts wider than the limit may float")
    }

    /// Leaves no log holds (here: an input with canopies but no trunks) decay by default, as the
    /// game lets them, and the command says how many; `--no-leaf-decay` keeps them as distance 7.
    /// Free samples are refined against the input's own blocks, so the leaves are generated.
    func testLeavesOutOfALogsReachDecayUnlessAskedToStay() throws {
        var canopies = BlockVolume(size: (12, 8, 12))
        let leaves = BlockState("oak_leaves", ["distance": "3", "persistent": "false", "waterlogged": "false"])
        for x in 0..<12 { for z in 0..<12 {
            canopies[x, 0, z] = BlockState("stone")
            for y in 3..<6 where (x / 3 + z / 3) % 2 == 0 { canopies[x, y, z] = leaves }
        } }
        let input = dir.appendingPathComponent("canopies.schem")
        try SchematicFile.write(canopies, to: input, dataVersion: 3955)
        let leafRun = dir.appendingPathComponent("canopies-run")
        let train = try CLIRunner.run(["train", input.path, "-o", leafRun.path, "--iterations", "60", "--nfc", "8",
                                       "--scale-factors", "0.5,1", "--previews", "0", "--epochs", "2", "-q"])
        XCTAssertEqual(train.status, 0, train.output)
        func leafCount(_ folder: String, _ extra: [String]) throws -> (leaves: Int, output: String) {
            let out = dir.appendingPathComponent(folder)
            let r = try CLIRunner.run(["generate", leafRun.path, "--count", "1", "--seed", "1", "-o", out.path] + extra)
            XCTAssertEqual(r.status, 0, r.output)
            let volume = try SchematicFile.read(out.appendingPathComponent("sample-0.schem")).volume
            return (volume.histogram().filter { $0.key.name == "minecraft:oak_leaves" }.map(\.value).reduce(0, +), r.output)
        }
        let kept = try leafCount("kept", ["--no-leaf-decay"])
        let decayed = try leafCount("decayed", [])
        XCTAssertGreaterThan(kept.leaves, 0, "the sample has leaves to decay")
        XCTAssertEqual(decayed.leaves, 0, "no log anywhere: every leaf decays")
        XCTAssertTrue(decayed.output.contains("\(kept.leaves) leaves out of a log's reach decayed"), decayed.output)
        XCTAssertTrue(decayed.output.contains("of the input's blocks float; samples keep their floating parts"), decayed.output)
        XCTAssertFalse(kept.output.contains("decayed"), kept.output)
    }

    /// `--max-inflation`: a sample with a state more than the limit times as common as in the
    /// input is drawn again, the least inflated draw kept, and the command says so; the same seed
    /// still gives the same samples; 0 keeps the first draws. The barely trained run floods its
    /// samples, so a limit of 1 makes every sample draw again.
    func testInflatedSamplesAreDrawnAgainAndTheLeastInflatedKept() throws {
        func samples(_ folder: String, _ extra: [String]) throws -> (volumes: [BlockVolume], output: String) {
            let out = dir.appendingPathComponent(folder)
            let r = try CLIRunner.run(["generate", run.path, "--count", "2", "--seed", "5", "-o", out.path] + extra)
            XCTAssertEqual(r.status, 0, r.output)
            return (try (0..<2).map { try SchematicFile.read(out.appendingPathComponent("sample-\($0).schem")).volume }, r.output)
        }
        let first = try samples("first-draws", ["--max-inflation", "0"])
        XCTAssertFalse(first.output.contains("drawn"), first.output)
        let strict = try samples("strict", ["--max-inflation", "1"])
        let again = try samples("strict-again", ["--max-inflation", "1"])
        XCTAssertEqual(strict.volumes, again.volumes, "the same seed gives the same samples, redraws included")
        let lines = strict.output.split(separator: "\n").filter { $0.contains("as common as in the input; drawn") }
        XCTAssertEqual(lines.count, 2, strict.output)
        for line in lines {
            // "sample 0: minecraft:… came out 3.4× as common as in the input; drawn 3 more time(s), kept the draw at 2.1× …"
            let ratios = line.split(separator: " ").filter { $0.hasSuffix("×") }.compactMap { Double($0.dropLast()) }
            XCTAssertEqual(ratios.count, 2, String(line))
            XCTAssertLessThanOrEqual(ratios.last ?? .infinity, ratios.first ?? 0, "the kept draw is the least inflated: \(line)")
            XCTAssertGreaterThan(ratios.first ?? 0, 1, String(line))
        }
        XCTAssertNotEqual(strict.volumes, first.volumes, "some sample was replaced by a less inflated draw")
        let bad = try CLIRunner.run(["generate", run.path, "--max-inflation=-1", "-o", dir.appendingPathComponent("bad").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.output.contains("--max-inflation must be 0 (off) or more"), bad.output)
    }

    /// `bench generate` runs generate's own sampling: for the same run, seed, scale and guard,
    /// its samples hold exactly as many non-air blocks as the files `generate` writes, redraws
    /// included, and it reports a time for every sample and the process's peak memory.
    func testBenchGenerateSamplesWhatGenerateWrites() throws {
        let options = ["--count", "2", "--seed", "5", "--scale", "1.5", "1", "1", "--max-inflation", "1"]
        let bench = try CLIRunner.run(["bench", "generate", run.path] + options)
        XCTAssertEqual(bench.status, 0, bench.output)
        let figures = bench.figures
        let out = dir.appendingPathComponent("bench-twin")
        let written = try CLIRunner.run(["generate", run.path, "-o", out.path, "-q"] + options)
        XCTAssertEqual(written.status, 0, written.output)
        for n in 0..<2 {
            let volume = try SchematicFile.read(out.appendingPathComponent("sample-\(n).schem")).volume
            let nonAir = volume.indices.filter { !volume.palette[Int($0)].isAir }.count
            XCTAssertGreaterThan(nonAir, 0)
            XCTAssertEqual(figures["sample\(n)_non_air"], "\(nonAir)", bench.stdout)
            XCTAssertNotNil(figures["sample\(n)_s"].flatMap(Double.init), bench.stdout)
        }
        XCTAssertGreaterThan(figures["peak_rss_mib"].flatMap(Double.init) ?? 0, 1, bench.stdout)
        XCTAssertNotNil(figures["s_per_sample"].flatMap(Double.init), bench.stdout)
        let bad = try CLIRunner.run(["bench", "generate", run.path, "--count", "0"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.output.contains("--count must be at least 1"), bad.output)
    }
}
