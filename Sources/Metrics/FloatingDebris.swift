import Anvil

/// Removes what a sample's decoding leaves floating where its input has nothing floating: solid
/// parts with no way down to the sample's bottom layer (a canopy without its trunk, a roof
/// fragment, a stray block above a floor) and then plants, vines, lanterns… with no solid
/// neighbour (``FloatingParts``, the definition of `eval`'s floating measure). The game would keep
/// floating solid blocks where they are, so they would hang in the world; unsupported plants it
/// would drop at the next block update.
///
/// Only parts at most ``maximumExtent`` blocks across (X and Z) are removed, and only when they do
/// not touch a side where the volume goes on beyond what is seen: a window of a larger volume with
/// that many blocks of context around its core sees every such part whole, so tiles of a large
/// area decide as the whole volume would. A part that touches the bottom layer anywhere stays.
///
/// ```swift
/// let removed = FloatingDebris(maximumExtent: 8).remove(from: &volume, openSides: [])
/// ```
public struct FloatingDebris: Sendable {
    /// The sides of a window where its volume goes on.
    public struct OpenSides: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let lowX = OpenSides(rawValue: 1), highX = OpenSides(rawValue: 2)
        public static let lowZ = OpenSides(rawValue: 4), highZ = OpenSides(rawValue: 8)
    }

    /// The widest floating part removed, in blocks along X or Z.
    public let maximumExtent: Int

    public init(maximumExtent: Int) { self.maximumExtent = maximumExtent }

    /// Removes the floating parts of `volume`: air in their place (a waterlogged one's water
    /// would float too, and pour down in the game), their block entities dropped. Returns how
    /// many voxels were removed.
    public func remove(from volume: inout BlockVolume, openSides: OpenSides) -> Int {
        let size = (x: volume.sizeX, y: volume.sizeY, z: volume.sizeZ)
        let paletteRoles = volume.palette.map(BlockRole.init)
        var roles = volume.indices.map { paletteRoles[Int($0)] }
        let parts = FloatingParts(roles: roles, size: size)
        var removed = parts.components.filter { removable($0, size: size, openSides: openSides) }.flatMap(\.voxels)
        for i in removed { roles[i] = .empty }
        removed += FloatingParts.unsupportedAttached(roles, size: size)
        guard !removed.isEmpty else { return 0 }
        let air = volume.index(of: .air)
        for i in removed {
            volume.indices[i] = air
            volume.blockEntities[VoxelPosition(i / (size.y * size.z), (i / size.z) % size.y, i % size.z)] = nil
        }
        volume = volume.compacted()
        return removed.count
    }

    private func removable(_ part: FloatingParts.Component, size: (x: Int, y: Int, z: Int), openSides: OpenSides) -> Bool {
        guard part.horizontalExtent <= maximumExtent else { return false }
        if openSides.contains(.lowX) && part.minimum.x == 0 { return false }
        if openSides.contains(.highX) && part.maximum.x == size.x - 1 { return false }
        if openSides.contains(.lowZ) && part.minimum.z == 0 { return false }
        if openSides.contains(.highZ) && part.maximum.z == size.z - 1 { return false }
        return true
    }
}
