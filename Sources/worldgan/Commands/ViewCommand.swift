import ArgumentParser
import Foundation
import Render

/// `worldgan view`: one offline HTML page to turn samples around in 3D and compare them with the input.
struct ViewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Write a self-contained 3D page (WebGL, offline) to walk around schematics and samples.",
        discussion: """
        The page needs no network and no other file: open it from disk in any browser with
        WebGL 2. Drag to turn, right-drag or shift-drag to pan, wheel or pinch to zoom; the slider
        cuts away layers from the top; the block under the cursor is named. Samples are shown
        with `worldgan eval`'s measures against the input (a run folder's training input, else
        the first schematic when more follow) and can be shown side by side with it.

        Examples:
          worldgan view runs/ruins samples -o view.html          # the input, then every sample
          worldgan view ruins.schem samples/sample-0.schem -o view.html
          worldgan view sample-1.schem -o sample.html
        """
    )

    @Argument(help: "Schematics, run folders (their training input and previews) or sample folders (every schematic inside).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The HTML page to write.")
    var output = "view.html"

    @Option(help: "Page title (default: the first input's name).")
    var title: String?

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("give at least one schematic, run folder or sample folder") }
    }

    func run() throws {
        let loaded = try ViewInputs(paths: inputs)
        let page = try loaded.page(title: title ?? URL(fileURLWithPath: inputs[0]).deletingPathExtension().lastPathComponent)
        try Self.write(page, to: URL(fileURLWithPath: output))
    }

    /// Writes the page atomically and says so (size included: it should stay a few MB).
    static func write(_ page: ViewPage, to url: URL) throws {
        try InputLoading.prepareOutput(url)
        let html = Data(try page.html().utf8)
        do { try html.write(to: url, options: .atomic) } catch {
            throw RenderError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        let megabytes = String(format: "%.2f", Double(html.count) / 1_000_000)
        print("wrote \(url.path) (\(page.entries.count) volume\(page.entries.count == 1 ? "" : "s"), \(megabytes) MB)")
    }
}
