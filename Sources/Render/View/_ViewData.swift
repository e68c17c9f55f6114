import Anvil
import Foundation

/// Everything the page's script reads, encoded once as JSON inside the page.
struct _ViewData: Encodable {
    /// One bar of an entry's block histogram: a look, its voxels here and in the input.
    struct Bar: Encodable {
        var look: Int
        var count: Int
        var input: Int?
    }

    struct Entry: Encodable {
        var name: String
        var role: ViewPage.Role
        var size: [Int]
        /// `_VoxelPacking` bytes, base64.
        var voxels: String
        var total: Int
        var inputTotal: Int?
        var histogram: [Bar]
        var measures: [ViewMeasure]
    }

    struct Preview: Encodable {
        var name: String
        var src: String
    }

    var title: String
    var looks: [_ViewLooks.Look]
    var entries: [Entry]
    var summary: [ViewMeasure]
    var previews: [Preview]

    init(page: ViewPage) {
        var looks = _ViewLooks(colours: page.colours)
        let lookIDs = page.entries.map { looks.ids(for: $0.volume) }
        let counts = zip(page.entries, lookIDs).map { Self.counts($0.volume, lookOf: $1) }
        let inputIndex = page.entries.firstIndex { $0.role == .input }
        entries = page.entries.indices.map { i in
            let entry = page.entries[i], volume = entry.volume
            let input = inputIndex.flatMap { $0 == i ? nil : counts[$0] }
            let bars = counts[i].filter { $0.key != 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                .prefix(page.histogramLength)
                .map { Bar(look: $0.key, count: $0.value, input: input.map { [key = $0.key] in $0[key] ?? 0 }) }
            return Entry(name: entry.name, role: entry.role, size: [volume.sizeX, volume.sizeY, volume.sizeZ],
                         voxels: Data(_VoxelPacking.pack(volume, lookOf: lookIDs[i])).base64EncodedString(),
                         total: volume.count, inputTotal: input == nil ? nil : inputIndex.map { page.entries[$0].volume.count },
                         histogram: Array(bars), measures: entry.measures)
        }
        self.looks = looks.looks
        title = page.title
        summary = page.summary
        previews = page.previews.map { Preview(name: $0.name, src: "data:image/png;base64," + $0.png.base64EncodedString()) }
    }

    /// Voxels per look id.
    static func counts(_ volume: BlockVolume, lookOf: [Int]) -> [Int: Int] {
        var perIndex = [Int](repeating: 0, count: volume.palette.count)
        var damaged = 0
        for i in volume.indices { if Int(i) < perIndex.count { perIndex[Int(i)] += 1 } else { damaged += 1 } }
        var counts: [Int: Int] = damaged > 0 ? [0: damaged] : [:]
        for (i, n) in perIndex.enumerated() where n > 0 { counts[lookOf[i], default: 0] += n }
        return counts
    }

    /// JSON that cannot end the `<script>` element holding it (`<` is escaped).
    func scriptSafeJSON() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(self), as: UTF8.self)
        return json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
