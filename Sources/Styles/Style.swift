import Anvil

/// A style: the paper's "swappable token mapping", a table that renames blocks of a generated
/// structure (stone bricks → red sandstone, grass → sand, …) without retraining.
///
/// Bundled (`BundledStyles`, `--style NAME`) or on disk (`--style FILE.json`):
/// ```json
/// { "description": "Desert ruins",
///   "map": { "minecraft:stone_bricks": "minecraft:cut_red_sandstone",
///            "minecraft:tall_grass": "minecraft:dead_bush",
///            "minecraft:tall_grass[half=upper]": "minecraft:air",
///            "minecraft:grass_block": "minecraft:grass_block[snowy=true]" } }
/// ```
/// - A key that is a bare name matches every state of that block; a key with properties matches
///   the states having those property values (a full token: exactly that state). When several
///   keys match, the one naming more properties wins (`tall_grass[half=upper]` before `tall_grass`).
/// - A value is the target block; properties written in it override. The other properties are
///   carried over from the source state as `BlockPropertyTable.carryOver(from:to:)` documents
///   (stairs stay stairs with their facing; a slab keeps its type).
/// - A value of `minecraft:air` removes the block.
/// - Several keys may share a target (cobblestone and stone bricks → cut red sandstone): the
///   original crashed on such merged targets, here they are ordinary entries.
///
/// ```swift
/// let desert = try Style.load(named: "desert")
/// desert.rule(for: BlockState("minecraft:stone_bricks"))?.target   // minecraft:cut_red_sandstone
/// ```
public struct Style: Sendable, Equatable {
    /// What the style does, one sentence for `--help` and reports.
    public let description: String
    /// The entries as written: source key → target value.
    public let map: [String: String]
    /// The entries parsed, sorted by source token.
    public let rules: [StyleRule]
    /// Where the style came from (a file path, `bundled style NAME`, or `<memory>`); errors name it.
    public let origin: String
    /// Rules by source block name, most specific first.
    private let rulesByName: [String: [StyleRule]]

    /// A style from its entries, checked: every key and value must be a block token.
    /// - Parameter origin: names the style in errors.
    /// - Throws: `StyleError.badEntry` naming the first bad entry (in key order) and its problem:
    ///   `.sourceNotAToken`, `.targetNotAToken`, `.airWithProperties`, `.duplicateSource`.
    /// - Complexity: O(entries · log entries).
    public init(description: String = "", map: [String: String], origin: String = "<memory>") throws(StyleError) {
        var rules: [StyleRule] = []
        var keyOfSource: [BlockState: String] = [:]
        for (key, value) in map.sorted(by: { $0.key < $1.key }) {
            func bad(_ problem: StyleError.EntryProblem) -> StyleError {
                .badEntry(file: origin, source: key, target: value, problem: problem)
            }
            guard let source = BlockTokenSyntax.parse(key) else { throw bad(.sourceNotAToken) }
            guard let target = BlockTokenSyntax.parse(value) else { throw bad(.targetNotAToken) }
            guard !target.isAir || target.properties.isEmpty else { throw bad(.airWithProperties) }
            if let other = keyOfSource[source] { throw bad(.duplicateSource(other: other)) }
            keyOfSource[source] = key
            rules.append(StyleRule(source: source, target: target))
        }
        self.description = description
        self.map = map
        self.origin = origin
        self.rules = rules.sorted { $0.source.token < $1.source.token }
        self.rulesByName = Dictionary(grouping: rules, by: \.source.name)
            .mapValues { $0.sorted(by: StyleRule.isMoreSpecific) }
    }

    /// The entry that applies to `state`, or `nil` when the style does not cover it (the block
    /// is then kept as it is).
    /// - Complexity: O(entries for that block name).
    public func rule(for state: BlockState) -> StyleRule? {
        rulesByName[state.name]?.first { $0.matches(state) }
    }

    /// Two styles are equal when their descriptions and entries are (wherever they came from).
    public static func == (a: Style, b: Style) -> Bool {
        a.description == b.description && a.map == b.map
    }
}

extension Style: Codable {
    private enum CodingKeys: String, CodingKey { case description, map }

    /// Decodes `{ "description": …, "map": { … } }` (`description` may be absent) and checks the
    /// entries as `init(description:map:origin:)` does, with origin `<decoded>`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(description: container.decodeIfPresent(String.self, forKey: .description) ?? "",
                      map: container.decode([String: String].self, forKey: .map),
                      origin: "<decoded>")
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .description)
        try container.encode(map, forKey: .map)
    }
}
