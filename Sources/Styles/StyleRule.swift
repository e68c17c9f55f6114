import Anvil

/// One parsed entry of a style's `map`: which states it matches and what they become.
///
/// ```swift
/// let rule = StyleRule(source: BlockState("minecraft:tall_grass", ["half": "upper"]), target: .air)
/// rule.matches(BlockState("minecraft:tall_grass", ["half": "upper"]))   // true
/// rule.matches(BlockState("minecraft:tall_grass", ["half": "lower"]))   // false
/// ```
public struct StyleRule: Hashable, Sendable, CustomStringConvertible {
    /// The block name and the property values a state must have to match (no properties: every
    /// state of that block matches).
    public let source: BlockState
    /// The block it becomes, with the properties the entry sets explicitly (they override the
    /// ones carried over from the source state).
    public let target: BlockState

    public init(source: BlockState, target: BlockState) {
        self.source = source
        self.target = target
    }

    /// True when `state` is of the source block and has every property value the source names.
    public func matches(_ state: BlockState) -> Bool {
        state.name == source.name && source.properties.allSatisfy { state[$0.key] == $0.value }
    }

    /// True when the entry removes the block (its target is air).
    public var removesBlock: Bool { target.isAir }

    /// Of two rules matching one state, the one naming more properties wins; equal counts fall
    /// back to token order so the choice never depends on the JSON key order.
    static func isMoreSpecific(_ a: StyleRule, than b: StyleRule) -> Bool {
        a.source.properties.count != b.source.properties.count
            ? a.source.properties.count > b.source.properties.count
            : a.source.token < b.source.token
    }

    public var description: String { "\(source.token) → \(target.token)" }
}
