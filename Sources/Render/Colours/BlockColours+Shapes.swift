import Anvil

extension BlockColours {
    /// Materials implied by a name whatever its base block (`glass_pane` of any colour is glass).
    static func materialOverride(_ name: String) -> BlockMaterial? {
        if ["air", "cave_air", "void_air", "light", "barrier", "structure_void"].contains(name) { return .air }
        if name.hasSuffix("glass") || name.hasSuffix("glass_pane") { return .glass }
        if name.hasSuffix("_leaves") { return .leaves }
        if name.hasSuffix("_sapling") || name.hasSuffix("_tulip") || name.hasSuffix("_fungus")
            || name.hasSuffix("_roots") || name.hasSuffix("_coral") || name.hasSuffix("_coral_fan") {
            return .plant
        }
        return nil
    }

    /// The box `state` fills in its voxel, from its name and the properties that change its shape
    /// (`type` of slabs, `layers` of snow, `half` of trapdoors).
    static func box(for state: BlockState, material: BlockMaterial) -> BlockBox {
        let name = state.baseName
        if name.hasSuffix("_slab") {
            switch state["type"] {
            case "top": return .layer(bottom: 0.5, top: 1)
            case "double": return .full
            default: return .layer(top: 0.5)
            }
        }
        if name == "snow" {
            let layers = Double(state["layers"].flatMap { Int($0) }.map { max(1, min(8, $0)) } ?? 1)
            return .layer(top: layers / 8)
        }
        if name.hasSuffix("_trapdoor") {
            return state["half"] == "top" ? .layer(bottom: 13.0 / 16, top: 1) : .layer(top: 3.0 / 16)
        }
        if name.hasSuffix("carpet") || name.hasSuffix("_pressure_plate") || name.hasSuffix("rail")
            || ["lily_pad", "redstone_wire", "glow_lichen", "sculk_vein", "pink_petals"].contains(name) {
            return .layer(top: 1.0 / 16)
        }
        if name.hasSuffix("_fence") || name.hasSuffix("_pane") || ["iron_bars", "chain", "end_rod", "lightning_rod"].contains(name) {
            return .centred(halfWidth: 0.125, top: 1)
        }
        if name.hasSuffix("_wall"), !name.contains("sign"), !name.contains("banner"), !name.contains("torch") {
            return .centred(halfWidth: 0.25, top: 1)
        }
        if name.hasSuffix("torch") || name.hasSuffix("candle") || name == "lever" {
            return .centred(halfWidth: 0.07, top: 0.625)
        }
        if name.hasSuffix("lantern") && name != "jack_o_lantern" && name != "sea_lantern" {
            return .centred(halfWidth: 0.19, top: 0.5)
        }
        if name.hasSuffix("_button") { return .centred(halfWidth: 0.19, top: 0.125) }
        if name.hasSuffix("_bed") { return .layer(top: 9.0 / 16) }
        if name == "cactus" { return .centred(halfWidth: 0.44, top: 1) }
        if name.hasSuffix("chest") { return .centred(halfWidth: 7.0 / 16, top: 14.0 / 16) }
        if material == .plant {
            let tall = ["tall_grass", "large_fern", "sunflower", "lilac", "rose_bush", "peony", "sugar_cane",
                        "bamboo", "kelp", "kelp_plant", "tall_seagrass"].contains(name)
            return .centred(halfWidth: 0.34, top: tall ? 1 : 0.75)
        }
        return .full
    }
}
