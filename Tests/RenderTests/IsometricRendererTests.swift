import Anvil
import Foundation
import Render
import TestSupport
import XCTest

final class IsometricRendererTests: XCTestCase {
    /// blockSize 16 → half-width a = 8 px, vertical edge h = round(8 · 1.225) = 10 px.
    private func options(_ blockSize: Int = 16, margin: Int = 0) -> IsometricRenderer.Options {
        var o = IsometricRenderer.Options()
        o.blockSize = blockSize
        o.margin = margin
        return o
    }

    private func volume(_ size: (Int, Int, Int), _ blocks: [((Int, Int, Int), String)]) -> BlockVolume {
        var v = BlockVolume(size: size)
        for (p, name) in blocks { v[p.0, p.1, p.2] = BlockState(name) }
        return v
    }

    func testSingleStoneBlockHasKnownPixelsOnEachShadedFace() throws {
        let image = try IsometricRenderer(options: options()).render(volume((1, 1, 1), [((0, 0, 0), "stone")]))
        XCTAssertEqual([image.width, image.height], [16, 18])  // 2a wide, a + h tall
        XCTAssertEqual(image[8, 4], RGBA(125, 125, 125))     // top face centre, stone 0x7D7D7D
        XCTAssertEqual(image[12, 11], RGBA(100, 100, 100))   // right (+x) face, × 0.8
        XCTAssertEqual(image[4, 11], RGBA(80, 80, 80))       // left (+z) face, × 0.64
        XCTAssertEqual(image[0, 0], .clear)                  // air around the block stays empty
        XCTAssertEqual(image[15, 17], .clear)
    }

    func testFaceOutlinesAreDarkerThanFaceCentres() throws {
        let image = try IsometricRenderer(options: options()).render(volume((1, 1, 1), [((0, 0, 0), "stone")]))
        // The vertical front edge (x = 1, z = 1) runs down the middle column of the picture.
        XCTAssertLessThan(image[8, 12].red, 80)
    }

    func testGlassAboveStoneBlendsBothColours() throws {
        var blocks: [((Int, Int, Int), String)] = [((1, 1, 1), "glass")]
        for x in 0..<3 { for z in 0..<3 { blocks.append(((x, 0, z), "stone")) } }
        let image = try IsometricRenderer(options: options()).render(volume((3, 2, 3), blocks))
        // Pixel of the glass top centre (1.5, 2, 1.5); the ray goes on to the stone top at (0.25, 1, 0.25).
        // 0.32 · glass (192, 245, 254) + 0.68 · stone 125.
        XCTAssertEqual(image[24, 12], RGBA(146, 163, 166))
    }

    func testWaterAloneIsHalfTransparent() throws {
        let image = try IsometricRenderer(options: options()).render(volume((1, 1, 1), [((0, 0, 0), "water")]))
        XCTAssertEqual(image[8, 4].alpha, 140)  // opacity 0.55
        XCTAssertEqual(image[8, 4].blue, 0xE4)
    }

    func testCutawayHidesBlocksAboveTheGivenLayer() throws {
        var o = options()
        o.cutawayY = 0
        let v = volume((1, 2, 1), [((0, 0, 0), "stone"), ((0, 1, 0), "gold_block")])
        let image = try IsometricRenderer(options: o).render(v)
        let gold = (0..<image.height).flatMap { y in (0..<image.width).map { image[$0, y] } }.filter { $0.red > 200 }
        XCTAssertTrue(gold.isEmpty)
        XCTAssertEqual(image[8, 14], RGBA(125, 125, 125))  // the stone top, now uncovered, one h lower
    }

    func testViewCornerDecidesWhichBlockIsInFront() throws {
        let v = volume((2, 1, 1), [((0, 0, 0), "stone"), ((1, 0, 0), "gold_block")])
        var o = options()
        let fromSouthEast = try IsometricRenderer(options: o).render(v)
        o.corner = .northWest
        let fromNorthWest = try IsometricRenderer(options: o).render(v)
        XCTAssertEqual(fromSouthEast[8, 4], RGBA(125, 125, 125))    // stone top at the far corner
        XCTAssertEqual(fromSouthEast[16, 8], RGBA(0xF6, 0xD0, 0x3D))  // gold top nearer the viewer
        XCTAssertEqual(fromNorthWest[8, 4], RGBA(0xF6, 0xD0, 0x3D))
    }

    func testTopDownShowsEachBlockAsASquareWithItsTopColour() throws {
        var o = options(4)
        o.projection = .topDown
        let v = volume((2, 1, 1), [((0, 0, 0), "stone"), ((1, 0, 0), "grass_block")])
        let image = try IsometricRenderer(options: o).render(v)
        XCTAssertEqual([image.width, image.height], [8, 4])
        XCTAssertEqual(image[1, 1], RGBA(125, 125, 125))
        XCTAssertEqual(image[5, 2], RGBA(0x6F, 0x9A, 0x3E))
    }

    func testPlantsCoverFewerPixelsThanFullBlocks() throws {
        func covered(_ name: String) throws -> Int {
            let image = try IsometricRenderer(options: options()).render(volume((1, 1, 1), [((0, 0, 0), name)]))
            return stride(from: 3, to: image.pixels.count, by: 4).filter { image.pixels[$0] > 0 }.count
        }
        let stone = try covered("stone"), poppy = try covered("poppy")
        XCTAssertGreaterThan(poppy, 0)
        XCTAssertLessThan(Double(poppy), 0.6 * Double(stone))
    }

    func testBottomSlabIsDrawnLowerThanAFullBlock() throws {
        let slab = BlockVolume(size: (1, 1, 1), fill: BlockState("minecraft:stone_slab", ["type": "bottom"]))
        let image = try IsometricRenderer(options: options()).render(slab)
        XCTAssertEqual(image[8, 4], .clear)                   // where a full block's top would be
        XCTAssertEqual(image[8, 9], RGBA(125, 125, 125))      // slab top, h/2 = 5 px lower, coloured as stone
    }

    func testOversizedPictureThrowsImageTooLarge() {
        var o = options()
        o.maxPixels = 1000
        XCTAssertThrowsError(try IsometricRenderer(options: o).render(BlockVolume(size: (20, 5, 20)))) { error in
            guard case RenderError.imageTooLarge = error else { return XCTFail("\(error)") }
        }
    }

    func testEmptyVolumeGivesAnEmptyPicture() throws {
        for projection in IsometricRenderer.Projection.allCases {
            var o = options()
            o.projection = projection
            let image = try IsometricRenderer(options: o).render(BlockVolume(size: (0, 4, 3)))
            XCTAssertTrue(image.pixels.allSatisfy { $0 == 0 }, "\(projection)")
        }
    }

    func testOddBlockSizeIsRejected() {
        XCTAssertThrowsError(try IsometricRenderer(options: options(7)).render(BlockVolume(size: (1, 1, 1))))
    }

    func testPaletteIndexOutsidePaletteRendersAsAirInsteadOfTrapping() throws {
        let v = BlockVolume(size: (1, 1, 1), palette: [BlockState("stone")], indices: [0])
        var broken = v
        broken.indices[0] = 7
        let image = try IsometricRenderer(options: options()).render(broken)
        XCTAssertEqual(image[8, 4], .clear)
    }
}

final class SceneRenderTests: XCTestCase {
    /// Renders the hut from every corner and top-down. Set WORLDGAN_RENDER_PREVIEW to a folder to
    /// keep the PNGs for a look.
    func testHutSceneRendersFromEveryCornerWithEveryMaterialVisible() throws {
        let keep = ProcessInfo.processInfo.environment["WORLDGAN_RENDER_PREVIEW"].map { URL(fileURLWithPath: $0) }
        let folder = try keep ?? Fixtures.temporaryDirectory(self)
        var options = IsometricRenderer.Options()
        var views: [Image] = []
        for corner in ViewCorner.allCases {
            options.corner = corner
            let image = try IsometricRenderer(options: options).render(TestScenes.hut())
            views.append(image)
            let opaque = stride(from: 3, to: image.pixels.count, by: 4).filter { image.pixels[$0] == 255 }.count
            XCTAssertGreaterThan(opaque, image.width * image.height / 3, "\(corner)")
            try image.writePNG(to: folder.appendingPathComponent("hut-\(corner.rawValue).png"))
        }
        let grid = ImageGrid(columns: 2).compose(views, captions: ViewCorner.allCases.map(\.rawValue))
        XCTAssertEqual(grid.width, 2 * views[0].width + 3 * 8)
        try grid.writePNG(to: folder.appendingPathComponent("hut-grid.png"))
        options.corner = .southEast
        options.blockSize = 32
        try IsometricRenderer(options: options).render(TestScenes.hut())
            .writePNG(to: folder.appendingPathComponent("hut-large.png"))
        options.projection = .topDown
        try IsometricRenderer(options: options).render(TestScenes.hut())
            .writePNG(to: folder.appendingPathComponent("hut-top-down.png"))
    }
}
