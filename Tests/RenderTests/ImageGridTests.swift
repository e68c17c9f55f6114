import Anvil
import Render
import XCTest

final class ImageGridTests: XCTestCase {
    func testThreeImagesInTwoColumnsAreTiledWithMargins() {
        let red = Image(width: 10, height: 6, fill: RGBA(255, 0, 0))
        let blue = Image(width: 10, height: 6, fill: RGBA(0, 0, 255))
        let green = Image(width: 4, height: 2, fill: RGBA(0, 255, 0))
        let grid = ImageGrid(columns: 2, margin: 3).compose([red, blue, green])
        XCTAssertEqual([grid.width, grid.height], [2 * 10 + 3 * 3, 2 * 6 + 3 * 3])
        XCTAssertEqual(grid[3, 3], RGBA(255, 0, 0))       // first cell, top-left
        XCTAssertEqual(grid[16, 8], RGBA(0, 0, 255))      // second cell
        XCTAssertEqual(grid[3 + 3, 12 + 2], RGBA(0, 255, 0))  // third, centred in its 10×6 cell
        XCTAssertEqual(grid[1, 1], .white)                // margin
        XCTAssertEqual(grid[3, 12], .white)               // third cell outside the small image
    }

    func testDefaultColumnsMakeANearSquareGrid() {
        let tile = Image(width: 2, height: 2, fill: .black)
        let grid = ImageGrid(margin: 0).compose(Array(repeating: tile, count: 5))
        XCTAssertEqual([grid.width, grid.height], [6, 4])  // 3 columns × 2 rows
    }

    func testCaptionsAreDrawnBelowTheirImage() {
        let tile = Image(width: 40, height: 10, fill: RGBA(0, 0, 255))
        let grid = ImageGrid(columns: 1, margin: 2).compose([tile], captions: ["a1"])
        XCTAssertEqual(grid.height, 2 + 10 + 7 + 4 + 2)
        // "A1" is 11 px wide, centred: starts at x = 2 + (40 − 11) / 2 = 16, row y = 2 + 10 + 3 = 15.
        XCTAssertEqual(grid[16 + 2, 15], RGBA(40, 40, 40))  // top of the A: 01110
        XCTAssertEqual(grid[16, 15], .white)
        XCTAssertEqual(grid[16 + 6 + 2, 15], RGBA(40, 40, 40))  // top of the 1: 00100
    }

    func testLongCaptionsAreShortenedToTheCellWidth() {
        let tile = Image(width: 30, height: 4)
        let grid = ImageGrid(columns: 1, margin: 0).compose([tile], captions: ["a-very-long-file-name.schem"])
        XCTAssertEqual(grid.width, 30)
        XCTAssertEqual(BitmapFont.glyph("q"), BitmapFont.glyph("Q"))
        XCTAssertEqual(BitmapFont.glyph("@"), BitmapFont.glyph("\u{1F600}"))  // both the hollow box
    }
}

final class RenderGridTests: XCTestCase {
    func testRenderGridTilesOneRenderPerVolume() throws {
        var options = IsometricRenderer.Options()
        options.blockSize = 8
        options.margin = 0
        let renderer = IsometricRenderer(options: options)
        let stone = BlockVolume(size: (2, 2, 2), fill: BlockState("stone"))
        let single = try renderer.render(stone)
        let grid = try renderer.renderGrid([stone, stone, stone], grid: ImageGrid(columns: 3, margin: 1))
        XCTAssertEqual([grid.width, grid.height], [3 * single.width + 4, single.height + 2])
        XCTAssertEqual(grid[1 + single.width / 2, 1 + 2], single[single.width / 2, 2])
    }
}
