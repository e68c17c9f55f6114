import Foundation

/// Pre-1.13 numeric block ids (`id:data`) → flattened block states.
///
/// Loaded from the bundled `Resources/legacy-blocks.tsv`, which `tools/make-legacy-table.py`
/// generates from the `legacy.json` of the PyPI package `minecraft-data` (MIT, PrismarineJS data;
/// credited in the TSV header and `FORMATS.md`). Rows are `id<TAB>data<TAB>token`.
///
/// Ids run 0…4095 (8 bits of `Blocks` plus the 4-bit `Add` nibble), data 0…15.
/// An `id:data` the table lacks falls back to the same id's `data = 0` block (the data value often
/// only carried orientation or growth stage); an id the table lacks entirely becomes
/// `minecraft:legacy_<id>_<data>` (`resolve` reports both cases as inexact so decoders can warn).
///
/// ```swift
/// let table = try LegacyBlockTable.bundled()
/// table.resolve(id: 1, data: 1).state   // minecraft:granite
/// ```
public struct LegacyBlockTable: Sendable {
    /// States by key `id << 4 | data`; `nil` where the table has no row.
    private let states: [BlockState?]

    /// Why the bundled table could not be loaded (a packaging fault, not a world's).
    public enum LoadError: Error, Sendable, CustomStringConvertible {
        case resourceMissing
        case badRow(line: Int, text: String)
        public var description: String {
            switch self {
            case .resourceMissing:
                return "legacy-blocks.tsv is missing from the Anvil bundle; rebuild worldgan (swift build) so the resource is copied"
            case .badRow(let line, let text):
                return "legacy-blocks.tsv line \(line) is not `id<TAB>data<TAB>token`: \(text); regenerate it with tools/make-legacy-table.py"
            }
        }
    }

    /// Parses TSV text (comments start with `#`). - Throws: `LoadError.badRow`.
    public init(tsv: String) throws(LoadError) {
        var table = [BlockState?](repeating: nil, count: 4096 * 16)
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 3, let id = Int(cols[0]), let data = Int(cols[1]),
                  (0..<4096).contains(id), (0..<16).contains(data),
                  let state = BlockState(token: String(cols[2])) else {
                throw .badRow(line: lineNumber, text: String(line))
            }
            table[id << 4 | data] = state
        }
        states = table
    }

    /// The table shipped with worldgan, parsed once per process. - Throws: `LoadError`.
    public static func bundled() throws(LoadError) -> LegacyBlockTable { try cached.get() }

    private static let cached: Result<LegacyBlockTable, LoadError> = {
        guard let url = Bundle.module.url(forResource: "legacy-blocks", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            return .failure(.resourceMissing)
        }
        return Result { () throws(LoadError) -> LegacyBlockTable in try LegacyBlockTable(tsv: text) }
    }()

    /// Number of `id:data` rows in the table.
    public var count: Int { states.lazy.filter { $0 != nil }.count }

    /// The state for `id:data` and whether the table had that exact row.
    /// - Parameters: `id` 0…4095, `data` 0…15 (other values are masked into range).
    public func resolve(id: Int, data: Int) -> (state: BlockState, exact: Bool) {
        let id = id & 0xFFF, data = data & 0xF
        if let s = states[id << 4 | data] { return (s, true) }
        if let s = states[id << 4] { return (s, false) }
        return (BlockState("minecraft:legacy_\(id)_\(data)"), false)
    }
}
