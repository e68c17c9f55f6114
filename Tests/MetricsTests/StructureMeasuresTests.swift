import Anvil
import Metrics
import XCTest

final class StructureMeasuresTests: XCTestCase {
    /// A 4×4×4 volume: stone floor at y 0, one stone pillar at (1, 1…3, 1).
    private func pillarRoom() -> BlockVolume {
        var v = BlockVolume(size: (4, 4, 4))
        for x in 0..<4 { for z in 0..<4 { v[x, 0, z] = BlockState("stone") } }
        for y in 1..<4 { v[1, y, 1] = BlockState("stone") }
        return v
    }

    private func encode(_ volumes: BlockVolume...) throws -> (StructureMeasures, [TokenVolume], [String]) {
        var vocabulary = SharedVocabulary()
        let tokens = try volumes.enumerated().map { try vocabulary.encode($0.element, name: "v\($0.offset)") }
        return (StructureMeasures(roles: vocabulary.states.map(BlockRole.init)), tokens, vocabulary.states.map(\.token))
    }

    func testRolesTellAirSolidAndAttachedBlocksApart() {
        XCTAssertEqual(BlockRole(BlockState("cave_air")), .empty)
        XCTAssertEqual(BlockRole(BlockState("stone_bricks")), .solid)
        XCTAssertEqual(BlockRole(BlockState("oak_leaves", ["distance": "3"])), .solid)
        XCTAssertEqual(BlockRole(BlockState("lantern", ["hanging": "false"])), .attached)
        XCTAssertEqual(BlockRole(BlockState("vine")), .attached)
        XCTAssertEqual(BlockRole(BlockState("lilac", ["half": "upper"])), .attached)
        XCTAssertEqual(BlockRole(BlockState("oak_sapling")), .attached)
    }

    func testIdenticalVolumesScoreZeroOnEveryShapeMeasure() throws {
        let (m, t, _) = try encode(pillarRoom(), pillarRoom())
        XCTAssertEqual(m.layerHistogramDistance(real: t[0], sample: t[1]), 0)
        XCTAssertEqual(m.solidProfileError(real: t[0], sample: t[1]), 0)
        XCTAssertEqual(m.floatingFraction(t[0]), 0)
        XCTAssertEqual(m.rareBlockInflation(real: t[0], sample: t[1]).ratio, 1, accuracy: 1e-12)
        XCTAssertEqual(m.nonAirHamming(t[0], t[1]), 0)
    }

    func testRemovingThePillarChangesProfileAndLayersByTheHandComputedAmount() throws {
        var floorOnly = pillarRoom()
        for y in 1..<4 { floorOnly[1, y, 1] = .air }
        let (m, t, _) = try encode(pillarRoom(), floorOnly)
        // Layers 1–3 each lose 1 of 16 solid voxels: profile error (0 + 3 · 1/16) / 4.
        XCTAssertEqual(m.solidProfileError(real: t[0], sample: t[1]), 3.0 / 64, accuracy: 1e-12)
        // Same layers: TV between {stone 1/16, air 15/16} and {air 1}: 1/16 each.
        XCTAssertEqual(m.layerHistogramDistance(real: t[0], sample: t[1]), 3.0 / 64, accuracy: 1e-12)
        // Non-air Hamming: 19 voxels are non-air in one of the two, 3 of them differ.
        XCTAssertEqual(try XCTUnwrap(m.nonAirHamming(t[0], t[1])), 3.0 / 19, accuracy: 1e-12)
    }

    func testFloatingCountsDetachedSolidsAndUnsupportedPlants() throws {
        var v = pillarRoom()
        v[3, 2, 3] = BlockState("stone")           // a detached block in mid-air
        v[1, 1, 2] = BlockState("lantern")         // beside the pillar: supported
        v[3, 3, 0] = BlockState("vine")            // nothing solid around: floats
        let (m, t, _) = try encode(v)
        // Non-air: 16 floor + 3 pillar + 1 detached + 2 attached = 22; floating: detached + vine.
        XCTAssertEqual(m.floatingFraction(t[0]), 2.0 / 22, accuracy: 1e-12)
    }

    func testInflationNamesTheRareBlockThatTookOver() throws {
        var real = pillarRoom()
        real[2, 1, 2] = BlockState("poppy")
        var flooded = pillarRoom()
        for x in 0..<4 { for z in 0..<4 where flooded[x, 1, z].isAir { flooded[x, 1, z] = BlockState("poppy") } }
        let (m, t, names) = try encode(real, flooded)
        let worst = m.rareBlockInflation(real: t[0], sample: t[1])
        XCTAssertEqual(names[Int(worst.token)], "minecraft:poppy")
        XCTAssertEqual(worst.ratio, 15.0 / 10, accuracy: 1e-12)   // 15 poppies, the real has 1 (< 10)
    }

    func testTallerSamplesCompareLayersAtTheSameRelativeHeight() throws {
        var tall = BlockVolume(size: (4, 8, 4))
        for x in 0..<4 { for z in 0..<4 { tall[x, 0, z] = BlockState("stone"); tall[x, 1, z] = BlockState("stone") } }
        var short = BlockVolume(size: (4, 4, 4))
        for x in 0..<4 { for z in 0..<4 { short[x, 0, z] = BlockState("stone") } }
        let (m, t, _) = try encode(short, tall)
        XCTAssertEqual(m.solidProfileError(real: t[0], sample: t[1]), 0)
        XCTAssertEqual(m.layerHistogramDistance(real: t[0], sample: t[1]), 0)
    }

    func testEvaluationReportsTheMeasuresAndAReferenceSummary() throws {
        var floorOnly = pillarRoom()
        for y in 1..<4 { floorOnly[1, y, 1] = .air }
        let report = try Evaluation(patternSizes: [2]).run(
            real: (name: "real", volume: pillarRoom()),
            samples: [(name: "a", volume: pillarRoom()), (name: "b", volume: floorOnly)],
            reference: [(name: "r0", volume: floorOnly), (name: "r1", volume: floorOnly)], referenceLabel: "torch")
        XCTAssertEqual(report.samples[1].solidProfileError, 3.0 / 64, accuracy: 1e-12)
        XCTAssertEqual(report.summary.solidProfileError, 3.0 / 128, accuracy: 1e-12)
        XCTAssertEqual(report.samples[0].equalToReal, 1)
        let reference = try XCTUnwrap(report.reference)
        XCTAssertEqual(reference.label, "torch")
        XCTAssertEqual(reference.solidProfileError, 3.0 / 64, accuracy: 1e-12)
        XCTAssertEqual(reference.hamming?.mean, 0)
        let table = report.table()
        XCTAssertTrue(table.contains("torch (2)"), table)
        XCTAssertTrue(table.contains("profile"), table)
    }
}
