import Anvil

/// Small synthetic volumes for block2vec tests.
enum TestVolumes {
    /// A volume whose token at (x, y, z) is `token(x, y, z)`.
    static func make(_ sx: Int, _ sy: Int, _ sz: Int, _ token: (Int, Int, Int) -> String) -> BlockVolume {
        var volume = BlockVolume(size: (sx, sy, sz), fill: BlockState(token(0, 0, 0)))
        for x in 0..<sx { for y in 0..<sy { for z in 0..<sz { volume[x, y, z] = BlockState(token(x, y, z)) } } }
        return volume
    }

    /// Two halves along x: in the first, `test:a` sits at every all-even voxel with `test:b`
    /// around it (so a's 26 neighbours are always b); the second is the same with `test:c` in `test:d`.
    static func pairedStructure(halfX: Int = 12, sizeY: Int = 8, sizeZ: Int = 8) -> BlockVolume {
        make(2 * halfX, sizeY, sizeZ) { x, y, z in
            let centre = x % 2 == 0 && y % 2 == 0 && z % 2 == 0
            if x < halfX { return centre ? "test:a" : "test:b" }
            return centre ? "test:c" : "test:d"
        }
    }
}
