/// Block states renamed, split or without equivalent between Java releases, from 1.13 on.
///
/// Parsed from the compiled-in TSV (`BlockVersionTable+Data.swift`), which `make-version-table.py`
/// generates from the PyPI package `minecraft-data` (block lists to 1.19.2) and the hand-written,
/// wiki-cited `version-facts.json` (credited in the TSV header and `FORMATS.md`).
/// Each row is one rule of a *step*, the release DataVersion at which a change took effect:
/// `step<TAB>up|down<TAB>from<TAB>to`. A rule matches a state of the `from` block that has every
/// property `from` lists; it removes those properties, sets the name and properties of `to`, and
/// keeps the rest. `to` = `-` means the state has no equivalent on the other side of the step.
/// `up` rules take a state from the release before the step to the step's release, `down` rules
/// back. A state no rule matches (every modded block, and a state missing a matched property) is
/// kept as it is.
///
/// ```swift
/// let table = try BlockVersionTable.bundled()
/// table.translate(BlockState("minecraft:grass"), from: DataVersion(2586), to: .v1_21)
///     // minecraft:short_grass
/// table.translate(BlockState("minecraft:cherry_planks"), from: .v1_21, to: DataVersion(3120))
///     // nil: 1.19.2 has no cherry wood
/// ```
///
/// Steps are releases: a world saved by a snapshot between two releases counts as the older one.
public struct BlockVersionTable: Sendable {
    /// One rule: the properties it matches and what replaces them (`nil`: no equivalent).
    struct Rule: Sendable {
        let match: [(key: String, value: String)]
        let replacement: BlockState?

        func matches(_ state: BlockState) -> Bool {
            match.allSatisfy { state[$0.key] == $0.value }
        }
    }

    /// The rules of one release, by block name and direction.
    struct Step: Sendable {
        let dataVersion: DataVersion
        var up: [String: [Rule]] = [:]
        var down: [String: [Rule]] = [:]
    }

    /// Steps in ascending DataVersion.
    private let steps: [Step]

    /// Why the bundled table could not be loaded (a packaging fault, not a world's).
    public enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        case badRow(line: Int, text: String)
        public var description: String {
            switch self {
            case .badRow(let line, let text):
                return "block version table line \(line) is not `step<TAB>up|down<TAB>from<TAB>to`: \(text); regenerate it with Sources/Anvil/Blocks/make-version-table.py"
            }
        }
    }

    /// Parses TSV text (comments start with `#`). - Throws: `LoadError.badRow`.
    public init(tsv: String) throws(LoadError) {
        var byVersion: [Int: Step] = [:]
        var lineNumber = 0
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 4, let step = Int(cols[0]), cols[1] == "up" || cols[1] == "down",
                  let from = BlockState(token: cols[2]) else {
                throw .badRow(line: lineNumber, text: String(line))
            }
            let replacement = cols[3] == "-" ? nil : BlockState(token: cols[3])
            guard cols[3] == "-" || replacement != nil else { throw .badRow(line: lineNumber, text: String(line)) }
            let rule = Rule(match: from.properties, replacement: replacement)
            var entry = byVersion[step] ?? Step(dataVersion: DataVersion(step))
            if cols[1] == "up" { entry.up[from.name, default: []].append(rule) } else { entry.down[from.name, default: []].append(rule) }
            byVersion[step] = entry
        }
        steps = byVersion.values.sorted { $0.dataVersion < $1.dataVersion }
    }

    /// The table shipped with worldgan, parsed once per process. - Throws: `LoadError`.
    public static func bundled() throws(LoadError) -> BlockVersionTable { try cached.get() }

    private static let cached: Result<BlockVersionTable, LoadError> =
        Result { () throws(LoadError) -> BlockVersionTable in try BlockVersionTable(tsv: bundledTSV) }

    /// Number of rules, both directions.
    public var count: Int {
        steps.reduce(0) { $0 + $1.up.values.reduce(0) { $0 + $1.count } + $1.down.values.reduce(0) { $0 + $1.count } }
    }

    /// The DataVersions of the releases at which some rule applies, ascending.
    public var stepVersions: [DataVersion] { steps.map(\.dataVersion) }

    /// `state`, saved by `source`, as `target` names it; `nil` when `target` has no equivalent.
    ///
    /// Upward it applies every step in `source < step ≤ target` in ascending order, downward every
    /// step in `target < step ≤ source` in descending order; equal versions return `state` itself.
    /// - Complexity: O(steps crossed × rules of that block per step).
    public func translate(_ state: BlockState, from source: DataVersion, to target: DataVersion) -> BlockState? {
        var current = state
        if source < target {
            for step in steps where step.dataVersion > source && step.dataVersion <= target {
                guard let next = Self.apply(step.up[current.name], to: current) else { return nil }
                current = next
            }
        } else if target < source {
            for step in steps.reversed() where step.dataVersion > target && step.dataVersion <= source {
                guard let next = Self.apply(step.down[current.name], to: current) else { return nil }
                current = next
            }
        }
        return current
    }

    /// One step's rules for one block: matched properties go, replacements come, the rest stay.
    /// Every rule is matched against the state as it came in, so rules on different properties
    /// (a wall's four sides) do not see each other's output. `nil`: no equivalent.
    private static func apply(_ rules: [Rule]?, to state: BlockState) -> BlockState? {
        guard let rules else { return state }
        let matching = rules.filter { $0.matches(state) }
        guard !matching.isEmpty else { return state }
        var name = state.name
        var properties = state.propertyDictionary
        for rule in matching {
            guard let replacement = rule.replacement else { return nil }
            for key in rule.match.map(\.key) { properties[key] = nil }
            if replacement.name != state.name { name = replacement.name }
        }
        for rule in matching {
            for property in rule.replacement?.properties ?? [] { properties[property.key] = property.value }
        }
        return BlockState(name, properties)
    }
}
