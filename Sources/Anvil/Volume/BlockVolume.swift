import NBT

/// A box of blocks: a palette of block states and one palette index per voxel.
///
/// Axes are (X, Y, Z) with Y up; the voxel (x, y, z) is stored at `(x * sizeY + y) * sizeZ + z`
/// (the layout of World-GAN's `[X, Y, Z]` tensors). Block entities (chests, signs, …) are kept
/// as NBT compounds keyed by their position inside the box.
///
/// ```swift
/// var v = BlockVolume(size: (4, 3, 5), fill: .air)
/// v[1, 2, 3] = BlockState("minecraft:stone")
/// v.histogram()   // [air: 59, stone: 1]
/// ```
public struct BlockVolume: Sendable, Equatable {
    public let sizeX: Int
    public let sizeY: Int
    public let sizeZ: Int
    /// Distinct states; `indices` point into it. May hold states no voxel uses.
    public var palette: [BlockState]
    /// One palette index per voxel, in (x, y, z) storage order.
    public var indices: [UInt32]
    /// Block entity NBT (without position keys) by voxel position inside the box.
    public var blockEntities: [VoxelPosition: NBT.Compound]

    private var lookup: [BlockState: UInt32]

    /// A volume of the given size filled with one state.
    public init(size: (Int, Int, Int), fill: BlockState = .air) {
        precondition(size.0 >= 0 && size.1 >= 0 && size.2 >= 0, "BlockVolume: negative size \(size)")
        (sizeX, sizeY, sizeZ) = size
        palette = [fill]
        lookup = [fill: 0]
        indices = [UInt32](repeating: 0, count: size.0 * size.1 * size.2)
        blockEntities = [:]
    }

    /// A volume from a palette and indices; every index must be below `palette.count`.
    public init(size: (Int, Int, Int), palette: [BlockState], indices: [UInt32],
                blockEntities: [VoxelPosition: NBT.Compound] = [:]) {
        precondition(indices.count == size.0 * size.1 * size.2,
                     "BlockVolume: \(indices.count) indices for size \(size)")
        (sizeX, sizeY, sizeZ) = size
        self.palette = palette
        self.indices = indices
        self.blockEntities = blockEntities
        lookup = [:]
        for (i, s) in palette.enumerated() where lookup[s] == nil { lookup[s] = UInt32(i) }
    }

    /// Number of voxels.
    public var count: Int { indices.count }
    public var size: (Int, Int, Int) { (sizeX, sizeY, sizeZ) }

    /// Storage offset of (x, y, z).
    @inline(__always)
    public func offset(_ x: Int, _ y: Int, _ z: Int) -> Int { (x * sizeY + y) * sizeZ + z }

    /// True when (x, y, z) lies inside the box.
    public func contains(_ x: Int, _ y: Int, _ z: Int) -> Bool {
        x >= 0 && y >= 0 && z >= 0 && x < sizeX && y < sizeY && z < sizeZ
    }

    /// The palette index for `state`, adding it to the palette if new.
    public mutating func index(of state: BlockState) -> UInt32 {
        if let i = lookup[state] { return i }
        let i = UInt32(palette.count)
        palette.append(state)
        lookup[state] = i
        return i
    }

    /// The state at (x, y, z); setting it adds the state to the palette when needed.
    public subscript(x: Int, y: Int, z: Int) -> BlockState {
        get { palette[Int(indices[offset(x, y, z)])] }
        set { indices[offset(x, y, z)] = index(of: newValue) }
    }

    /// Voxel counts per state, only for states that occur.
    public func histogram() -> [BlockState: Int] {
        var counts = [Int](repeating: 0, count: palette.count)
        for i in indices { counts[Int(i)] += 1 }
        var out: [BlockState: Int] = [:]
        for (i, c) in counts.enumerated() where c > 0 { out[palette[i], default: 0] += c }
        return out
    }

    /// The same blocks with a palette of only the used states, in first-use order
    /// (duplicated palette entries merged).
    public func compacted() -> BlockVolume {
        var remap = [UInt32](repeating: .max, count: palette.count)
        var newPalette: [BlockState] = []
        var seen: [BlockState: UInt32] = [:]
        var newIndices = indices
        for (n, i) in indices.enumerated() {
            var r = remap[Int(i)]
            if r == .max {
                let s = palette[Int(i)]
                if let j = seen[s] { r = j } else {
                    r = UInt32(newPalette.count); newPalette.append(s); seen[s] = r
                }
                remap[Int(i)] = r
            }
            newIndices[n] = r
        }
        return BlockVolume(size: size, palette: newPalette, indices: newIndices, blockEntities: blockEntities)
    }

    public static func == (a: BlockVolume, b: BlockVolume) -> Bool {
        guard a.size == b.size else { return false }
        for n in 0..<a.indices.count where a.palette[Int(a.indices[n])] != b.palette[Int(b.indices[n])] {
            return false
        }
        return a.blockEntities == b.blockEntities
    }
}

/// A voxel position inside a volume (or a world, depending on context).
public struct VoxelPosition: Hashable, Sendable, CustomStringConvertible {
    public var x: Int, y: Int, z: Int
    public init(_ x: Int, _ y: Int, _ z: Int) { self.x = x; self.y = y; self.z = z }
    public var description: String { "(\(x), \(y), \(z))" }
}
