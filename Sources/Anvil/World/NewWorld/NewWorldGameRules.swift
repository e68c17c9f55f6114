import NBT

/// The game rules of a new world, in the representation of its layout: noon forever, no weather,
/// no natural spawning, players appear exactly at the spawn. Rules not listed keep the game's
/// defaults (the game adds them on load).
///
/// ```swift
/// NewWorldGameRules.compound(for: try LevelFormat(dataVersion: 2865))["doDaylightCycle"]  // .string("false")
/// NewWorldGameRules.compound(for: try LevelFormat(dataVersion: 4671))["minecraft:advance_time"]  // .byte(0)
/// ```
public enum NewWorldGameRules {
    /// One rule in both spellings: the camelCase name of `GameRules` (strings) and the namespaced
    /// id of `game_rules` (typed), as renamed by `GameRuleRegistryFix`.
    struct Rule {
        /// `nil` for rules that only exist with namespaced ids.
        let legacyName: String?
        let id: String
        let value: Int32
        let isBoolean: Bool
    }

    static let rules: [Rule] = [
        Rule(legacyName: "doDaylightCycle", id: "minecraft:advance_time", value: 0, isBoolean: true),
        Rule(legacyName: "doWeatherCycle", id: "minecraft:advance_weather", value: 0, isBoolean: true),
        Rule(legacyName: "doMobSpawning", id: "minecraft:spawn_mobs", value: 0, isBoolean: true),
        // 1.21.11 split monsters off spawn_mobs; before, doMobSpawning covered them too.
        Rule(legacyName: nil, id: "minecraft:spawn_monsters", value: 0, isBoolean: true),
        Rule(legacyName: "doPatrolSpawning", id: "minecraft:spawn_patrols", value: 0, isBoolean: true),
        Rule(legacyName: "doTraderSpawning", id: "minecraft:spawn_wandering_traders", value: 0, isBoolean: true),
        Rule(legacyName: "doInsomnia", id: "minecraft:spawn_phantoms", value: 0, isBoolean: true),
        Rule(legacyName: "spawnRadius", id: "minecraft:respawn_radius", value: 0, isBoolean: false),
    ]

    /// The rules as `GameRules` (strings) or `game_rules` (typed) wants them.
    public static func compound(for format: LevelFormat) -> Compound {
        var rules = Compound()
        for rule in Self.rules {
            if format.hasNamespacedGameRules {
                rules[rule.id] = rule.isBoolean ? .byte(Int8(clamping: rule.value)) : .int(rule.value)
            } else if let name = rule.legacyName {
                rules[name] = .string(rule.isBoolean ? String(rule.value != 0) : String(rule.value))
            }
        }
        return rules
    }
}
