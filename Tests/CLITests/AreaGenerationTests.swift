import Anvil
import Foundation
import Metrics
import TestSupport
import XCTest

/// `worldgan generate --area` end to end through the binary: tiles, threads and shards give the
/// same world; memory stays under `--max-memory`; `--resume` after `kill -9` ends with the same
/// region files. Region files are compared byte for byte outside their timestamp table (new
/// chunks are stamped with the write time).
final class AreaGenerationTests: XCTestCase {
    private var dir: URL!
    private var run: URL!
    private var pristine: URL!
    /// Six region files (x and z cross 0, x crosses 512), negative coordinates included.
    private let area = ["--area", "-20", "-20", "530", "20", "--at-y", "-62", "--seed", "3"]

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory(self)
        pristine = dir.appendingPathComponent("pristine")
        XCTAssertEqual(try CLIRunner.run(["sample-world", pristine.path]).status, 0)
        let schem = dir.appendingPathComponent("small.schem")
        let extract = try CLIRunner.run(["extract", pristine.path, "--from", "48", "-63", "48", "--to", "71", "-52", "71", "-o", schem.path])
        XCTAssertEqual(extract.status, 0, extract.output)
        run = dir.appendingPathComponent("run")
        let train = try CLIRunner.run(["train", schem.path, "-o", run.path, "--iterations", "3", "--nfc", "8",
                                       "--scale-factors", "0.5,1", "--previews", "0", "--epochs", "2", "-q"])
        XCTAssertEqual(train.status, 0, train.output)
    }

    /// A fresh copy of the sample world.
    private func world(_ name: String) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: pristine, to: url)
        return url
    }

    @discardableResult
    private func generate(into world: URL, _ extra: [String], environment: [String: String] = [:],
                          file: StaticString = #filePath, line: UInt = #line) throws -> CLIRunner.Result {
        let r = try CLIRunner.run(["generate", run.path, "--world", world.path] + area + extra, environment: environment)
        XCTAssertEqual(r.status, 0, r.output, file: file, line: line)
        return r
    }

    /// Region file name → bytes with the timestamp table (bytes 4096..<8192) zeroed.
    private func regions(_ world: URL) throws -> [String: Data] {
        let folder = world.appendingPathComponent("region")
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mca") {
            var bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            if bytes.count >= 8192 { bytes.replaceSubrange(4096..<8192, with: Data(count: 4096)) }
            out[name] = bytes
        }
        return out
    }

    private func assertSameRegions(_ a: URL, _ b: URL, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (x, y) = (try regions(a), try regions(b))
        XCTAssertEqual(Set(x.keys), Set(y.keys), message, file: file, line: line)
        for (name, bytes) in x { XCTAssertTrue(bytes == y[name], "\(message): \(name) differs", file: file, line: line) }
    }

    func testTileSizesAndThreadCountsGiveTheSameWorldAndTheAreaHoldsTheSample() throws {
        let whole = try world("whole"), small = try world("small"), odd = try world("odd")
        try generate(into: whole, ["--tile", "4096", "-q"])
        try generate(into: small, ["--tile", "8", "-q"])
        try generate(into: odd, ["--tile", "37", "-q"], environment: ["WORLDGAN_THREADS": "1"])
        XCTAssertEqual(try regions(whole).count, try regions(pristine).count + 5, "r.0.0 existed; five region files are new")
        try assertSameRegions(whole, small, "tiles of 8 vs one tile per region")
        try assertSameRegions(whole, odd, "tiles of 37 on one thread vs one tile per region")
        // The blocks at the area's corners are the run's, and untouched columns outside it stay air.
        let back = dir.appendingPathComponent("back.schem")
        let extract = try CLIRunner.run(["extract", whole.path, "--from", "-21", "-62", "-21", "--to", "531", "-51", "21", "-o", back.path])
        XCTAssertEqual(extract.status, 0, extract.output)
        let volume = try SchematicFile.read(back).volume
        XCTAssertTrue(volume[0, 5, 0].isAir && volume[552, 5, 42].isAir, "outside the area nothing is written")
        let inside = (0..<12).map { volume[1, $0, 1] } + (0..<12).map { volume[551, $0, 41] }
        XCTAssertTrue(inside.contains { !$0.isAir }, "the area's corner columns hold generated blocks: \(inside)")
    }

    func testShardsRunAsSeparateProcessesMakeTheRegionsOfOneRunAndInfoCheckListsTheMissing() throws {
        let whole = try world("unsharded"), sharded = try world("sharded")
        try generate(into: whole, ["-q"])
        try generate(into: sharded, ["--shard", "1/3", "-q"])
        let check = ["info", "--check", sharded.path, "--area", "-20", "-20", "530", "20"]
        let partial = try CLIRunner.run(check)
        XCTAssertEqual(partial.status, 1, partial.output)
        XCTAssertTrue(partial.stdout.contains("complete r.-1.0.mca") && partial.stdout.contains("missing  r.-1.-1.mca"), partial.stdout)
        XCTAssertTrue(partial.stderr.contains("4 of 6 region(s)"), partial.stderr)
        try generate(into: sharded, ["--shard", "0/3", "-q"])
        try generate(into: sharded, ["--shard", "2/3", "-q"])
        let complete = try CLIRunner.run(check)
        XCTAssertEqual(complete.status, 0, complete.output)
        XCTAssertTrue(complete.stdout.contains("6 of 6 region(s) complete"), complete.stdout)
        try assertSameRegions(whole, sharded, "three shards vs one run")
    }

    func testJobArrayIndicesRunConcurrentlyAsShardsMakeTheRegionsOfOneRun() throws {
        let whole = try world("one-run")
        try generate(into: whole, ["-q"])
        // As a Kubernetes Indexed Job and a Slurm array start their tasks: the same command line,
        // the index in an environment variable, all tasks at once.
        for variable in ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID"] {
            let target = try world(variable)
            let line = ([CLIRunner.binary.path, "generate", run.path, "--world", target.path] + area + ["-q", "--shard"])
                .joined(separator: " ") + " \"$\(variable)/2\""
            let tasks = try (0..<2).map { index -> Process in
                let task = Process()
                task.executableURL = URL(fileURLWithPath: "/bin/sh")
                task.arguments = ["-c", line]
                task.environment = ProcessInfo.processInfo.environment.merging([variable: "\(index)"]) { $1 }
                task.standardOutput = FileHandle.nullDevice
                try task.run()
                return task
            }
            for task in tasks {
                task.waitUntilExit()
                XCTAssertEqual(task.terminationStatus, 0, "\(variable): \(line)")
            }
            try assertSameRegions(whole, target, "two concurrent tasks indexed by $\(variable) vs one run")
        }
    }

    func testKilledAreaGenerationResumedEndsWithTheRegionsOfAnUninterruptedRun() throws {
        let expected = try world("expected")
        let start = Date()
        try generate(into: expected, ["-q"])
        let duration = Date().timeIntervalSince(start)
        let before = try regions(pristine)
        var rng = SystemRandomNumberGenerator()
        var killed = 0
        for trial in 0..<3 {
            let target = try world("trial-\(trial)")
            let delay = Double.random(in: (duration * 0.2)...(duration * 0.9), using: &rng)
            if !(try CLIRunner.runKilled(["generate", run.path, "--world", target.path] + area + ["-q"], after: delay)) { killed += 1 }
            // Every region is the old file or a complete new one.
            for (name, bytes) in try regions(target) where before[name] != bytes {
                for outcome in try RegionFile(contentsOf: target.appendingPathComponent("region/\(name)")).readAllChunks() {
                    XCTAssertNoThrow(try outcome.result.get().nbt(), "trial \(trial) (kill after \(delay) s): \(name) has a broken chunk")
                }
            }
            let resumed = try generate(into: target, ["--resume"])
            XCTAssertTrue(resumed.stdout.contains("already complete"), resumed.stdout)
            try assertSameRegions(expected, target, "trial \(trial): killed after \(delay) s, then --resume")
        }
        XCTAssertGreaterThan(killed, 0, "no trial was killed before it finished (uninterrupted run: \(duration) s)")
    }

    func testMaxMemoryBoundsThePeakOfAnAreaWhoseWholePassNeedsFourGigabytes() throws {
        let target = try world("large")
        let r = try CLIRunner.run(["generate", run.path, "--world", target.path, "--area", "-300", "-300", "299", "299",
                                   "--at-y", "-62", "--max-memory", "1G"])
        XCTAssertEqual(r.status, 0, r.output)
        let whole = try XCTUnwrap(number(after: "a whole-volume pass would need ", in: r.stdout), r.stdout)
        let peak = try XCTUnwrap(number(after: "peak memory ", in: r.stdout), r.stdout)
        XCTAssertGreaterThanOrEqual(whole, 4, "the area must be one that a whole-volume pass could not do in 1G: \(r.stdout)")
        XCTAssertLessThan(peak, 1, "peak RSS (VmHWM, read by the process) under --max-memory 1G: \(r.stdout)")
        XCTAssertEqual(try regions(target).count, 4)
    }

    func testOnSurfaceLiftsEveryColumnOntoTheHighestSolidBlock() throws {
        // Over the flat meadow (grass at −61) and the ruin's walls and floor (from x z 48).
        let flat = try world("flat"), surface = try world("surface")
        let rectangle = ["--area", "40", "40", "70", "70", "--seed", "4", "-q"]
        var r = try CLIRunner.run(["generate", run.path, "--world", flat.path, "--at-y", "-61"] + rectangle)
        XCTAssertEqual(r.status, 0, r.output)
        r = try CLIRunner.run(["generate", run.path, "--world", surface.path, "--on-surface"] + rectangle)
        XCTAssertEqual(r.status, 0, r.output)
        func blocks(_ world: URL) throws -> BlockVolume {
            let out = dir.appendingPathComponent("\(world.lastPathComponent).schem")
            let e = try CLIRunner.run(["extract", world.path, "--from", "40", "-64", "40", "--to", "70", "0", "70", "-o", out.path])
            XCTAssertEqual(e.status, 0, e.output)
            return try SchematicFile.read(out).volume
        }
        let (before, lifted, level) = (try blocks(pristine), try blocks(surface), try blocks(flat))
        var raised = 0
        for x in 0..<31 { for z in 0..<31 {
            let ground = try XCTUnwrap((0..<before.sizeY).last { BlockRole(before[x, $0, z]) == .solid })
            if ground > 3 { raised += 1 }
            for k in 0..<12 where ground + k < lifted.sizeY {
                XCTAssertEqual(lifted[x, ground + k, z], level[x, 3 + k, z], "column \(x + 40) \(z + 40): layer \(k) on ground y \(ground - 64)")
            }
        } }
        XCTAssertGreaterThan(raised, 20, "some columns stand on the ruin, above the meadow")
    }

    func testBadAreaArgumentsAreOneLineErrorsNamingTheOption() throws {
        let target = try world("untouched")
        let before = try regions(target)
        let cases: [([String], String)] = [
            (["--area", "0", "0", "10", "10", "--at-y", "-62"], "--area fills a rectangle of a world: give --world W"),
            (["--world", target.path, "--area", "0", "0", "10", "10"], "--area needs --at-y Y"),
            (["--world", target.path, "--area", "0", "0", "10", "--at-y", "-62"], "--area expects four whole numbers X0 Z0 X1 Z1"),
            (["--world", target.path, "--area", "0", "0", "10", "10", "--at-y", "-62", "--shard", "2/2"], "--shard"),
            (["--world", target.path, "--area", "0", "0", "10", "10", "--at-y", "-62", "--max-memory", "lots"], "--max-memory"),
            (["--world", target.path, "--area", "0", "0", "10", "10", "--at-y", "-62", "--max-memory", "1M"], "--max-memory 1 MiB is too small"),
            (["--world", target.path, "--area", "0", "0", "10", "10", "--at-y", "400"], "outside"),
            (["--resume"], "go with --area"),
        ]
        for (arguments, message) in cases {
            let r = try CLIRunner.run(["generate", run.path] + arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "\(arguments): expected “\(message)” in \(r.stderr)")
        }
        let check = try CLIRunner.run(["info", "--check", dir.appendingPathComponent("nowhere").path, "--area", "0", "0", "1", "1"])
        XCTAssertEqual(check.status, 1, check.output)
        XCTAssertTrue(check.stderr.contains("nowhere"), check.stderr)
        XCTAssertEqual(try regions(target), before, "a refused command changes no file")
    }

    /// The GiB figure printed after `prefix` (`… 1.5 GiB` or `… 700 MiB`).
    private func number(after prefix: String, in text: String) -> Double? {
        guard let range = text.range(of: prefix) else { return nil }
        let words = text[range.upperBound...].split(separator: " ")
        guard words.count >= 2, let value = Double(words[0]) else { return nil }
        return words[1].hasPrefix("GiB") ? value : value / 1024
    }
}
