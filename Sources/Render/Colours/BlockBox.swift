/// The part of a voxel a block fills, in block units relative to the voxel's lower corner
/// (0…1 on each axis): a full cube, a slab, a carpet, a fence post, a plant tuft…
public struct BlockBox: Hashable, Sendable {
    public var minX, minY, minZ, maxX, maxY, maxZ: Double

    public init(_ minX: Double, _ minY: Double, _ minZ: Double, _ maxX: Double, _ maxY: Double, _ maxZ: Double) {
        (self.minX, self.minY, self.minZ, self.maxX, self.maxY, self.maxZ) = (minX, minY, minZ, maxX, maxY, maxZ)
    }

    /// A box centred horizontally with the given half-width, from `bottom` to `top`.
    public static func centred(halfWidth w: Double, bottom: Double = 0, top: Double) -> BlockBox {
        BlockBox(0.5 - w, bottom, 0.5 - w, 0.5 + w, top, 0.5 + w)
    }

    /// A full-width layer from `bottom` to `top`.
    public static func layer(bottom: Double = 0, top: Double) -> BlockBox { BlockBox(0, bottom, 0, 1, top, 1) }

    public static let full = BlockBox(0, 0, 0, 1, 1, 1)

    /// True for the whole voxel.
    public var isFull: Bool { self == .full }
}
