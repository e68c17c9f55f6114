import Anvil
import XCTest

final class LegacyBlockTableTests: XCTestCase {
    func testBundledTableHoldsEveryRowOfTheSourceData() throws {
        let table = try LegacyBlockTable.bundled()
        XCTAssertEqual(table.count, 1682)
    }

    func testKnownIDsMapToFlattenedStatesWithProperties() throws {
        let table = try LegacyBlockTable.bundled()
        XCTAssertEqual(table.resolve(id: 0, data: 0).state, .air)
        XCTAssertEqual(table.resolve(id: 1, data: 1).state, BlockState("minecraft:granite"))
        XCTAssertEqual(table.resolve(id: 2, data: 0).state.token, "minecraft:grass_block[snowy=false]")
        XCTAssertEqual(table.resolve(id: 35, data: 14).state, BlockState("minecraft:red_wool"))
        XCTAssertTrue(table.resolve(id: 1, data: 1).exact)
    }

    func testUnknownDataFallsBackToTheIDsFirstBlockAndUnknownIDsGetALegacyName() throws {
        let table = try LegacyBlockTable.bundled()
        let stone = table.resolve(id: 1, data: 15)
        XCTAssertEqual(stone.state, BlockState("minecraft:stone"))
        XCTAssertFalse(stone.exact)
        let unknown = table.resolve(id: 4000, data: 3)
        XCTAssertEqual(unknown.state.token, "minecraft:legacy_4000_3")
        XCTAssertFalse(unknown.exact)
    }

    func testMalformedRowsAreRejectedWithTheirLineNumber() {
        XCTAssertThrowsError(try LegacyBlockTable(tsv: "# header\n1\t0\tminecraft:stone\n1\tx\tminecraft:granite\n")) { error in
            guard case LegacyBlockTable.LoadError.badRow(let line, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(line, 3)
        }
        XCTAssertThrowsError(try LegacyBlockTable(tsv: "5000\t0\tminecraft:stone\n"))
    }
}
