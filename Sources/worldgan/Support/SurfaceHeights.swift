import Anvil
import Metrics

/// The ground of a world's columns, for `generate --area --on-surface`: the height of the highest
/// solid block of each column (plants, vines, torches and air do not count), read from the blocks
/// themselves, so every chunk format works and chunks whose heightmaps an earlier paste dropped
/// are read right. Columns without ground (never generated, void) get `fallback`.
enum SurfaceHeights {
    /// Ground heights of `part`'s columns, x-major (`(x - minX) * depth + (z - minZ)`), read one
    /// 16-block strip of X at a time so that memory holds one strip of the world's height.
    /// - Throws: the `WorldError`s of reading the world (a damaged region file, …).
    static func read(_ world: World, part: AreaRectangle, fallback: Int) throws -> [Int] {
        let heights = WorldHeight.defaultRange(dataVersion: world.level.dataVersion, dimension: .overworld)
        let extractor = WorldExtractor(world: world, fillMissingWithAir: true)
        var out = [Int](repeating: fallback, count: part.width * part.depth)
        var solid: [BlockState: Bool] = [:]
        var x0 = part.minX
        while x0 <= part.maxX {
            let x1 = min(part.maxX, (x0 & ~15) + 15)
            defer { x0 = x1 + 1 }
            let strip = try extractor.extract(try WorldBox(VoxelPosition(x0, heights.lowerBound, part.minZ),
                                                           VoxelPosition(x1, heights.upperBound, part.maxZ)))
            let isSolid = strip.palette.map { state in
                if let known = solid[state] { return known }
                let value = BlockRole(state) == .solid
                solid[state] = value
                return value
            }
            for x in 0..<strip.sizeX {
                for z in 0..<strip.sizeZ {
                    for y in stride(from: strip.sizeY - 1, through: 0, by: -1) where isSolid[Int(strip.indices[strip.offset(x, y, z)])] {
                        out[(x0 - part.minX + x) * part.depth + z] = heights.lowerBound + y
                        break
                    }
                }
            }
        }
        return out
    }
}
