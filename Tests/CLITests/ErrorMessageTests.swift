import Foundation
import TestSupport
import XCTest

/// Bad input: one clear line on stderr naming what and where, a non-zero exit, no file changed.
final class ErrorMessageTests: XCTestCase {
    struct Case {
        var arguments: [String]
        var expected: [String]   // fragments the message must contain
    }

    func testBadInputsGiveOneClearLineAndExitNonZero() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let world = dir.appendingPathComponent("w")
        XCTAssertEqual(try CLIRunner.run(["sample-world", world.path]).status, 0)
        let notAWorld = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: notAWorld, withIntermediateDirectories: true)
        let garbage = dir.appendingPathComponent("garbage.schem")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]).write(to: garbage)
        let out = dir.appendingPathComponent("o.schem").path
        let cases: [Case] = [
            Case(arguments: ["extract", dir.appendingPathComponent("nope").path, "--from", "0", "0", "0", "--to", "1", "1", "1", "-o", out],
                 expected: ["nope", "no such file"]),
            Case(arguments: ["extract", notAWorld.path, "--from", "0", "0", "0", "--to", "1", "1", "1", "-o", out],
                 expected: ["level.dat"]),
            Case(arguments: ["extract", world.path, "--from", "5000", "-62", "5000", "--to", "5010", "-60", "5010", "-o", out],
                 expected: ["never generated", "chunk (312, 312)", "--fill-missing"]),
            Case(arguments: ["extract", world.path, "--from", "48", "-100", "48", "--to", "50", "-60", "50", "-o", out],
                 expected: ["y -100", "-64"]),
            Case(arguments: ["extract", world.path, "--from", "0", "0", "0", "-o", out],
                 expected: ["--to"]),
            Case(arguments: ["extract", world.path, "--from", "0", "0", "-o", out],
                 expected: ["--from"]),
            Case(arguments: ["paste", garbage.path, "--world", world.path, "--at", "0", "0", "0"],
                 expected: ["garbage.schem"]),
            Case(arguments: ["extract", world.path, "--from", "0", "0", "0", "--to", "40000000", "1", "1", "-o", out],
                 expected: ["40000000"]),
        ]
        let regionBefore = try Data(contentsOf: world.appendingPathComponent("region/r.0.0.mca"))
        for c in cases {
            let r = try CLIRunner.run(c.arguments)
            XCTAssertNotEqual(r.status, 0, "\(c.arguments) should fail")
            let message = r.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            for fragment in c.expected {
                XCTAssertTrue(message.contains(fragment), "\(c.arguments): '\(message)' lacks '\(fragment)'")
            }
            XCTAssertFalse(message.contains("Fatal error"), message)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output on error")
        }
        XCTAssertEqual(try Data(contentsOf: world.appendingPathComponent("region/r.0.0.mca")), regionBefore)
    }
}
