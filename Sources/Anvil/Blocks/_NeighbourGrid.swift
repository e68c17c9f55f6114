import NBT

/// A volume as a grid of palette indices that ``DerivedProperties/recompute(in:)`` rewrites:
/// leaves' distances by a breadth-first walk from the logs, then each connecting block's sides
/// and each stair's corner shape from its neighbours.
struct _NeighbourGrid {
    let sx: Int, sy: Int, sz: Int
    var palette: [BlockState]
    var cells: [UInt32]
    private var ids: [BlockState: UInt32]
    private let blockEntities: [VoxelPosition: NBT.Compound]

    init(_ volume: BlockVolume) {
        (sx, sy, sz) = volume.size
        palette = volume.palette
        cells = volume.indices
        blockEntities = volume.blockEntities
        ids = [:]
        for (i, state) in palette.enumerated() where ids[state] == nil { ids[state] = UInt32(i) }
    }

    func volume() -> BlockVolume {
        BlockVolume(size: (sx, sy, sz), palette: palette, indices: cells, blockEntities: blockEntities).compacted()
    }

    func offset(_ x: Int, _ y: Int, _ z: Int) -> Int? {
        guard x >= 0, y >= 0, z >= 0, x < sx, y < sy, z < sz else { return nil }
        return (x * sy + y) * sz + z
    }

    func state(_ x: Int, _ y: Int, _ z: Int) -> BlockState? { offset(x, y, z).map { palette[Int(cells[$0])] } }

    mutating func id(of state: BlockState) -> UInt32 {
        if let id = ids[state] { return id }
        let id = UInt32(palette.count)
        palette.append(state)
        ids[state] = id
        return id
    }

    static let horizontal: [(name: String, dx: Int, dz: Int)] = [("north", 0, -1), ("east", 1, 0), ("south", 0, 1), ("west", -1, 0)]

    // MARK: leaves

    static func isLog(_ name: String) -> Bool {
        name.hasSuffix("_log") || name.hasSuffix("_wood") || name.hasSuffix("_stem") || name.hasSuffix("_hyphae")
    }

    mutating func recomputeLeafDistances(families: [DerivedProperties.Family?]) {
        guard families.contains(.leaves) else { return }
        var distance = [UInt8](repeating: 7, count: cells.count)
        var queue: [Int] = []
        for i in cells.indices where Self.isLog(palette[Int(cells[i])].name) {
            distance[i] = 0
            queue.append(i)
        }
        let isLeaf = palette.map { DerivedProperties.family(of: $0.name) == .leaves }
        var head = 0
        while head < queue.count {
            let i = queue[head]; head += 1
            let x = i / (sy * sz), y = (i / sz) % sy, z = i % sz
            for (dx, dy, dz) in [(1, 0, 0), (-1, 0, 0), (0, 1, 0), (0, -1, 0), (0, 0, 1), (0, 0, -1)] {
                guard let j = offset(x + dx, y + dy, z + dz), isLeaf[Int(cells[j])], distance[j] > distance[i] + 1 else { continue }
                distance[j] = distance[i] + 1
                queue.append(j)
            }
        }
        for i in cells.indices where isLeaf[Int(cells[i])] {
            let state = palette[Int(cells[i])]
            guard state["distance"] != nil else { continue }
            var props = state.propertyDictionary
            props["distance"] = String(max(1, distance[i]))
            cells[i] = id(of: BlockState(state.name, props))
        }
    }

    // MARK: connections and stairs

    mutating func recomputeShapes(families: [DerivedProperties.Family?]) {
        let original = cells, originalPalette = palette
        func family(at x: Int, _ y: Int, _ z: Int) -> (DerivedProperties.Family?, BlockState)? {
            guard let o = offset(x, y, z) else { return nil }
            let s = originalPalette[Int(original[o])]
            return (DerivedProperties.family(of: s.name), s)
        }
        for x in 0..<sx {
            for y in 0..<sy {
                for z in 0..<sz {
                    let i = (x * sy + y) * sz + z
                    let p = Int(original[i])
                    guard p < families.count, let kind = families[p] else { continue }
                    let state = originalPalette[p]
                    var props = state.propertyDictionary
                    switch kind {
                    case .leaves: continue
                    case .fence, .pane, .wall:
                        var connected: [String: Bool] = [:]
                        for side in Self.horizontal where props[side.name] != nil {
                            let neighbour = family(at: x + side.dx, y, z + side.dz)
                            connected[side.name] = neighbour.map { Self.connects(kind, state, to: $0.1, family: $0.0) } ?? false
                            if kind == .wall, !DerivedProperties.isBooleanSide(props[side.name]) {
                                props[side.name] = connected[side.name]! ? "low" : "none"
                            } else {
                                props[side.name] = connected[side.name]! ? "true" : "false"
                            }
                        }
                        if kind == .wall, props["up"] != nil {
                            let ns = connected["north"] == true && connected["south"] == true
                            let ew = connected["east"] == true && connected["west"] == true
                            let straight = (ns && connected["east"] != true && connected["west"] != true)
                                || (ew && connected["north"] != true && connected["south"] != true)
                            props["up"] = straight ? "false" : "true"
                        }
                    case .stairs:
                        guard props["shape"] != nil else { continue }
                        props["shape"] = Self.stairShape(state, at: (x, y, z)) { family(at: $0, $1, $2)?.1 }
                    case .snowyGround:
                        guard props["snowy"] != nil else { continue }
                        let above = family(at: x, y + 1, z)?.1.name
                        props["snowy"] = (above == "minecraft:snow" || above == "minecraft:snow_block"
                                          || above == "minecraft:powder_snow") ? "true" : "false"
                    }
                    cells[i] = id(of: BlockState(state.name, props))
                }
            }
        }
    }

    /// Whether a fence, pane or wall joins its neighbour on that side.
    static func connects(_ kind: DerivedProperties.Family, _ state: BlockState, to other: BlockState,
                         family: DerivedProperties.Family?) -> Bool {
        if other.name.hasSuffix("_fence_gate") { return kind != .pane }
        switch kind {
        case .fence:
            guard family != .fence else {
                return (state.name == "minecraft:nether_brick_fence") == (other.name == "minecraft:nether_brick_fence")
            }
        case .pane, .wall:
            if family == .pane || family == .wall { return true }
        default: break
        }
        return family == nil && isSturdy(other)
    }

    /// A full block whose faces others attach to (a close approximation of the game's sturdy faces).
    static func isSturdy(_ state: BlockState) -> Bool {
        if state.isAir { return false }
        let id = state.baseName
        if ["water", "lava", "snow", "grass", "short_grass", "tall_grass", "fern", "large_fern", "dead_bush",
            "cactus", "bamboo", "chain", "cake", "farmland", "dirt_path", "scaffolding", "cobweb"].contains(id) { return false }
        let partial = ["slab", "stairs", "fence", "wall", "pane", "bars", "door", "torch", "lantern", "sign", "button",
                       "plate", "carpet", "rail", "vine", "ladder", "leaves", "sapling", "flower", "tulip", "poppy",
                       "dandelion", "orchid", "allium", "bluet", "daisy", "lilac", "rose", "peony", "mushroom", "candle",
                       "head", "skull", "banner", "pot", "bed", "chest", "anvil", "hopper", "cauldron", "lectern", "bell",
                       "campfire", "lever", "wire", "repeater", "comparator", "coral", "pickle", "kelp", "seagrass",
                       "dripleaf", "roots", "sprouts", "fungus", "azalea", "berry", "wheat", "carrots", "potatoes",
                       "beetroots", "wart", "cocoa", "lichen", "petals", "rod", "amethyst_bud", "cluster", "dripstone"]
        return !partial.contains { id.contains($0) }
    }

    /// Vanilla's stair corner rule: an outer corner when the block in front is a stair of the same
    /// half turned across, an inner corner when the block behind is; else straight.
    static func stairShape(_ state: BlockState, at p: (Int, Int, Int), neighbour: (Int, Int, Int) -> BlockState?) -> String {
        guard let facing = state["facing"], let vector = direction(facing) else { return "straight" }
        let half = state["half"]
        func stairs(_ d: (Int, Int)) -> BlockState? {
            guard let n = neighbour(p.0 + d.0, p.1, p.2 + d.1), n.name.hasSuffix("_stairs"), n["half"] == half else { return nil }
            return n
        }
        func canTakeShape(_ d: (Int, Int)) -> Bool {
            guard let n = neighbour(p.0 + d.0, p.1, p.2 + d.1), n.name.hasSuffix("_stairs") else { return true }
            return n["facing"] != facing || n["half"] != half
        }
        let left = counterClockwise(facing)
        if let front = stairs(vector), let other = front["facing"], let d = direction(other),
           axis(other) != axis(facing), canTakeShape((-d.0, -d.1)) {
            return other == left ? "outer_left" : "outer_right"
        }
        if let back = stairs((-vector.0, -vector.1)), let other = back["facing"], let d = direction(other),
           axis(other) != axis(facing), canTakeShape(d) {
            return other == left ? "inner_left" : "inner_right"
        }
        return "straight"
    }

    static func direction(_ facing: String) -> (Int, Int)? {
        switch facing {
        case "north": return (0, -1)
        case "south": return (0, 1)
        case "east": return (1, 0)
        case "west": return (-1, 0)
        default: return nil
        }
    }

    static func axis(_ facing: String) -> Character { facing == "east" || facing == "west" ? "x" : "z" }

    static func counterClockwise(_ facing: String) -> String {
        switch facing {
        case "north": return "west"
        case "west": return "south"
        case "south": return "east"
        default: return "north"
        }
    }
}
