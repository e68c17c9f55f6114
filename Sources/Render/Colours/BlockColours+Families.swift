// Families generated from one base colour each: the 16 dye colours across the dyed blocks, and
// the wood sets across their parts. Tones per family (concrete darker, powder lighter, terracotta
// muted towards plain terracotta) are our choice.

extension BlockColours {
    static let dyes: [(name: String, wool: UInt32)] = [
        ("white", 0xE9ECEC), ("orange", 0xF07613), ("magenta", 0xBD44B3), ("light_blue", 0x3AAFD9),
        ("yellow", 0xF8C627), ("lime", 0x70B919), ("pink", 0xED8DAC), ("gray", 0x3E4447),
        ("light_gray", 0x8E8E86), ("cyan", 0x158991), ("purple", 0x792AAC), ("blue", 0x35399D),
        ("brown", 0x724728), ("green", 0x546D1B), ("red", 0xA12722), ("black", 0x141519),
    ]

    /// name, planks, log bark, log rings (top), stripped, leaves (`nil` when the set has none).
    static let woods: [(name: String, planks: UInt32, bark: UInt32, rings: UInt32, stripped: UInt32, leaves: UInt32?)] = [
        ("oak", 0xA2834F, 0x6D5532, 0xB08D58, 0xB29157, 0x48752A), ("spruce", 0x735531, 0x3B2711, 0x6E5230, 0x74593A, 0x3D5E3D),
        ("birch", 0xC0AF79, 0xD8D7D2, 0xC1AD7A, 0xC4B07B, 0x5A7D3C), ("jungle", 0xA07351, 0x554019, 0xA0734F, 0xAB8555, 0x3B8A1F),
        ("acacia", 0xA85A32, 0x676157, 0xA55D37, 0xAF5D3C, 0x4E7A2A), ("dark_oak", 0x42301A, 0x3C2E1A, 0x4F3A21, 0x4B3B26, 0x3F6A1F),
        ("mangrove", 0x763631, 0x544334, 0x6D3431, 0x783731, 0x4C7E24), ("cherry", 0xE2B2A9, 0x37202A, 0xB88C8C, 0xD7918D, 0xE5ADC2),
        ("pale_oak", 0xE3D9D6, 0x57504C, 0xD8CDC9, 0xE0D6D2, 0x767D74),
        ("crimson", 0x653147, 0x5C1919, 0x703049, 0x8A3A5A, nil), ("warped", 0x2B6963, 0x3A3A4D, 0x35646A, 0x3A9691, nil),
    ]

    static func builtInEntries() -> [String: Entry] {
        var table: [String: Entry] = [:]
        func add(_ rows: [Row], _ material: BlockMaterial) {
            for r in rows { table[r.name] = Entry(top: r.top, side: r.side ?? r.top, material: material) }
        }
        func put(_ name: String, _ colour: UInt32, _ material: BlockMaterial = .solid, side: UInt32? = nil) {
            table[name] = Entry(top: colour, side: side ?? colour, material: material)
        }
        add(solidRows, .solid); add(waterRows, .water); add(iceRows, .ice)
        add(glassRows, .glass); add(leavesRows, .leaves); add(plantRows, .plant)
        for dye in dyes { addDyed(dye.name, dye.wool, put) }
        for wood in woods { addWood(wood, put) }
        for (coral, colour) in [("tube", 0x3154C9), ("brain", 0xCF5B9F), ("bubble", 0xA31AA1), ("fire", 0xC72A35), ("horn", 0xD8C742)] as [(String, UInt32)] {
            put("\(coral)_coral_block", colour)
            put("dead_\(coral)_coral_block", 0x847C75)
            put("\(coral)_coral", colour, .plant)
        }
        return table
    }

    static func addDyed(_ dye: String, _ wool: UInt32, _ put: (String, UInt32, BlockMaterial, UInt32?) -> Void) {
        put("\(dye)_wool", wool, .solid, nil)
        put("\(dye)_carpet", wool, .solid, nil)
        put("\(dye)_bed", wool, .solid, nil)
        put("\(dye)_banner", wool, .solid, nil)
        put("\(dye)_candle", wool, .solid, nil)
        put("\(dye)_shulker_box", mix(wool, 0x8F6F8F, 0.15), .solid, nil)
        put("\(dye)_concrete", scale(wool, 0.88), .solid, nil)
        put("\(dye)_concrete_powder", mix(wool, 0xFFFFFF, 0.22), .solid, nil)
        put("\(dye)_terracotta", mix(scale(wool, 0.8), 0x985E43, 0.45), .solid, nil)
        put("\(dye)_glazed_terracotta", mix(wool, 0xD0C0A0, 0.2), .solid, nil)
        put("\(dye)_stained_glass", wool, .glass, nil)
        put("\(dye)_stained_glass_pane", wool, .glass, nil)
    }

    static func addWood(_ w: (name: String, planks: UInt32, bark: UInt32, rings: UInt32, stripped: UInt32, leaves: UInt32?),
                        _ put: (String, UInt32, BlockMaterial, UInt32?) -> Void) {
        let nether = w.leaves == nil
        let (log, wood) = nether ? ("stem", "hyphae") : ("log", "wood")
        put("\(w.name)_planks", w.planks, .solid, nil)
        put("\(w.name)_\(log)", w.rings, .solid, w.bark)
        put("\(w.name)_\(wood)", w.bark, .solid, nil)
        put("stripped_\(w.name)_\(log)", w.planks, .solid, w.stripped)
        put("stripped_\(w.name)_\(wood)", w.stripped, .solid, nil)
        put("\(w.name)_door", scale(w.planks, 0.92), .solid, nil)
        put("\(w.name)_trapdoor", scale(w.planks, 0.95), .solid, nil)
        if let leaves = w.leaves {
            put("\(w.name)_leaves", leaves, .leaves, nil)
            put("\(w.name)_sapling", mix(leaves, w.bark, 0.2), .plant, nil)
        } else {
            put("\(w.name)_fungus", w.bark, .plant, nil)
            put("\(w.name)_roots", w.stripped, .plant, nil)
        }
    }

    /// `a` moved towards `b` by `t` (0…1), per channel.
    static func mix(_ a: UInt32, _ b: UInt32, _ t: Double) -> UInt32 {
        var out: UInt32 = 0
        for shift in [16, 8, 0] as [UInt32] {
            let ca = Double((a >> shift) & 0xFF), cb = Double((b >> shift) & 0xFF)
            out |= UInt32(RGBA.clamp(ca + (cb - ca) * t)) << shift
        }
        return out
    }

    static func scale(_ a: UInt32, _ f: Double) -> UInt32 { mix(a, 0, 1 - f) }
}
