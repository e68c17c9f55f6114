import Foundation
import TestSupport
import XCTest

/// The exit statuses the README documents: 0 success, 1 runtime error naming the file or chunk,
/// 64 usage error; and `--version`.
final class ExitStatusTests: XCTestCase {
    func testSuccessRuntimeErrorAndUsageErrorExitZeroOneAndSixtyFour() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let world = dir.appendingPathComponent("w")
        XCTAssertEqual(try CLIRunner.run(["sample-world", world.path]).status, 0)
        let out = dir.appendingPathComponent("o.schem").path
        let cases: [(arguments: [String], status: Int32, fragment: String)] = [
            (["info", world.path], 0, ""),
            (["extract", world.path, "--from", "48", "-62", "48", "--to", "50", "-60", "50", "-o", out], 0, ""),
            // Runtime errors: the file, the chunk.
            (["info", dir.appendingPathComponent("nope").path], 1, "nope: no such file or folder"),
            (["render", dir.appendingPathComponent("nope.schem").path, "-o", dir.appendingPathComponent("x.png").path], 1, "nope.schem: no such file"),
            (["extract", world.path, "--from", "5000", "-62", "5000", "--to", "5010", "-60", "5010", "-o", out], 1, "chunk (312, 312)"),
            // Usage errors.
            (["extract", world.path, "--from", "0", "0", "0", "-o", out], 64, "--to"),
            (["extract", world.path, "--frm", "0", "0", "0", "-o", out], 64, "Error:"),
            (["frobnicate"], 64, "frobnicate"),
            (["generate", dir.path, "--count", "0"], 64, "--count must be at least 1"),
        ]
        for c in cases {
            let r = try CLIRunner.run(c.arguments)
            XCTAssertEqual(r.status, c.status, "\(c.arguments): \(r.output)")
            if !c.fragment.isEmpty {
                XCTAssertTrue(r.stderr.contains(c.fragment), "\(c.arguments): '\(r.stderr)' lacks '\(c.fragment)'")
            }
        }
    }

    func testVersionPrintsTheVersionAndTheGitRevision() throws {
        let r = try CLIRunner.run(["--version"])
        XCTAssertEqual(r.status, 0, r.output)
        let text = r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        // `0.1.0 (git 1a2b3c4d5e6f)`, `-dirty` for changed files, `unknown` outside a checkout.
        XCTAssertNotNil(text.wholeMatch(of: /\d+\.\d+\.\d+ \(git ([0-9a-f]{7,40}(-dirty)?|unknown)\)/), text)
        let gitDir = Fixtures.repositoryRoot.appendingPathComponent(".git")
        if FileManager.default.fileExists(atPath: gitDir.path) {
            XCTAssertFalse(text.contains("unknown"), "built from a git checkout: \(text)")
        }
    }
}
