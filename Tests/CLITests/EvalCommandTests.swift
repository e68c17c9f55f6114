import Anvil
import Foundation
import TestSupport
import XCTest

/// `worldgan eval` through the built binary: block states compare without the properties the
/// game derives from neighbours unless `--compare states` asks for them as written.
final class EvalCommandTests: XCTestCase {
    private func leaves(_ distance: Int) -> BlockState {
        BlockState("minecraft:oak_leaves", ["distance": "\(distance)", "persistent": "false"])
    }

    /// A dirt floor, an oak log and a leaf layer at y = 6 with the given leaf distances.
    private func tree(distances: (Int, Int) -> Int, to url: URL) throws {
        var v = BlockVolume(size: (8, 8, 8))
        for x in 0..<8 { for z in 0..<8 { v[x, 0, z] = BlockState("minecraft:dirt") } }
        for y in 1..<7 { v[4, y, 4] = BlockState("minecraft:oak_log", ["axis": "y"]) }
        for x in 0..<8 { for z in 0..<8 where (x, z) != (4, 4) { v[x, 6, z] = leaves(distances(x, z)) } }
        try SchematicFile.write(v, to: url, dataVersion: 3953)
    }

    private func report(_ arguments: [String]) throws -> [String: Any] {
        let r = try CLIRunner.run(["eval"] + arguments + ["--pattern-sizes", "2", "--json"])
        XCTAssertEqual(r.status, 0, r.output)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    func testDetachedLeavesAreOnlyInflatedWhenStatesAreComparedAsWritten() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let real = dir.appendingPathComponent("real.schem"), sample = dir.appendingPathComponent("sample.schem")
        try tree(distances: { x, z in x == 4 || z == 4 ? 1 : 2 }, to: real)
        try tree(distances: { _, _ in 7 }, to: sample)

        let canonical = try report([real.path, sample.path])
        XCTAssertEqual(canonical["comparison"] as? String, "canonical")
        let canonicalScore = try XCTUnwrap((canonical["samples"] as? [[String: Any]])?.first)
        XCTAssertEqual(try XCTUnwrap(canonicalScore["rareBlockInflation"] as? Double), 1, accuracy: 1e-9)

        let asWritten = try report([real.path, sample.path, "--compare", "states"])
        let score = try XCTUnwrap((asWritten["samples"] as? [[String: Any]])?.first)
        XCTAssertEqual(try XCTUnwrap(score["rareBlockInflation"] as? Double), 6.3, accuracy: 1e-9)
        XCTAssertTrue((score["mostInflatedBlock"] as? String ?? "").contains("distance=7"), "\(score)")

        let bad = try CLIRunner.run(["eval", real.path, sample.path, "--compare", "tokens"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("canonical"), bad.stderr)
    }
}
