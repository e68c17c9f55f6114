import Anvil
import Foundation
import SampleWorld
import TestSupport
import XCTest

/// Crash safety: `worldgan paste` killed with SIGKILL at random moments never leaves a region file
/// half-written — each is either the old file, byte for byte, or a complete new one holding the
/// pasted blocks. A few trials by default; `WORLDGAN_LONG_TESTS=1` runs 60.
final class KillDuringWriteTests: XCTestCase {
    func testPasteKilledAtRandomMomentsLeavesEveryRegionOldOrNew() throws {
        let trials = ProcessInfo.processInfo.environment["WORLDGAN_LONG_TESTS"] == "1" ? 60 : 6
        let dir = try Fixtures.temporaryDirectory(self)
        let pristine = dir.appendingPathComponent("pristine")
        XCTAssertEqual(try CLIRunner.run(["sample-world", pristine.path]).status, 0)
        // A paste spanning four region files (x and z cross 512), into existing and new chunks.
        let schem = dir.appendingPathComponent("ruin.schem")
        XCTAssertEqual(try CLIRunner.run(["sample-world", "--schematic", schem.path]).status, 0)
        let at = ["490", "-62", "490"]
        let expected = RuinDesign.build()

        // How long an uninterrupted paste takes, to spread the kills over it.
        let timing = dir.appendingPathComponent("timing")
        try FileManager.default.copyItem(at: pristine, to: timing)
        let start = Date()
        XCTAssertEqual(try CLIRunner.run(["paste", schem.path, "--world", timing.path, "--at"] + at).status, 0)
        let duration = Date().timeIntervalSince(start)

        var rng = SystemRandomNumberGenerator()
        var killed = 0
        for trial in 0..<trials {
            let world = dir.appendingPathComponent("trial-\(trial)")
            try FileManager.default.copyItem(at: pristine, to: world)
            let before = try regionFiles(world)
            let delay = Double.random(in: 0...(duration * 1.2), using: &rng)
            let finished = try CLIRunner.runKilled(["paste", schem.path, "--world", world.path, "--at"] + at, after: delay)
            if !finished { killed += 1 }
            try assertEveryRegionOldOrComplete(world, before: before, trial: "trial \(trial) (delay \(delay)s)")
            if finished {
                let back = dir.appendingPathComponent("back-\(trial).schem")
                XCTAssertEqual(try CLIRunner.run(["extract", world.path, "--from"] + at + ["--to", "537", "-47", "537", "-o", back.path]).status, 0)
                XCTAssertEqual(try SchematicFile.read(back).volume, expected)
            }
            try FileManager.default.removeItem(at: world)
        }
        print("kill test: \(trials) trials, \(killed) killed mid-run, paste takes \(String(format: "%.3f", duration)) s")
    }

    func testGenerateIntoAWorldKilledAtRandomMomentsLeavesEveryRegionOldOrNew() throws {
        let trials = ProcessInfo.processInfo.environment["WORLDGAN_LONG_TESTS"] == "1" ? 50 : 4
        let dir = try Fixtures.temporaryDirectory(self)
        let pristine = dir.appendingPathComponent("pristine")
        XCTAssertEqual(try CLIRunner.run(["sample-world", pristine.path]).status, 0)
        let schem = dir.appendingPathComponent("small.schem")
        XCTAssertEqual(try CLIRunner.run(["extract", pristine.path, "--from", "48", "-63", "48", "--to", "71", "-52", "71",
                                          "-o", schem.path]).status, 0)
        let run = dir.appendingPathComponent("run")
        let train = try CLIRunner.run(["train", schem.path, "-o", run.path, "--iterations", "2", "--nfc", "8",
                                       "--scale-factors", "0.5,1", "--previews", "0", "--epochs", "1", "-q"])
        XCTAssertEqual(train.status, 0, train.output)
        // Four samples on a grid from x 500: across the region border at 512, into existing and new chunks.
        let arguments = ["generate", run.path, "--count", "4", "--seed", "2", "-q", "--at", "500", "-62", "60"]
        let timing = dir.appendingPathComponent("timing")
        try FileManager.default.copyItem(at: pristine, to: timing)
        let start = Date()
        let first = try CLIRunner.run(arguments + ["--world", timing.path, "-o", dir.appendingPathComponent("t").path])
        XCTAssertEqual(first.status, 0, first.output)
        let duration = Date().timeIntervalSince(start)
        var rng = SystemRandomNumberGenerator()
        for trial in 0..<trials {
            let world = dir.appendingPathComponent("trial-\(trial)")
            try FileManager.default.copyItem(at: pristine, to: world)
            let before = try regionFiles(world)
            let delay = Double.random(in: 0...(duration * 1.2), using: &rng)
            _ = try CLIRunner.runKilled(arguments + ["--world", world.path, "-o", dir.appendingPathComponent("o\(trial)").path], after: delay)
            try assertEveryRegionOldOrComplete(world, before: before, trial: "generate trial \(trial) (delay \(delay)s)")
            try FileManager.default.removeItem(at: world)
        }
    }

    /// Each region file is the old one byte for byte, or a complete new one whose chunks all read.
    private func assertEveryRegionOldOrComplete(_ world: URL, before: [String: Data], trial: String,
                                                file: StaticString = #filePath, line: UInt = #line) throws {
        let after = try regionFiles(world)
        for (name, bytes) in after where before[name] != bytes {
            let region = try RegionFile(contentsOf: world.appendingPathComponent("region/\(name)"))
            for outcome in region.readAllChunks() {
                XCTAssertNoThrow(try outcome.result.get().nbt(), "\(trial): \(name) has a broken chunk", file: file, line: line)
            }
        }
        for name in before.keys { XCTAssertNotNil(after[name], "\(trial): \(name) disappeared", file: file, line: line) }
    }

    /// Region files by name → bytes (temporary files of a killed writer are not region files).
    private func regionFiles(_ world: URL) throws -> [String: Data] {
        let folder = world.appendingPathComponent("region")
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasPrefix("r.") && name.hasSuffix(".mca") {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }
}

extension CLIRunner {
    /// Runs the binary and sends SIGKILL after `delay` seconds; true when it finished first.
    static func runKilled(_ arguments: [String], after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning && Date() < deadline { usleep(200) }
        guard process.isRunning else { return process.terminationStatus == 0 }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}
