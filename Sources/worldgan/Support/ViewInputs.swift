import Anvil
import Foundation
import Render

/// What `worldgan view` and `generate --view` show: volumes from schematics, run folders (their
/// training input and `previews/*.png`) and sample folders (every schematic inside), with
/// `worldgan eval`'s measures of each sample against the input, computed here.
struct ViewInputs {
    /// Schematic extensions picked up from a sample folder.
    static let schematicExtensions: Set<String> = ["schem", "schematic", "litematic"]
    /// Above this many voxels per volume the Levenshtein diversity (O(n²)) is skipped.
    static let levenshteinLimit = 100_000

    private(set) var entries: [ViewPage.Entry] = []
    private(set) var previews: [ViewPage.Preview] = []

    /// Loads `paths` in order. The input is the first run folder's training input, else the first
    /// schematic when more volumes follow (as in `eval`).
    /// - Throws: the errors `render` gives for missing or unreadable schematics.
    init(paths: [String]) throws {
        var sawRun = false
        for path in paths {
            if let files = try Self.sampleFolder(path) {
                for file in files {
                    entries.append(.init(name: file.deletingPathExtension().lastPathComponent, role: .sample,
                                         volume: try InputLoading.schematic(file.path).volume))
                }
                continue
            }
            // A run folder stands for the structure it was trained on, as in `render`.
            let real = EvalCommand.realSchematic(path)
            let isRun = real != path
            let role: ViewPage.Role = isRun && !sawRun ? .input : .sample
            entries.append(.init(name: Self.name(of: path, isRun: isRun), role: role,
                                 volume: try InputLoading.schematic(real).volume))
            if isRun { previews += Self.previews(in: URL(fileURLWithPath: path)); sawRun = true }
        }
        if !sawRun, entries.count > 1 { entries[0].role = .input }
    }

    /// The input and samples already in memory (`generate --view`).
    init(input: (name: String, volume: BlockVolume)?, samples: [(name: String, volume: BlockVolume)]) {
        if let input { entries.append(.init(name: input.name, role: .input, volume: input.volume)) }
        entries += samples.map { .init(name: $0.name, role: .sample, volume: $0.volume) }
    }

    /// The page, with measures of each sample against the input when there is one.
    func page(title: String) throws -> ViewPage {
        var page = ViewPage(title: title)
        page.entries = entries
        page.previews = previews
        try Self.addMeasures(to: &page)
        return page
    }

    /// The schematics of a folder that is not a run folder (`nil` for files and run folders;
    /// a folder without schematics is treated as a run folder, so it gets `render`'s error).
    static func sampleFolder(_ path: String) throws -> [URL]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let folder = URL(fileURLWithPath: path)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("real.schem").path) { return nil }
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        let schematics = files.filter { schematicExtensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.lastPathComponent.localizedStandardCompare($1.lastPathComponent) == .orderedAscending }
        return schematics.isEmpty ? nil : schematics
    }

    static func name(of path: String, isRun: Bool) -> String {
        let url = URL(fileURLWithPath: path)
        return isRun ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
    }

    /// A run's `previews/scale<n>.png`, in scale order.
    static func previews(in run: URL) -> [ViewPage.Preview] {
        let folder = run.appendingPathComponent("previews")
        let files = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension.lowercased() == "png" }
            .sorted { $0.lastPathComponent.localizedStandardCompare($1.lastPathComponent) == .orderedAscending }
            .compactMap { url in (try? Data(contentsOf: url)).map { ViewPage.Preview(name: url.lastPathComponent, png: $0) } }
    }
}
