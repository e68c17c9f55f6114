import Foundation
import Render
import XCTest

final class PNGEncoderTests: XCTestCase {
    func testEncodedImageDecodesIdenticallyWithPythonZlib() throws {
        // Gradients and noise make every one of the five row filters the cheapest somewhere.
        var image = Image(width: 37, height: 23)
        var seed: UInt64 = 42
        for y in 0..<image.height {
            for x in 0..<image.width {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let noise = UInt8(truncatingIfNeeded: seed >> 56)
                image[x, y] = y < 8 ? RGBA(UInt8(x * 6), UInt8(y * 10), 90, 255)
                    : (y < 16 ? RGBA(noise, UInt8(x), noise / 2, noise | 1) : RGBA(200, 30, UInt8(x + y), UInt8(x * 7)))
            }
        }
        let (w, h, pixels) = try PNGDecoding.decode(try PNGEncoder().encode(image))
        XCTAssertEqual(w, 37)
        XCTAssertEqual(h, 23)
        XCTAssertEqual(pixels, image.pixels)
    }

    func testFileStartsWithSignatureAndHeaderChunk() throws {
        let bytes = try PNGEncoder().encode(Image(width: 3, height: 2, fill: .white))
        XCTAssertEqual(Array(bytes[0..<8]), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(bytes[12..<16]), Array("IHDR".utf8))
        XCTAssertEqual(Array(bytes[16..<24]), [0, 0, 0, 3, 0, 0, 0, 2])
        XCTAssertEqual(Array(bytes.suffix(12)), [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])
    }

    func testZeroPixelImageThrowsEmptyImage() {
        XCTAssertThrowsError(try PNGEncoder().encode(Image(width: 0, height: 5))) {
            XCTAssertEqual($0 as? RenderError, .emptyImage(width: 0, height: 5))
        }
    }

    func testTransparentPixelEncodes() throws {
        let (w, h, pixels) = try PNGDecoding.decode(try PNGEncoder().encode(Image(width: 1, height: 1)))
        XCTAssertEqual([w, h], [1, 1])
        XCTAssertEqual(pixels, [0, 0, 0, 0])
    }

    func testWritingIntoMissingFolderThrowsCannotWriteNamingThePath() throws {
        let url = URL(fileURLWithPath: "/nonexistent-worldgan-folder/x.png")
        XCTAssertThrowsError(try Image(width: 1, height: 1).writePNG(to: url)) { error in
            guard case let RenderError.cannotWrite(path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertTrue("\(error)".contains("/nonexistent-worldgan-folder/x.png"))
        }
    }
}
