import NBT

/// One block to place in a chunk: chunk-local x and z (0…15), world y, the new state, and the
/// block entity data the new block needs (a chest's items, a sign's text), if any.
///
/// ```swift
/// BlockEdit(x: 3, y: -60, z: 7, state: BlockState("minecraft:chest", ["facing": "north"]),
///           blockEntity: Compound([("id", .string("minecraft:chest"))]))
/// ```
public struct BlockEdit: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var z: Int
    public var state: BlockState
    /// Block entity NBT without position keys (`x`/`y`/`z` are added); `nil` for none.
    public var blockEntity: Compound?

    public init(x: Int, y: Int, z: Int, state: BlockState, blockEntity: Compound? = nil) {
        self.x = x
        self.y = y
        self.z = z
        self.state = state
        self.blockEntity = blockEntity
    }
}
