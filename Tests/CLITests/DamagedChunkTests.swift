import Anvil
import Foundation
import TestSupport
import XCTest

/// A damaged chunk inside an extraction box: reported by file and chunk, read as air, the rest
/// extracted — or, with `--strict`, the extraction stops and writes nothing.
final class DamagedChunkTests: XCTestCase {
    /// A copy of the sample world whose chunk (4, 4) has a garbled zlib stream.
    private func damagedWorld() throws -> (dir: URL, world: URL) {
        let dir = try Fixtures.temporaryDirectory(self)
        let world = dir.appendingPathComponent("w")
        try FileManager.default.copyItem(at: Fixtures.project("worlds/ruins"), to: world)
        let url = world.appendingPathComponent("region/r.0.0.mca")
        var bytes = [UInt8](try Data(contentsOf: url))
        let slot = 4 + 4 * 32
        let sector = Int(bytes[slot * 4]) << 16 | Int(bytes[slot * 4 + 1]) << 8 | Int(bytes[slot * 4 + 2])
        XCTAssertGreaterThan(sector, 1)
        for i in (sector * 4096 + 5)..<(sector * 4096 + 40) { bytes[i] ^= 0x5A }   // after length and compression byte
        try Data(bytes).write(to: url)
        return (dir, world)
    }

    func testADamagedChunkIsNamedAndTheRestIsExtracted() throws {
        let (dir, world) = try damagedWorld()
        let out = dir.appendingPathComponent("o.schem")
        let r = try CLIRunner.run(["extract", world.path, "--from", "48", "-62", "48", "--to", "95", "-47", "95", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.stderr.contains("r.0.0.mca"), r.stderr)
        XCTAssertTrue(r.stderr.contains("(4, 4)"), r.stderr)
        let volume = try SchematicFile.read(out).volume
        // Chunk (4, 4) covers x, z 64…79: volume x, z 16…31 — all air; the rest is the ruin.
        XCTAssertTrue(volume[20, 1, 20].isAir)
        XCTAssertFalse(volume[0, 0, 0].isAir)
    }

    func testStrictStopsAtTheDamagedChunkAndWritesNothing() throws {
        let (dir, world) = try damagedWorld()
        let out = dir.appendingPathComponent("o.schem")
        let r = try CLIRunner.run(["extract", world.path, "--from", "48", "-62", "48", "--to", "95", "-47", "95", "-o", out.path, "--strict"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("(4, 4)") && r.stderr.contains("r.0.0.mca"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testPastingOverADamagedChunkRefusesAndChangesNothing() throws {
        let (dir, world) = try damagedWorld()
        let schem = dir.appendingPathComponent("s.schem")
        XCTAssertEqual(try CLIRunner.run(["sample-world", "--schematic", schem.path]).status, 0)
        let region = world.appendingPathComponent("region/r.0.0.mca")
        let before = try Data(contentsOf: region)
        let r = try CLIRunner.run(["paste", schem.path, "--world", world.path, "--at", "60", "-62", "60"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("(4, 4)"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: region), before)
    }
}
