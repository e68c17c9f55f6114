import Anvil
import Foundation
import TestSupport
import XCTest

/// `worldgan view` end to end: the page is rendered by headless Chromium (software WebGL) from
/// `file://`; inputs are corners of the shipped sample world, extracted by the CLI.
final class ViewCommandTests: XCTestCase {
    private var dir: URL!
    /// The page's background (`BACKGROUND` in its script), 0…255.
    private let background = (27, 32, 41)

    override func setUpWithError() throws {
        dir = try Fixtures.temporaryDirectory(self)
    }

    /// The ruin as the input, and a folder of two samples: the same box shifted by 4 and 8 blocks.
    private func makeInputs() throws -> (input: URL, samples: URL) {
        let world = Fixtures.project("worlds/ruins").path
        let input = dir.appendingPathComponent("ruins.schem"), samples = dir.appendingPathComponent("samples")
        try FileManager.default.createDirectory(at: samples, withIntermediateDirectories: true)
        for (shift, out) in [(0, input), (4, samples.appendingPathComponent("sample-0.schem")),
                             (8, samples.appendingPathComponent("sample-1.schem"))] {
            let r = try CLIRunner.run(["extract", world, "--from", "\(48 + shift)", "-63", "48", "--to", "\(95 + shift)", "-47", "95",
                                       "-o", out.path])
            XCTAssertEqual(r.status, 0, r.output)
        }
        return (input, samples)
    }

    private func view(_ inputs: [URL], _ name: String = "view.html") throws -> URL {
        let page = dir.appendingPathComponent(name)
        let r = try CLIRunner.run(["view"] + inputs.map(\.path) + ["-o", page.path])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.stdout.hasPrefix("wrote \(page.path)"), r.stdout)
        return page
    }

    func testPageShowsTheSampleMakesNoRequestAndTheCutAwayChangesThePicture() throws {
        let chromium = try HeadlessChromium.required(profileIn: dir)
        let (input, samples) = try makeInputs()
        let page = try view([input, samples])
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=\"//"), "no external reference")

        let full = dir.appendingPathComponent("full.png"), cut = dir.appendingPathComponent("cut.png")
        let netLog = dir.appendingPathComponent("net.json")
        try chromium.screenshot(page, hash: "show=1", width: 800, height: 560, to: full, netLog: netLog)
        try chromium.screenshot(page, hash: "show=1&cut=3", width: 800, height: 560, to: cut)
        let centre = try ScreenshotPixels.centre(full, background: background)
        XCTAssertGreaterThan(centre.foregroundShare, 0.6, "the centre shows the sample, not the background: \(centre)")
        XCTAssertGreaterThan(try ScreenshotPixels.changedShare(full, cut), 0.02, "cutting away layers changes the picture")

        let picked = try chromium.status(page, hash: "show=1&pick=400,280", width: 800, height: 560)
        let name = try XCTUnwrap(picked["hover"] as? String, "\(picked)")
        let ruin = try SchematicFile.read(samples.appendingPathComponent("sample-0.schem")).volume
        XCTAssertTrue(ruin.palette.contains { name.hasPrefix($0.token.replacingOccurrences(of: "minecraft:", with: "") + " at ") },
                      "the block under the cursor is named: \(name)")

        let status = try chromium.status(page, hash: "show=1&compare")
        XCTAssertEqual(status["ready"] as? Bool, true, "\(status)")
        XCTAssertTrue(status["error"] is NSNull, "\(status)")
        XCTAssertEqual(status["shown"] as? [Int], [0, 1], "side by side: the input, then the sample")
        XCTAssertEqual((status["violations"] as? [Any])?.count, 0, "no request blocked by the page's CSP: \(status)")
        XCTAssertEqual((status["resources"] as? [Any])?.count, 0, "no resource loaded: \(status)")
        // Chromium's net log lists every URL requested; a file:// page asking for nothing lists no URL.
        let log = try String(contentsOf: netLog, encoding: .utf8)
        for scheme in ["http://", "https://", "ws://", "wss://", "ftp://"] {
            XCTAssertFalse(log.contains(scheme), "the net log shows a \(scheme) request")
        }
    }

    func testMeasuresAreThoseOfEval() throws {
        let (input, samples) = try makeInputs()
        let page = try view([input, samples])
        let html = try String(contentsOf: page, encoding: .utf8)
        let r = try CLIRunner.run(["eval", input.path, samples.appendingPathComponent("sample-0.schem").path,
                                   samples.appendingPathComponent("sample-1.schem").path, "--json"])
        XCTAssertEqual(r.status, 0, r.output)
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let scores = try XCTUnwrap(report["samples"] as? [[String: Any]])
        for score in scores {
            for kl in try XCTUnwrap(score["tilePatternKL"] as? [[String: Any]]) {
                let k = kl["patternSize"] as? Int ?? 0, value = kl["value"] as? Double ?? -1
                let cell = #"{"label":"tile-pattern KL k=\#(k)","value":"\#(String(format: "%.4f", value))"}"#
                XCTAssertTrue(html.contains(cell), "page shows \(cell)")
            }
            let chi = String(format: "%.4f", score["histogramChiSquared"] as? Double ?? -1)
            XCTAssertTrue(html.contains(#"{"label":"block histogram χ²","value":"\#(chi)"}"#), "page shows χ² \(chi)")
        }
    }

    func testInvalidInputsGiveRendersOneLineErrors() throws {
        let garbage = dir.appendingPathComponent("garbage.schem")
        try Data("not a schematic".utf8).write(to: garbage)
        let empty = dir.appendingPathComponent("empty-folder")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for bad in [dir.appendingPathComponent("missing.schem").path, garbage.path, empty.path] {
            let render = try CLIRunner.run(["render", bad, "-o", dir.appendingPathComponent("x.png").path])
            let view = try CLIRunner.run(["view", bad, "-o", dir.appendingPathComponent("x.html").path])
            XCTAssertNotEqual(view.status, 0, bad)
            XCTAssertEqual(view.stderr, render.stderr, "same error as render for \(bad)")
            let first = view.stderr.split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertTrue(first.hasPrefix("Error: ") && first.contains(bad), "one line naming the input: \(view.stderr)")
        }
        let render = try CLIRunner.run(["render", "-o", dir.appendingPathComponent("x.png").path])
        let none = try CLIRunner.run(["view", "-o", dir.appendingPathComponent("x.html").path])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertEqual(none.stderr.split(separator: "\n").first, render.stderr.split(separator: "\n").first, "no input: render's error")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.html").path))
    }

    /// 384×32×384 (4.7 M voxels): the ruin tiled 8 × 2 × 8 and cut to 32 layers. It turns smoothly
    /// (coarse mesh while moving) and the file stays small.
    func testLargeSampleStaysSmallAndOrbits() throws {
        let chromium = try HeadlessChromium.required(profileIn: dir)
        let (input, _) = try makeInputs()
        let ruin = try SchematicFile.read(input).volume
        var indices = [UInt32](repeating: 0, count: 384 * 32 * 384)
        for x in 0..<384 { for y in 0..<32 { for z in 0..<384 {
            indices[(x * 32 + y) * 384 + z] = ruin.indices[ruin.offset(x % ruin.sizeX, y % ruin.sizeY, z % ruin.sizeZ)]
        } } }
        let big = dir.appendingPathComponent("big.schem")
        try SchematicFile.write(BlockVolume(size: (384, 32, 384), palette: ruin.palette, indices: indices), to: big, dataVersion: 3953)
        let page = try view([big], "big.html")
        let bytes = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int)
        XCTAssertLessThan(bytes, 4_000_000, "the page stays a few MB")

        // Software WebGL on a shared CI machine: a small window and a few frames keep this bounded.
        let status = try chromium.status(page, hash: "bench=10", width: 480, height: 300, timeout: 600)
        XCTAssertEqual(status["ready"] as? Bool, true, "\(status)")
        XCTAssertTrue(status["error"] is NSNull, "\(status)")
        let fps = try XCTUnwrap(status["fps"] as? Double, "\(status)")
        let rest = try XCTUnwrap(status["fpsAtRest"] as? Double, "\(status)")
        let mesh = try XCTUnwrap((status["meshes"] as? [String: Any])?["0"] as? [String: Any], "\(status)")
        let coarse = try XCTUnwrap(mesh["coarse"] as? [String: Any], "a mesh this large has a coarse one: \(mesh)")
        let turning = try XCTUnwrap((status["drawnMoving"] as? [String: Any])?["triangles"] as? Int, "\(status)")
        let resting = try XCTUnwrap((status["drawn"] as? [String: Any])?["triangles"] as? Int, "\(status)")
        print("view 384×32×384: \(bytes) bytes, \(fps) frames per second turning, \(rest) at rest (headless SwiftShader), "
              + "\(turning) and \(resting) triangles a frame, loaded in \(status["loadMs"] ?? "?") ms, mesh \(mesh)")
        // While the camera turns it draws the coarse mesh: at most 150 000 quads, about half of them
        // facing the camera, instead of the full mesh's million quads (1.1 M triangles).
        XCTAssertLessThanOrEqual(coarse["quads"] as? Int ?? .max, 150_000, "\(coarse)")
        XCTAssertLessThan(turning, resting / 4, "turning draws the coarse mesh")
        // An idle 2-core machine turns this at 30–40 frames per second (4–5 at rest); other jobs on
        // the cores halve that. 2 leaves a tenfold margin and still fails the 0.1 of one instanced
        // draw per quad.
        XCTAssertGreaterThanOrEqual(fps, 2, "\(status)")
        XCTAssertGreaterThan(rest, 0, "\(status)")

        // The coarse mesh shows the sample and follows the cut-away.
        let coarseFull = dir.appendingPathComponent("coarse.png"), coarseCut = dir.appendingPathComponent("coarse-cut.png")
        try chromium.screenshot(page, hash: "coarse", width: 800, height: 560, to: coarseFull)
        try chromium.screenshot(page, hash: "coarse&cut=3", width: 800, height: 560, to: coarseCut)
        let centre = try ScreenshotPixels.centre(coarseFull, background: background)
        XCTAssertGreaterThan(centre.foregroundShare, 0.6, "the coarse mesh shows the sample: \(centre)")
        XCTAssertGreaterThan(try ScreenshotPixels.changedShare(coarseFull, coarseCut), 0.02, "the cut-away changes the coarse picture")
    }
}
