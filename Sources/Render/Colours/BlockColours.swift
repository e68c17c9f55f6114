import Anvil
import Foundation

/// The colour table the renderer paints with: block name → top/side colour and material, with
/// shapes (slabs, carpets, fences, plants…) derived from the name and properties.
///
/// Names not in the table are resolved through their base block (`stone_brick_stairs` →
/// `stone_bricks`, `oak_fence` → `oak_planks`, `waxed_cut_copper` → `cut_copper`); anything else
/// gets a stable colour hashed from its name (FNV-1a → hue), the same on every run and machine.
///
/// ```swift
/// let colours = BlockColours.standard
/// colours.appearance(for: BlockState("minecraft:oak_slab", ["type": "top"])).box  // upper half
/// colours.appearance(for: BlockState("mymod:widget")).isKnown                       // false
/// ```
public struct BlockColours: Sendable {
    struct Entry: Sendable {
        var top: UInt32
        var side: UInt32
        var material: BlockMaterial
    }

    var entries: [String: Entry]

    /// The built-in table (see `BlockColours+Table.swift` and `+Families.swift`).
    public static let standard = BlockColours(entries: Self.builtInEntries())

    init(entries: [String: Entry]) { self.entries = entries }

    /// Names (without namespace) the table colours directly.
    public var knownNames: [String] { entries.keys.sorted() }

    /// Replaces or adds the colour of `name` (namespace optional), e.g. for a modded block.
    public mutating func set(_ name: String, top: RGBA, side: RGBA? = nil, material: BlockMaterial = .solid) {
        func hex(_ c: RGBA) -> UInt32 { UInt32(c.red) << 16 | UInt32(c.green) << 8 | UInt32(c.blue) }
        entries[Self.baseName(name)] = Entry(top: hex(top), side: hex(side ?? top), material: material)
    }

    /// How `state` is drawn. Air-like blocks come back with material `.air`.
    public func appearance(for state: BlockState) -> BlockAppearance {
        let name = state.baseName
        if state.isAir || Self.materialOverride(name) == .air { return .air }
        guard let entry = resolve(name) else {
            let colour = Self.hashedColour(state.name)
            return BlockAppearance(top: colour, side: colour.scaled(by: 0.92), material: .solid,
                                   box: Self.box(for: state, material: .solid), isKnown: false)
        }
        let material = Self.materialOverride(name) ?? entry.material
        return BlockAppearance(top: RGBA(hex: entry.top), side: RGBA(hex: entry.side), material: material,
                               box: Self.box(for: state, material: material))
    }

    /// The table entry for `name` or for the block it is made of.
    func resolve(_ name: String) -> Entry? {
        if let e = entries[name] { return e }
        // Wall-mounted variants look like the standing ones: `red_wall_banner` → `red_banner`.
        if name.hasPrefix("wall_") { return resolve(String(name.dropFirst(5))) }
        if name.contains("_wall_") { return resolve(name.replacingOccurrences(of: "_wall_", with: "_")) }
        for prefix in Self.ignoredPrefixes where name.hasPrefix(prefix) {
            if let e = resolve(String(name.dropFirst(prefix.count))) { return e }
        }
        for suffix in Self.shapeSuffixes where name.hasSuffix(suffix) {
            let base = String(name.dropLast(suffix.count))
            for candidate in [base, base + "s", base + "_planks", base + "_block", base + "_stone"] {
                if let e = entries[candidate] { return e }
            }
        }
        return nil
    }

    /// Prefixes that do not change a block's colour.
    static let ignoredPrefixes = ["waxed_", "infested_", "potted_"]
    /// Suffixes of shaped variants; longer ones first (`_fence_gate` before `_fence`, `_trapdoor` before `_door`).
    static let shapeSuffixes = [
        "_hanging_sign", "_pressure_plate", "_fence_gate", "_trapdoor", "_stairs", "_button", "_banner",
        "_fence", "_slab", "_wall", "_door", "_sign", "_pane", "_fan",
    ]

    /// A stable, pleasant colour for an unknown name: FNV-1a 64 of the UTF-8 bytes picks hue,
    /// saturation and value.
    public static func hashedColour(_ name: String) -> RGBA {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let hue = Double(h % 360)
        let saturation = 0.35 + Double((h >> 16) % 20) / 100
        let value = 0.55 + Double((h >> 32) % 25) / 100
        return RGBA.hsv(hue: hue, saturation: saturation, value: value)
    }

    static func baseName(_ name: String) -> String {
        name.split(separator: ":", maxSplits: 1).last.map(String.init) ?? name
    }
}
