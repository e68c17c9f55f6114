import Anvil
import Render
import XCTest

/// `ViewPage` without a browser (`CLITests/ViewCommandTests` open the page in headless Chromium).
final class ViewPageTests: XCTestCase {
    func testAVolumeLongerThanTheVerticesHoldIsRefused() {
        var page = ViewPage(title: "long")
        page.entries = [.init(name: "long", role: .sample, volume: BlockVolume(size: (ViewPage.maxSide + 1, 1, 1)))]
        XCTAssertThrowsError(try page.html()) { error in
            guard case RenderError.invalidOption(let option, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(option, "volume long")
        }
    }
}
