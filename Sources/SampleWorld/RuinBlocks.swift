import Anvil
import SeededRandom
import NBT

/// The block states the sample ruin is built from, with full property sets as Minecraft 1.21 stores them.
enum B {
    static let dirt = BlockState("minecraft:dirt")
    static let coarseDirt = BlockState("minecraft:coarse_dirt")
    static let gravel = BlockState("minecraft:gravel")
    static let clay = BlockState("minecraft:clay")
    static let grass = BlockState("minecraft:grass_block", ["snowy": "false"])
    static let water = BlockState("minecraft:water", ["level": "0"])
    static let stoneBricks = BlockState("minecraft:stone_bricks")
    static let mossyStoneBricks = BlockState("minecraft:mossy_stone_bricks")
    static let crackedStoneBricks = BlockState("minecraft:cracked_stone_bricks")
    static let chiseledStoneBricks = BlockState("minecraft:chiseled_stone_bricks")
    static let cobblestone = BlockState("minecraft:cobblestone")
    static let mossyCobblestone = BlockState("minecraft:mossy_cobblestone")
    static let shortGrass = BlockState("minecraft:short_grass")
    static let fern = BlockState("minecraft:fern")
    static let poppy = BlockState("minecraft:poppy")
    static let dandelion = BlockState("minecraft:dandelion")
    static let oakLog = BlockState("minecraft:oak_log", ["axis": "y"])
    static let oakLeaves = BlockState("minecraft:oak_leaves", ["distance": "1", "persistent": "true", "waterlogged": "false"])

    static func tallGrass(_ half: String) -> BlockState { BlockState("minecraft:tall_grass", ["half": half]) }

    static func stairs(facing: String, half: String) -> BlockState {
        BlockState("minecraft:stone_brick_stairs", ["facing": facing, "half": half, "shape": "straight", "waterlogged": "false"])
    }

    static func slab(_ type: String) -> BlockState {
        BlockState("minecraft:stone_brick_slab", ["type": type, "waterlogged": "false"])
    }

    /// A vine attached to the wall on side `property` (north/south/east/west).
    static func vine(property: String) -> BlockState {
        var props = ["north": "false", "south": "false", "east": "false", "west": "false", "up": "false"]
        props[property] = "true"
        return BlockState("minecraft:vine", props)
    }

    static func chest(facing: String) -> BlockState {
        BlockState("minecraft:chest", ["facing": facing, "type": "single", "waterlogged": "false"])
    }

    /// The chest's contents, in the 1.20.5+ item format (`id`, `count`).
    static func chestLoot() -> Compound {
        func item(_ slot: Int8, _ id: String, _ count: Int32) -> Tag {
            .compound(Compound([("Slot", .byte(slot)), ("id", .string(id)), ("count", .int(count))]))
        }
        return Compound([
            ("id", .string("minecraft:chest")),
            ("Items", .list(.compound, [
                item(0, "minecraft:bread", 3), item(4, "minecraft:iron_ingot", 2),
                item(13, "minecraft:map", 1), item(22, "minecraft:mossy_stone_bricks", 16),
            ])),
        ])
    }
}

/// The ruin's weathering stream: SplitMix64 (Steele, Lea, Flood 2014) — the seeding step of
/// `SeededGenerator`, used directly so that the shipped design stays what it has always been.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 { SeededGenerator.splitMix64(&state) }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
    /// Uniform in 0..<n.
    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
