import Anvil

/// The shipped sample structure: a ruined stone-brick keep on a grass meadow, 48×16×48 blocks
/// (X × Y × Z). Deterministic: the same seed always builds the same ruin.
///
/// What it holds, on purpose, so that block2vec and the GAN have something to learn: walls of
/// stone bricks weathered into mossy and cracked variants, broken wall tops that fall off
/// towards the breaches, corner towers with chiseled pillars, windows with upside-down stair
/// lintels, stairs in all four orientations (wall-top cornices, an inner staircase, entrance
/// steps), top and bottom slabs, rubble, vines hanging on every side, grass, ferns, flowers,
/// a pond, an oak tree and a loot chest.
public struct RuinDesign {
    public static let size = (x: 48, y: 16, z: 48)
    /// Volume y of the grass surface (y 0 is dirt).
    public static let groundY = 1

    private var volume = BlockVolume(size: (48, 16, 48), fill: .air)
    private var rng: SplitMix64

    public init(seed: UInt64 = 2021) { rng = SplitMix64(seed: seed) }

    /// Builds the ruin.
    public static func build(seed: UInt64 = 2021) -> BlockVolume {
        var design = RuinDesign(seed: seed)
        design.layGround()
        design.buildKeep()
        design.buildTowers()
        design.buildInnerWallAndStairs()
        design.addEntrance()
        design.scatterRubble()
        design.growVegetation()
        design.placeChest()
        return design.volume
    }

    // MARK: ground

    private mutating func layGround() {
        for x in 0..<48 { for z in 0..<48 {
            volume[x, 0, z] = B.dirt
            let r = rng.unit()
            volume[x, 1, z] = r < 0.05 ? B.coarseDirt : (r < 0.08 ? B.gravel : B.grass)
        } }
        // A small pond in the courtyard.
        for x in 27...30 { for z in 28...30 where !(x == 30 && z == 30) {
            volume[x, 1, z] = B.water
            volume[x, 0, z] = B.clay
        } }
    }

    // MARK: walls

    private let keep = (x0: 8, x1: 39, z0: 8, z1: 39)
    private let wallHeight = 12

    /// Height of the wall top at a perimeter position: intact near towers, broken towards two breaches.
    private func wallTop(_ t: Int, side: Int) -> Int {
        let breaches = [(side: 1, at: 14, width: 7), (side: 2, at: 20, width: 5), (side: 3, at: 9, width: 4)]
        var top = wallHeight
        for b in breaches where b.side == side {
            let d = abs(t - b.at)
            if d < b.width { top = min(top, Self.groundY + 1 + d * 2) }
        }
        return top - (side + t) % 3 / 2
    }

    private mutating func buildKeep() {
        let (x0, x1, z0, z1) = keep
        for side in 0..<4 {
            let length = (side % 2 == 0) ? x1 - x0 : z1 - z0
            for t in 0...length {
                let (x, z) = perimeter(side: side, t: t)
                let top = wallTop(t, side: side)
                for y in (Self.groundY + 1)...top { volume[x, y, z] = weatheredBrick(y: y) }
                volume[x, Self.groundY, z] = B.stoneBricks
                capWall(x: x, z: z, top: top, side: side, t: t)
                if t % 5 == 2, top >= 7 { cutWindow(x: x, z: z, side: side) }
            }
        }
        // Courtyard floor: worn stone bricks with grass breaking through.
        for x in (x0 + 1)..<x1 { for z in (z0 + 1)..<z1 where volume[x, 1, z] != B.water {
            let r = rng.unit()
            if r < 0.55 { volume[x, 1, z] = r < 0.15 ? B.mossyStoneBricks : (r < 0.25 ? B.crackedStoneBricks : B.stoneBricks) }
        } }
    }

    /// Perimeter coordinates: side 0 south (z0, west→east), 1 east (x1), 2 north (z1), 3 west (x0).
    private func perimeter(side: Int, t: Int) -> (Int, Int) {
        switch side {
        case 0: (keep.x0 + t, keep.z0)
        case 1: (keep.x1, keep.z0 + t)
        case 2: (keep.x1 - t, keep.z1)
        default: (keep.x0, keep.z1 - t)
        }
    }

    /// The direction pointing out of the keep from a side, as a stair facing seen from outside.
    private func outward(_ side: Int) -> String { ["north", "east", "south", "west"][side] }
    private func inward(_ side: Int) -> String { ["south", "west", "north", "east"][side] }

    private mutating func capWall(x: Int, z: Int, top: Int, side: Int, t: Int) {
        guard top + 1 < 16 else { return }
        if top >= wallHeight - 1 {
            // Intact stretches: a cornice of stairs facing into the keep on the outer edge, slabs otherwise.
            volume[x, top + 1, z] = t % 2 == 0 ? B.stairs(facing: inward(side), half: "bottom") : B.slab("bottom")
        } else if rng.unit() < 0.45 {
            volume[x, top + 1, z] = rng.unit() < 0.5 ? B.slab("bottom") : B.stairs(facing: outward(side), half: "bottom")
        }
    }

    private mutating func cutWindow(x: Int, z: Int, side: Int) {
        for y in 5...6 { volume[x, y, z] = .air }
        volume[x, 7, z] = B.stairs(facing: inward(side), half: "top")
        volume[x, 4, z] = B.slab("top")
    }

    private mutating func weatheredBrick(y: Int) -> BlockState {
        let r = rng.unit()
        let moss = y <= 4 ? 0.35 : 0.18
        if r < moss { return B.mossyStoneBricks }
        if r < moss + 0.14 { return B.crackedStoneBricks }
        if y <= 3 && r < moss + 0.2 { return B.mossyCobblestone }
        return B.stoneBricks
    }

    // MARK: towers, inner wall, entrance

    private mutating func buildTowers() {
        let corners = [(keep.x0, keep.z0), (keep.x1, keep.z0), (keep.x1, keep.z1), (keep.x0, keep.z1)]
        for (i, (cx, cz)) in corners.enumerated() {
            let height = i == 2 ? 9 : 15 - i % 2
            for dx in -2...2 { for dz in -2...2 {
                let (x, z) = (cx + dx, cz + dz)
                let edge = abs(dx) == 2 || abs(dz) == 2
                for y in Self.groundY...height {
                    if abs(dx) == 2 && abs(dz) == 2 { volume[x, y, z] = B.chiseledStoneBricks }
                    else if edge { volume[x, y, z] = weatheredBrick(y: y) }
                    else if y == Self.groundY || y == 8 { volume[x, y, z] = B.stoneBricks }
                    else { volume[x, y, z] = .air }
                }
                if edge && height == 15 - i % 2 && (dx + dz) % 2 == 0 && height + 1 < 16 {
                    volume[x, height + 1, z] = B.slab("bottom")
                }
            } }
        }
    }

    private mutating func buildInnerWallAndStairs() {
        let z = 24
        for x in (keep.x0 + 1)..<keep.x1 where !(21...24).contains(x) {
            let top = x < 16 ? 8 : (x < 30 ? 6 : 4)
            for y in 2...top { volume[x, y, z] = weatheredBrick(y: y) }
            volume[x, top + 1, z] = x % 3 == 0 ? B.slab("bottom") : .air
        }
        // A doorway with a lintel, and a staircase climbing east along the wall's south face.
        for x in 21...24 { volume[x, 6, z] = B.stairs(facing: "south", half: "top") }
        for step in 0..<6 {
            let x = 10 + step
            volume[x, 2 + step, z - 1] = B.stairs(facing: "east", half: "bottom")
            for y in 2..<(2 + step) { volume[x, y, z - 1] = B.stoneBricks }
        }
        // A broken upper floor of top slabs north of the inner wall.
        for x in 10...20 { for zz in 25...31 where rng.unit() < 0.8 - Double(x - 10) * 0.05 {
            volume[x, 7, zz] = B.slab("top")
        } }
    }

    private mutating func addEntrance() {
        for x in 22...25 { for y in 2...6 { volume[x, y, keep.z0] = .air } }
        for x in 22...25 { volume[x, 7, keep.z0] = B.stairs(facing: "north", half: "top") }
        for x in 22...25 { volume[x, 2, keep.z0 - 1] = B.stairs(facing: "south", half: "bottom") }
        volume[21, 2, keep.z0 - 1] = B.stairs(facing: "east", half: "bottom")
        volume[26, 2, keep.z0 - 1] = B.stairs(facing: "west", half: "bottom")
    }

    // MARK: weathering and life

    private mutating func scatterRubble() {
        for _ in 0..<140 {
            let x = rng.int(48), z = rng.int(48)
            guard volume[x, 2, z].isAir, volume[x, 1, z] != B.water else { continue }
            let r = rng.unit()
            volume[x, 2, z] = r < 0.35 ? B.cobblestone : (r < 0.6 ? B.mossyCobblestone : (r < 0.85 ? B.slab("bottom") : B.stoneBricks))
        }
    }

    private mutating func growVegetation() {
        // Vines down the faces of walls that have air beside them.
        let faces: [(dx: Int, dz: Int, property: String)] = [(1, 0, "west"), (-1, 0, "east"), (0, 1, "north"), (0, -1, "south")]
        for _ in 0..<220 {
            let x = rng.int(48), z = rng.int(48), f = faces[rng.int(4)]
            let (wx, wz) = (x - f.dx, z - f.dz)
            guard wx >= 0, wx < 48, wz >= 0, wz < 48 else { continue }
            var y = 13
            while y > 2, !(volume[wx, y, wz].name.contains("brick") && volume[x, y, z].isAir) { y -= 1 }
            guard y > 3 else { continue }
            let length = 2 + rng.int(5)
            var yy = y
            while yy > 2, y - yy < length, volume[x, yy, z].isAir, volume[wx, yy, wz].name.contains("brick") {
                volume[x, yy, z] = B.vine(property: f.property)
                yy -= 1
            }
        }
        // Grass, ferns, flowers and a tree on open ground.
        for x in 0..<48 { for z in 0..<48 where volume[x, 1, z] == B.grass && volume[x, 2, z].isAir {
            let r = rng.unit()
            if r < 0.22 { volume[x, 2, z] = B.shortGrass }
            else if r < 0.27 { volume[x, 2, z] = B.fern }
            else if r < 0.29 { volume[x, 2, z] = B.poppy }
            else if r < 0.31 { volume[x, 2, z] = B.dandelion }
            else if r < 0.34, volume[x, 3, z].isAir { volume[x, 2, z] = B.tallGrass("lower"); volume[x, 3, z] = B.tallGrass("upper") }
        } }
        plantTree(x: 3, z: 42)
    }

    private mutating func plantTree(x: Int, z: Int) {
        for y in 2...6 { volume[x, y, z] = B.oakLog }
        for dx in -2...2 { for dz in -2...2 { for y in 5...8 {
            let (lx, lz) = (x + dx, z + dz)
            guard lx >= 0, lx < 48, lz >= 0, lz < 48, volume[lx, y, lz].isAir else { continue }
            let r = abs(dx) + abs(dz) + (y == 8 ? 2 : 0)
            if r <= 3 && !(r == 3 && rng.unit() < 0.5) { volume[lx, y, lz] = B.oakLeaves }
        } } }
    }

    private mutating func placeChest() {
        let (x, y, z) = (keep.x1 - 3, 2, keep.z1 - 2)
        volume[x, y, z] = B.chest(facing: "south")
        volume.blockEntities[VoxelPosition(x, y, z)] = B.chestLoot()
    }
}
