import Foundation
import TestSupport
import XCTest

/// `worldgan train` end to end: bad inputs, and a run killed with SIGKILL then resumed.
final class TrainCommandTests: XCTestCase {
    private func pillars(_ size: (Int, Int, Int), in dir: URL, name: String = "pillars.schem") throws -> URL {
        try PillarsSchematic.write(size, in: dir, name: name)
    }

    private let tiny = ["--iterations", "8", "--nfc", "4", "--scale-factors", "0.5,1", "--checkpoint-every", "2",
                        "--previews", "1", "--epochs", "2", "-q"]

    func testBadInputsGiveOneClearLineAndExitNonZero() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let input = try pillars((12, 9, 12), in: dir)
        let small = try pillars((12, 5, 12), in: dir, name: "small.schem")
        let partial = dir.appendingPathComponent("partial.txt")
        try "1 2\nminecraft:air 0.5 0.25\n".write(to: partial, atomically: true, encoding: .utf8)
        let existing = dir.appendingPathComponent("existing")
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        let cases: [([String], [String])] = [
            (["train", small.path, "-o", dir.appendingPathComponent("a").path], ["12×5×12", "at least 8"]),
            (["train", input.path, "-o", dir.appendingPathComponent("b").path, "--embeddings", partial.path],
             ["partial.txt", "minecraft:stone"]),
            (["train", input.path, "-o", input.appendingPathComponent("run").path], ["cannot write", "pillars.schem/run"]),
            (["train", input.path, "-o", existing.path], ["already exists", "--resume", "--force"]),
            (["train", "--resume", dir.appendingPathComponent("nothing").path], ["run.json", "missing"]),
            (["train", input.path, "-o", dir.appendingPathComponent("c").path, "--preset", "slow"], ["slow"]),
        ]
        for (arguments, fragments) in cases {
            let r = try CLIRunner.run(arguments + tiny)
            XCTAssertNotEqual(r.status, 0, "\(arguments) should fail")
            let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            for fragment in fragments { XCTAssertTrue(message.contains(fragment), "\(arguments): '\(message)' lacks '\(fragment)'") }
            XCTAssertFalse(message.contains("Fatal error"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("a").path), "no run folder for a too-small volume")
    }

    func testRunKilledMidTrainingAndResumedEndsWithTheWeightsOfAnUninterruptedRun() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let input = try pillars((16, 9, 16), in: dir)
        let whole = dir.appendingPathComponent("whole"), split = dir.appendingPathComponent("split")
        let full = try CLIRunner.run(["train", input.path, "-o", whole.path] + tiny)
        XCTAssertEqual(full.status, 0, full.output)
        // Kill at growing delays until one lands after the first checkpoint and before the end.
        var interrupted = false
        for delay in [0.3, 0.6, 1.0, 1.5, 2.5] where !interrupted {
            try? FileManager.default.removeItem(at: split)
            let finished = try CLIRunner.runKilled(["train", input.path, "-o", split.path] + tiny, after: delay)
            interrupted = !finished && FileManager.default.fileExists(atPath: split.appendingPathComponent("checkpoint.safetensors").path)
        }
        XCTAssertTrue(interrupted, "no kill landed mid-training")
        let resumed = try CLIRunner.run(["train", "--resume", split.path, "-q"])
        XCTAssertEqual(resumed.status, 0, resumed.output)
        for name in ["G0", "D0", "G1", "D1"] {
            let a = try Data(contentsOf: whole.appendingPathComponent("\(name).safetensors"))
            XCTAssertEqual(a, try Data(contentsOf: split.appendingPathComponent("\(name).safetensors")), name)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: split.appendingPathComponent("previews/scale1.png").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: split.appendingPathComponent("loss-scale1.svg").path))
        let again = try CLIRunner.run(["train", "--resume", split.path, "-q"])
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("finished"), again.stderr)
    }

    func testIterationsGivenByHandAreNotFittedToTheQuickPresetsBudget() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let input = try pillars((16, 9, 16), in: dir)
        let run = dir.appendingPathComponent("run")
        let r = try CLIRunner.run(["train", input.path, "-o", run.path, "--preset", "quick", "--scale-iterations", "3,2",
                                   "--nfc", "4", "--scale-factors", "0.5,1", "--previews", "0", "-q"])
        XCTAssertEqual(r.status, 0, r.output)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("run.json"))) as? [String: Any])
        let config = try XCTUnwrap(manifest["config"] as? [String: Any])
        XCTAssertEqual(config["iterationsPerScale"] as? [Int], [3, 2])
        XCTAssertNil(config["iterationBudget"], "no budget left to fit: \(config)")
        XCTAssertTrue(["bf16", "fp32"].contains(manifest["arithmetic"] as? String), "run.json records the arithmetic: \(manifest)")
        let csv = try String(contentsOf: run.appendingPathComponent("training.csv"), encoding: .utf8)
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 3 + 2, "one row per iteration")
    }
}
