import Anvil
import Block2Vec
import XCTest

final class VocabularyTests: XCTestCase {
    func testTokensAreOrderedByCountThenName() {
        let volume = TestVolumes.make(4, 4, 4) { x, y, _ in
            if y == 0 { return "minecraft:stone" }                    // 16
            if y == 1 { return x < 2 ? "minecraft:dirt" : "minecraft:andesite" }   // 8 + 8
            return "minecraft:air"                                    // 32
        }
        let vocab = Vocabulary(volume)
        XCTAssertEqual(vocab.tokens, ["minecraft:air", "minecraft:stone", "minecraft:andesite", "minecraft:dirt"])
        XCTAssertEqual(vocab.counts, [32, 16, 8, 8])
        XCTAssertEqual(vocab.total, 64)
        XCTAssertEqual(vocab.index(of: "minecraft:dirt"), 3)
        XCTAssertNil(vocab.index(of: "minecraft:gold_block"))
    }

    func testDuplicatedAndUnusedPaletteEntriesAreMergedAndDropped() throws {
        let stairs = BlockState("minecraft:oak_stairs", ["facing": "east", "half": "bottom"])
        let palette = [BlockState("minecraft:air"), stairs, BlockState("minecraft:unused"), stairs]
        let volume = BlockVolume(size: (1, 1, 4), palette: palette, indices: [0, 1, 3, 3])
        let vocab = Vocabulary(volume)
        XCTAssertEqual(vocab.tokens, ["minecraft:oak_stairs[facing=east,half=bottom]", "minecraft:air"])
        XCTAssertEqual(vocab.counts, [3, 1])
        XCTAssertEqual(vocab.tokenIndices(of: volume), [1, 0, 0, 0])
    }

    func testTokenIndicesAreNilForAVolumeWithUnknownStates() {
        let vocab = Vocabulary(tokens: ["minecraft:air"], counts: [1])
        let volume = BlockVolume(size: (1, 1, 1), fill: BlockState("minecraft:stone"))
        XCTAssertNil(vocab.tokenIndices(of: volume))
    }
}
