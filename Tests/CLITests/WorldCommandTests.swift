import Anvil
import Foundation
import NBT
import SampleWorld
import TestSupport
import XCTest

/// End-to-end: the sample world is built by the CLI, and extract/paste/info/render work on it.
final class WorldCommandTests: XCTestCase {
    private func makeSampleWorld() throws -> (dir: URL, world: URL) {
        let dir = try Fixtures.temporaryDirectory(self)
        let world = dir.appendingPathComponent("ruins")
        let r = try CLIRunner.run(["sample-world", world.path])
        XCTAssertEqual(r.status, 0, r.output)
        return (dir, world)
    }

    func testExtractingTheSampleWorldGivesBackTheRuinDesign() throws {
        let (dir, world) = try makeSampleWorld()
        let out = dir.appendingPathComponent("ruin.schem")
        let r = try CLIRunner.run(["extract", world.path, "--from", "48", "-62", "48", "--to", "95", "-47", "95", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.output)
        let (volume, info) = try SchematicFile.read(out)
        XCTAssertEqual(volume, RuinDesign.build())
        XCTAssertEqual(info.offset.1, -62)
        XCTAssertEqual(info.dataVersion, 4671)
    }

    func testPasteThenExtractRoundTripsAndCreatesMissingChunks() throws {
        let (dir, world) = try makeSampleWorld()
        let schem = dir.appendingPathComponent("design.schem")
        XCTAssertEqual(try CLIRunner.run(["sample-world", "--schematic", schem.path]).status, 0)
        // x 600 is far outside the meadow: every chunk there is created.
        let paste = try CLIRunner.run(["paste", schem.path, "--world", world.path, "--at", "600", "-62", "-300", "--backup"])
        XCTAssertEqual(paste.status, 0, paste.output)
        XCTAssertTrue(paste.stdout.contains("created"), paste.stdout)
        let back = dir.appendingPathComponent("back.schem")
        let extract = try CLIRunner.run(["extract", world.path, "--from", "600", "-62", "-300", "--to", "647", "-47", "-253", "-o", back.path])
        XCTAssertEqual(extract.status, 0, extract.output)
        XCTAssertEqual(try SchematicFile.read(back).volume, RuinDesign.build())
    }

    func testInfoDescribesWorldAndBox() throws {
        let (_, world) = try makeSampleWorld()
        let r = try CLIRunner.run(["info", world.path, "--from", "48", "-62", "48", "--to", "95", "-47", "95"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.stdout.contains("DataVersion: 4671"), r.stdout)
        XCTAssertTrue(r.stdout.contains("chunks: 81"), r.stdout)
        XCTAssertTrue(r.stdout.contains("minecraft:stone_bricks"), r.stdout)
        XCTAssertTrue(r.stdout.contains("36864  total"), r.stdout)
    }

    func testRenderWritesAPNG() throws {
        let (dir, world) = try makeSampleWorld()
        let png = dir.appendingPathComponent("ruin.png")
        let r = try CLIRunner.run(["render", world.path, "--from", "48", "-62", "48", "--to", "95", "-47", "95", "-o", png.path, "--size", "4"])
        XCTAssertEqual(r.status, 0, r.output)
        let bytes = try Data(contentsOf: png)
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }
}
