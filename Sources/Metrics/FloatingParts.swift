/// The parts of a volume that float: 6-connected components of solid voxels that do not reach the
/// bottom layer, and attached blocks (plants, vines, lanterns…) with no solid block among their
/// 6 neighbours. The one definition behind the floating-fragments measure and `generate`'s
/// removal of floating debris.
///
/// Voxels are indexed `(x · sizeY + y) · sizeZ + z`, as ``TokenVolume`` and `BlockVolume`.
///
/// ```swift
/// let parts = FloatingParts(roles: volume.indices.map { roles[Int($0)] }, size: (32, 12, 32))
/// parts.floatingVoxels   // solid voxels of floating components plus unsupported attached ones
/// ```
/// - Complexity: O(voxels).
public struct FloatingParts: Sendable {
    /// One floating component of solid voxels and its bounding box (inclusive).
    public struct Component: Sendable {
        public var voxels: [Int] = []
        public var minimum: (x: Int, y: Int, z: Int)
        public var maximum: (x: Int, y: Int, z: Int)

        /// The largest extent of the bounding box along X or Z.
        public var horizontalExtent: Int { max(maximum.x - minimum.x, maximum.z - minimum.z) + 1 }
    }

    public let size: (x: Int, y: Int, z: Int)
    /// Solid components that do not reach the bottom layer.
    public let components: [Component]
    /// Attached voxels with no solid neighbour.
    public let unsupported: [Int]
    /// Voxels that are not empty.
    public let occupied: Int

    public init(roles: [BlockRole], size: (x: Int, y: Int, z: Int)) {
        precondition(roles.count == size.x * size.y * size.z, "FloatingParts: \(roles.count) roles for a \(size) volume")
        self.size = size
        var visited = [Bool](repeating: false, count: roles.count)
        var components: [Component] = []
        var stack: [Int] = []
        for start in roles.indices where roles[start] == .solid && !visited[start] {
            let (x, y, z) = Self.position(start, size)
            var component = Component(minimum: (x, y, z), maximum: (x, y, z))
            var grounded = false
            visited[start] = true
            stack.append(start)
            while let i = stack.popLast() {
                component.voxels.append(i)
                let (x, y, z) = Self.position(i, size)
                grounded = grounded || y == 0
                component.minimum = (min(component.minimum.x, x), min(component.minimum.y, y), min(component.minimum.z, z))
                component.maximum = (max(component.maximum.x, x), max(component.maximum.y, y), max(component.maximum.z, z))
                Self.forEachNeighbour(i, size) { j in
                    if roles[j] == .solid && !visited[j] {
                        visited[j] = true
                        stack.append(j)
                    }
                }
            }
            if !grounded { components.append(component) }
        }
        self.components = components
        unsupported = Self.unsupportedAttached(roles, size: size)
        occupied = roles.reduce(0) { $0 + ($1 == .empty ? 0 : 1) }
    }

    /// The attached voxels of `roles` with no solid voxel among their 6 neighbours.
    public static func unsupportedAttached(_ roles: [BlockRole], size: (x: Int, y: Int, z: Int)) -> [Int] {
        roles.indices.filter { i in
            guard roles[i] == .attached else { return false }
            var supported = false
            forEachNeighbour(i, size) { j in supported = supported || roles[j] == .solid }
            return !supported
        }
    }

    /// Solid voxels of floating components plus unsupported attached voxels.
    public var floatingVoxels: Int { components.reduce(0) { $0 + $1.voxels.count } + unsupported.count }

    /// The share of non-empty voxels that float (0 when the volume is all air).
    public var floatingFraction: Double { occupied == 0 ? 0 : Double(floatingVoxels) / Double(occupied) }

    static func position(_ i: Int, _ size: (x: Int, y: Int, z: Int)) -> (Int, Int, Int) {
        (i / (size.y * size.z), (i / size.z) % size.y, i % size.z)
    }

    @inline(__always)
    static func forEachNeighbour(_ i: Int, _ size: (x: Int, y: Int, z: Int), _ body: (Int) -> Void) {
        let (x, y, z) = position(i, size)
        let plane = size.y * size.z
        if x > 0 { body(i - plane) }
        if x + 1 < size.x { body(i + plane) }
        if y > 0 { body(i - size.z) }
        if y + 1 < size.y { body(i + size.z) }
        if z > 0 { body(i - 1) }
        if z + 1 < size.z { body(i + 1) }
    }
}
