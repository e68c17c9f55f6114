import Anvil

/// Which properties each block has, with the game's default and allowed values: what a style
/// needs to turn `stone_brick_stairs[facing=east,…]` into `smooth_red_sandstone_stairs[facing=east,…]`
/// and `stone_brick_slab[type=top,…]` into `sandstone` (no properties).
///
/// A block's properties are found in this order:
/// 1. `blocks`: an entry for the name (blocks with properties that no family rule covers:
///    `chest`, `vine`, `grass_block`, `water`, …);
/// 2. `plain`: a block known to have no properties (`sand`, `red_sandstone`, `dead_bush`, …);
/// 3. `families`: the longest suffix of the name with a rule (`_stairs`: facing, half, shape,
///    waterlogged; `_slab`: type, waterlogged; `_wall`, `_fence`, `_fence_gate`, `_pane`, `_log`,
///    `_wood`, `_pillar`, `_door`, `_trapdoor`, `_leaves`, …), which also covers blocks newer than
///    the table;
/// 4. otherwise the block is unknown (`properties(of:)` is `nil`) and is treated as having none.
///
/// The bundled table (`block-properties.json`) is generated for 1.21.1 by
/// `Sources/Styles/make-block-properties.py`, which checks that every family rule holds for every block of
/// that version.
///
/// ```swift
/// let table = try BlockPropertyTable.bundled()
/// table.properties(of: "minecraft:oak_stairs")?["half"]   // ["bottom", "top"] (default first)
/// ```
public struct BlockPropertyTable: Sendable {
    /// A block's properties: name → allowed values, the game's default first.
    public typealias Properties = [String: [String]]

    /// The game version the table was generated for (e.g. `1.21.1`).
    public let version: String
    private let blocks: [String: Properties]
    private let plain: Set<String>
    /// Family rules, longest suffix first so `_fence_gate` wins over `_fence`.
    private let families: [(suffix: String, properties: Properties)]

    /// A table from its three parts (see the type's documentation for the lookup order).
    /// - Precondition: every property lists at least one value.
    public init(version: String, blocks: [String: Properties], plain: Set<String>, families: [String: Properties]) {
        for (name, properties) in blocks.merging(families, uniquingKeysWith: { a, _ in a }) {
            precondition(properties.values.allSatisfy { !$0.isEmpty },
                         "BlockPropertyTable: \(name) has a property without values")
        }
        self.version = version
        self.blocks = blocks
        self.plain = plain
        self.families = families.map { (suffix: $0.key, properties: $0.value) }
            .sorted { $0.suffix.count != $1.suffix.count ? $0.suffix.count > $1.suffix.count : $0.suffix < $1.suffix }
    }

    /// The properties of the block `name` (namespaced); `[:]` for a block known to have none,
    /// `nil` for a block the table does not know (modded, misspelt, or newer without a family).
    /// - Complexity: O(family rules) for a name found by suffix, O(1) otherwise.
    public func properties(of name: String) -> Properties? {
        if let entry = blocks[name] { return entry }
        if plain.contains(name) { return [:] }
        return families.first { name.hasSuffix($0.suffix) }?.properties
    }

    /// True when the table knows the block `name` (see `properties(of:)`).
    public func knows(_ name: String) -> Bool { properties(of: name) != nil }

    /// The state `source` becomes when a style maps it to `target`:
    /// - an air target is plain air;
    /// - a target of the same block keeps every property of `source`;
    /// - otherwise the target block's properties are set from `source` where it has the same
    ///   property with a value the target allows (facing, half, shape, type, axis, waterlogged, …),
    ///   and to the game's default where not (`stairs → slab` gives `type=bottom`); properties the
    ///   target lacks are dropped; an unknown target gets none;
    /// - last, the properties written in `target` override.
    ///
    /// ```swift
    /// table.carryOver(from: BlockState("minecraft:stone_brick_slab", ["type": "top", "waterlogged": "false"]),
    ///                 to: BlockState("minecraft:cut_red_sandstone_slab"))
    /// // minecraft:cut_red_sandstone_slab[type=top,waterlogged=false]
    /// ```
    public func carryOver(from source: BlockState, to target: BlockState) -> BlockState {
        if target.isAir { return BlockState(target.name) }
        var values: [String: String]
        if target.name == source.name {
            values = source.propertyDictionary
        } else {
            values = [:]
            for (property, allowed) in properties(of: target.name) ?? [:] {
                if let carried = source[property], allowed.contains(carried) {
                    values[property] = carried
                } else if let fallback = allowed.first {
                    values[property] = fallback
                }
            }
        }
        for (key, value) in target.properties { values[key] = value }
        return BlockState(target.name, values)
    }
}
