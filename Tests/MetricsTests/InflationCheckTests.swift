import Anvil
import Metrics
import XCTest

/// `InflationCheck`, the measure `generate --max-inflation` draws again by: `eval`'s rare-block
/// inflation, with leaves of any `distance` one block.
final class InflationCheckTests: XCTestCase {
    private let leaf = { (distance: Int) in
        BlockState("minecraft:oak_leaves", ["distance": "\(distance)", "persistent": "true", "waterlogged": "false"])
    }

    /// 10×2×10: a stone floor, 12 leaves and 2 gold blocks above it.
    private func garden(leaves: Int, distance: Int, gold: Int) -> BlockVolume {
        var v = BlockVolume(size: (10, 2, 10))
        for x in 0..<10 { for z in 0..<10 { v[x, 0, z] = BlockState("minecraft:stone") } }
        for n in 0..<leaves { v[n % 10, 1, n / 10] = leaf(distance) }
        for n in 0..<gold { v[9 - n % 10, 1, 9 - n / 10] = BlockState("minecraft:gold_block") }
        return v
    }

    func testTheWorstStateAndItsRatioAgainstTheInputsCountOrTen() throws {
        var check = try InflationCheck(input: garden(leaves: 12, distance: 1, gold: 2))
        let flooded = try check.worst(in: garden(leaves: 12, distance: 1, gold: 30))
        XCTAssertEqual(flooded.state, BlockState("minecraft:gold_block"))
        XCTAssertEqual(flooded.ratio, 30.0 / 10, accuracy: 1e-12)    // 2 in the input counts as 10
        let trees = try check.worst(in: garden(leaves: 36, distance: 1, gold: 2))
        XCTAssertEqual(trees.state.name, "minecraft:oak_leaves")
        XCTAssertEqual(trees.ratio, 36.0 / 12, accuracy: 1e-12)
    }

    func testLeavesOfAnotherDistanceAreTheSameBlockAndTheSameVolumeCountsOnce() throws {
        var check = try InflationCheck(input: garden(leaves: 12, distance: 1, gold: 2))
        let worst = try check.worst(in: garden(leaves: 12, distance: 4, gold: 2))
        XCTAssertEqual(worst.ratio, 1.0, accuracy: 1e-12, "\(worst.state): the stone floor, one for one")
        // A sample twice the input's volume with twice the leaves is not inflated.
        var wide = BlockVolume(size: (20, 2, 10))
        for x in 0..<20 { for z in 0..<10 { wide[x, 0, z] = BlockState("minecraft:stone") } }
        for n in 0..<24 { wide[n % 20, 1, n / 20] = leaf(2) }
        for n in 0..<4 { wide[19 - n, 1, 9] = BlockState("minecraft:gold_block") }   // 172 air: 86 per input volume
        XCTAssertEqual(try check.worst(in: wide).ratio, 1.0, accuracy: 1e-12)
    }

    func testASampleThatLostItsBlocksIsInflatedInAir() throws {
        var check = try InflationCheck(input: garden(leaves: 12, distance: 1, gold: 2))
        let worst = try check.worst(in: BlockVolume(size: (10, 2, 10)))
        XCTAssertEqual(worst.state, .air)
        XCTAssertEqual(worst.ratio, 200.0 / 86, accuracy: 1e-12, "200 air voxels against the input's 86")
    }
}
