/// Block-state properties that the game derives from a block's neighbours rather than from the
/// builder's choice: leaves' `distance` to the nearest log, the side connections of fences, panes,
/// iron bars and walls, stairs' corner `shape`, and `snowy` on grass, podzol and mycelium.
///
/// Learning on raw states splits one block into many rare tokens (an oak tree's leaves become
/// seven), so `train` learns on canonical states — these properties set to one fixed value, the
/// real choices (facing, half, axis, slab type, `persistent`, `waterlogged`) kept — and
/// `generate` recomputes them from the generated neighbours, as the game's neighbour updates
/// would. Value styles are kept: walls of 1.16+ (`none`/`low`/`tall`) stay enums, older walls
/// (`true`/`false`) stay booleans.
///
/// ```swift
/// DerivedProperties.canonical(BlockState("oak_leaves", ["distance": "4", "persistent": "false"]))
/// // minecraft:oak_leaves[distance=1,persistent=false]
/// var volume = generated
/// DerivedProperties.recompute(in: &volume)   // distances, connections, stair corners, snowy
/// ```
public enum DerivedProperties {
    /// Which neighbour-derived properties a block has.
    enum Family: Equatable {
        case leaves, fence, pane, wall, stairs, snowyGround
    }

    static func family(of name: String) -> Family? {
        let id = name.hasPrefix("minecraft:") ? Substring(name.dropFirst(10)) : Substring(name)
        if id.hasSuffix("_leaves") { return .leaves }
        if id.hasSuffix("_fence") { return .fence }
        if id.hasSuffix("glass_pane") || id == "glass_pane" || id == "iron_bars" { return .pane }
        if id.hasSuffix("_wall") && !id.hasSuffix("_wall_sign") && !id.hasSuffix("_wall_banner")
            && !id.hasSuffix("_wall_head") && !id.hasSuffix("_wall_skull") && !id.hasSuffix("_wall_fan")
            && !id.hasSuffix("_wall_torch") && !id.hasSuffix("_wall_hanging_sign") { return .wall }
        if id.hasSuffix("_stairs") { return .stairs }
        if id == "grass_block" || id == "podzol" || id == "mycelium" { return .snowyGround }
        return nil
    }

    static let sides = ["north", "east", "south", "west"]

    /// `state` with its derived properties at their canonical values (unchanged for other blocks
    /// and for properties the state does not have).
    public static func canonical(_ state: BlockState) -> BlockState {
        guard let family = family(of: state.name), !state.properties.isEmpty else { return state }
        var props = state.propertyDictionary
        func set(_ key: String, _ value: String) { if props[key] != nil { props[key] = value } }
        switch family {
        case .leaves: set("distance", "1")
        case .fence, .pane: for side in sides { set(side, "false") }
        case .wall:
            for side in sides { set(side, isBooleanSide(props[side]) ? "false" : "none") }
            set("up", "true")
        case .stairs: set("shape", "straight")
        case .snowyGround: set("snowy", "false")
        }
        return BlockState(state.name, props)
    }

    static func isBooleanSide(_ value: String?) -> Bool { value == "true" || value == "false" }

    /// The volume with every token replaced by its canonical state (palette compacted).
    public static func canonicalized(_ volume: BlockVolume) -> BlockVolume {
        BlockVolume(size: volume.size, palette: volume.palette.map(canonical), indices: volume.indices,
                    blockEntities: volume.blockEntities).compacted()
    }

    /// Removes the leaves the game would let decay: non-persistent leaves whose recomputed
    /// `distance` is 7 (no log within six steps through leaves), as the game's random ticks remove
    /// them within minutes of loading the chunk. A decayed leaf becomes air, or water where it was
    /// waterlogged. Call after ``recompute(in:)``; the other leaves' distances stay valid (no
    /// shortest path from a log runs through a leaf at distance 7).
    /// - Returns: how many voxels decayed.
    @discardableResult
    public static func decayUnsupportedLeaves(in volume: inout BlockVolume) -> Int {
        let decays = volume.palette.map { state in
            family(of: state.name) == .leaves && state["distance"] == "7" && state["persistent"] == "false"
        }
        guard decays.contains(true) else { return 0 }
        let decayed = volume.indices.reduce(0) { $0 + (decays[Int($1)] ? 1 : 0) }
        let palette = volume.palette.enumerated().map { i, state in
            guard decays[i] else { return state }
            return state["waterlogged"] == "true" ? BlockState("minecraft:water", ["level": "0"]) : BlockState("minecraft:air")
        }
        volume = BlockVolume(size: volume.size, palette: palette, indices: volume.indices,
                             blockEntities: volume.blockEntities).compacted()
        return decayed
    }

    /// Recomputes every derived property of `volume` from its neighbours inside the volume
    /// (outside counts as air). Leaves first, as the other rules do not depend on them.
    /// - Complexity: O(voxels).
    public static func recompute(in volume: inout BlockVolume) {
        let families = volume.palette.map { family(of: $0.name) }
        guard families.contains(where: { $0 != nil }) else { return }
        var grid = _NeighbourGrid(volume)
        grid.recomputeLeafDistances(families: families)
        grid.recomputeShapes(families: families)
        volume = grid.volume()
    }
}
