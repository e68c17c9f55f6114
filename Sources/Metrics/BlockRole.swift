import Anvil

/// What a block does for the structure measures: nothing (air), hold itself up and others
/// (solid: stone, planks, leaves, water…), or hang on a neighbour (plants, vines, lanterns,
/// torches, ladders, carpets, buttons…), which floats when no solid block touches it.
public enum BlockRole: Sendable, Equatable {
    case empty, solid, attached

    /// The role of `state`, by its name.
    public init(_ state: BlockState) {
        if state.isAir || state.name == "minecraft:structure_void" || state.name == "minecraft:light" {
            self = .empty
            return
        }
        let name = state.name.hasPrefix("minecraft:") ? String(state.name.dropFirst(10)) : state.name
        self = Self.isAttached(name) ? .attached : .solid
    }

    /// Blocks that the game keeps only on a supporting neighbour (or that look wrong without one).
    static func isAttached(_ name: String) -> Bool {
        if attachedNames.contains(name) { return true }
        return attachedSuffixes.contains { name.hasSuffix($0) }
    }

    private static let attachedNames: Set<String> = [
        "grass", "short_grass", "tall_grass", "fern", "large_fern", "dead_bush", "vine", "glow_lichen",
        "lantern", "soul_lantern", "torch", "wall_torch", "soul_torch", "soul_wall_torch", "redstone_torch",
        "redstone_wall_torch", "ladder", "lever", "redstone_wire", "rail", "powered_rail", "detector_rail",
        "activator_rail", "lily_pad", "sugar_cane", "cactus", "bamboo", "kelp", "kelp_plant", "seagrass",
        "tall_seagrass", "sweet_berry_bush", "wheat", "carrots", "potatoes", "beetroots", "nether_wart",
        "cocoa", "snow", "moss_carpet", "hanging_roots", "spore_blossom", "cave_vines", "cave_vines_plant",
        "weeping_vines", "weeping_vines_plant", "twisting_vines", "twisting_vines_plant", "chain", "tripwire",
        "tripwire_hook", "cobweb", "scaffolding", "pointed_dripstone", "small_dripleaf", "big_dripleaf",
        "big_dripleaf_stem", "azalea", "flowering_azalea", "pink_petals", "sea_pickle", "end_rod",
        "dandelion", "poppy", "blue_orchid", "allium", "azure_bluet", "red_tulip", "orange_tulip",
        "white_tulip", "pink_tulip", "oxeye_daisy", "cornflower", "lily_of_the_valley", "wither_rose",
        "sunflower", "lilac", "rose_bush", "peony", "torchflower", "pitcher_plant", "brown_mushroom",
        "red_mushroom", "crimson_fungus", "warped_fungus", "crimson_roots", "warped_roots", "nether_sprouts",
    ]

    private static let attachedSuffixes = [
        "_sapling", "_carpet", "_button", "_pressure_plate", "_sign", "_banner", "_coral", "_coral_fan",
        "_candle", "_head", "_skull", "_torch", "_lantern", "_vines", "_flower", "_tulip",
    ]
}
