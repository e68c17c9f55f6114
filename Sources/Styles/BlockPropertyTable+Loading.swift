import Foundation

extension BlockPropertyTable {
    /// The table shipped with worldgan (compiled in from `BlockPropertyTable+Data.swift`), parsed once per process.
    /// - Throws: `StyleError.resourceMissing` or `.badPropertyTable` (a packaging fault).
    public static func bundled() throws(StyleError) -> BlockPropertyTable { try cachedBundled.get() }

    private static let cachedBundled: Result<BlockPropertyTable, StyleError> =
        Result { () throws(StyleError) in try parse(Data(bundledJSON.utf8), origin: "bundled block-properties table") }

    /// Parses the JSON form `{ "version": …, "families": {suffix: properties}, "blocks": {name:
    /// properties}, "plain": [name, …] }` with properties `{name: [default, other values…]}`.
    /// - Throws: `StyleError.badPropertyTable` naming `origin` and what is wrong.
    public static func parse(_ data: Data, origin: String) throws(StyleError) -> BlockPropertyTable {
        let file: TableFile
        do { file = try JSONDecoder().decode(TableFile.self, from: data) } catch {
            throw .badPropertyTable(file: origin, reason: String(describing: error))
        }
        for (name, properties) in file.blocks.merging(file.families, uniquingKeysWith: { a, _ in a }) {
            if let empty = properties.first(where: { $0.value.isEmpty }) {
                throw .badPropertyTable(file: origin, reason: "\(name).\(empty.key) lists no values")
            }
        }
        return BlockPropertyTable(version: file.version, blocks: file.blocks, plain: Set(file.plain),
                                  families: file.families)
    }

    private struct TableFile: Decodable {
        var version: String
        var families: [String: Properties]
        var blocks: [String: Properties]
        var plain: [String]
    }
}
