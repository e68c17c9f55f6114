import Anvil
import Foundation
import TestSupport
import XCTest

/// Triple-valued options typed as users do: negative and decimal numbers in any position, as three
/// words or as one after `=`; a wrong count or a non-number is one line naming the option (exit 64).
final class TripleArgumentTests: XCTestCase {
    private var dir: URL!
    private var world: URL!

    /// The sample world with its ruin pasted again at x z −300, in region r.-1.-1.
    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory(self)
        world = dir.appendingPathComponent("w")
        XCTAssertEqual(try CLIRunner.run(["sample-world", world.path]).status, 0)
        let ruin = dir.appendingPathComponent("ruin.schem").path
        XCTAssertEqual(try CLIRunner.run(["sample-world", "--schematic", ruin]).status, 0)
        let paste = try CLIRunner.run(["paste", ruin, "--world", world.path, "--at", "-300", "-62", "-300"])
        XCTAssertEqual(paste.status, 0, paste.output)
    }

    func testNegativeFirstCoordinatesWorkAsThreeWordsAndAsOneWord() throws {
        let spellings: [[String]] = [
            ["--from", "-300", "-62", "-300", "--to", "-290", "-50", "-290"],
            ["--from=-300,-62,-300", "--to=-290,-50,-290"],
            ["--from", "-300,-62,-300", "--to", "-290,-50,-290"],
            ["--to", "-290", "-50", "-290", "--from", "-300", "-62", "-300"],
        ]
        var volumes: [BlockVolume] = []
        for (n, box) in spellings.enumerated() {
            let out = dir.appendingPathComponent("box-\(n).schem")
            let r = try CLIRunner.run(["extract", world.path] + box + ["-o", out.path])
            XCTAssertEqual(r.status, 0, "\(box): \(r.output)")
            let (volume, info) = try SchematicFile.read(out)
            XCTAssertEqual(info.offset.0, -300)
            XCTAssertEqual(info.offset.2, -300)
            volumes.append(volume)
        }
        XCTAssertEqual(volumes[0].size.0, 11)
        XCTAssertGreaterThan(volumes[0].compacted().palette.count, 1, "the box holds the pasted ruin")
        for v in volumes.dropFirst() { XCTAssertEqual(v, volumes[0]) }
    }

    func testPasteAndInfoAndRenderTakeNegativeTriples() throws {
        let ruin = dir.appendingPathComponent("ruin.schem").path
        let commands: [[String]] = [
            ["paste", ruin, "--world", world.path, "--at", "-5", "-62", "-5"],
            ["info", world.path, "--from", "-5", "-62", "-5", "--to", "-1", "-60", "-1"],
            ["render", world.path, "--from", "-300", "-62", "-300", "--to", "-290", "-50", "-290",
             "-o", dir.appendingPathComponent("r.png").path, "--size", "2"],
        ]
        for arguments in commands {
            let r = try CLIRunner.run(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.output)")
        }
    }

    func testWrongCountsAndNonNumbersGiveOneLineNamingTheOptionAndExit64() throws {
        let out = dir.appendingPathComponent("o.schem").path
        let cases: [(arguments: [String], fragments: [String])] = [
            (["extract", world.path, "--from", "-300", "-62", "-o", out], ["--from expects three whole numbers X Y Z", "'-300 -62'"]),
            (["extract", world.path, "--from", "-300", "abc", "5", "--to", "1", "2", "3", "-o", out], ["--from", "'-300 abc 5'"]),
            (["extract", world.path, "--from", "1.5", "2", "3", "--to", "1", "2", "3", "-o", out], ["--from", "whole numbers", "'1.5 2 3'"]),
            (["extract", world.path, "--from=1,2", "--to", "1", "2", "3", "-o", out], ["--from", "'1 2'"]),
            (["extract", world.path, "--from", "1", "2", "3", "--to"], ["--to", "got nothing"]),
            (["paste", out, "--world", world.path, "--at", "x", "y", "z"], ["--at", "e.g. --at -10 64 5"]),
            (["bench", "conv", "--size", "8", "8"], ["--size expects three whole numbers"]),
        ]
        for c in cases {
            let r = try CLIRunner.run(c.arguments)
            XCTAssertEqual(r.status, 64, "\(c.arguments): \(r.output)")
            let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertEqual(message.split(separator: "\n").count, 1, "one line: \(message)")
            for fragment in c.fragments { XCTAssertTrue(message.contains(fragment), "\(c.arguments): '\(message)' lacks '\(fragment)'") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testDecimalAndNegativeScaleFactorsReachTheCommand() throws {
        // --scale takes decimals; a negative factor parses and is refused by `generate`'s own check.
        let r = try CLIRunner.run(["generate", dir.path, "--scale", "-1.5", "1", "2"])
        XCTAssertEqual(r.status, 64, r.output)
        XCTAssertTrue(r.stderr.contains("--scale factors must lie in (0, 16], got -1.5 1.0 2.0"), r.stderr)
    }
}
