import Anvil

/// A small stone-brick hut on grass beside a pond: stairs roof, glass window, oak door, leaves,
/// flowers, water — every material class the renderer distinguishes.
enum TestScenes {
    static func hut() -> BlockVolume {
        var v = BlockVolume(size: (14, 9, 12))
        func put(_ x: Int, _ y: Int, _ z: Int, _ name: String, _ props: [String: String] = [:]) {
            v[x, y, z] = BlockState(name, props)
        }
        for x in 0..<14 { for z in 0..<12 { put(x, 0, z, "dirt"); put(x, 1, z, "grass_block") } }
        for x in 9..<13 { for z in 1..<5 { put(x, 1, z, "water") } }
        for x in 2..<8 {
            for z in 3..<9 {
                let wall = x == 2 || x == 7 || z == 3 || z == 8
                for y in 2..<5 where wall { put(x, y, z, "stone_bricks") }
                put(x, 2, z, wall ? "stone_bricks" : "oak_planks")
            }
        }
        put(7, 3, 5, "glass_pane"); put(7, 3, 6, "glass_pane")
        put(4, 3, 8, "oak_door"); put(4, 2, 8, "oak_door")
        for x in 1..<9 { for z in 2..<10 { put(x, 5, z, x == 1 || x == 8 || z == 2 || z == 9 ? "stone_brick_slab" : "stone_brick_stairs") } }
        for x in 3..<7 { for z in 4..<8 { put(x, 6, z, "cobblestone") } }
        put(11, 2, 9, "oak_log"); put(11, 3, 9, "oak_log"); put(11, 4, 9, "oak_log")
        for x in 10..<13 { for z in 8..<11 { for y in 5..<7 where !(x == 11 && z == 9 && y == 5) { put(x, y, z, "oak_leaves") } } }
        put(11, 7, 9, "oak_leaves")
        for (x, z, name) in [(1, 1, "poppy"), (0, 5, "dandelion"), (9, 7, "short_grass"), (10, 6, "tall_grass"), (3, 10, "blue_orchid"), (12, 6, "fern")] {
            put(x, 2, z, name)
        }
        put(8, 2, 2, "torch"); put(0, 2, 11, "oak_fence"); put(1, 2, 11, "oak_fence")
        return v
    }
}
