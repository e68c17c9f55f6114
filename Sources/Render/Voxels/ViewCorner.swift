/// The corner of the box the isometric viewer looks from (Minecraft compass: +x east, +z south).
/// The viewer is above that corner, looking at the opposite one.
public enum ViewCorner: String, Sendable, CaseIterable, Codable {
    case southEast = "south-east"
    case southWest = "south-west"
    case northWest = "north-west"
    case northEast = "north-east"

    /// Size of the box as the viewer sees it: X and Z swap for the two side corners.
    func viewSize(_ x: Int, _ z: Int) -> (x: Int, z: Int) {
        switch self {
        case .southEast, .northWest: return (x, z)
        case .southWest, .northEast: return (z, x)
        }
    }

    /// Where volume column (x, z) of a box `sizeX × sizeZ` lands in view space, in which the viewer
    /// always sits at +x, +z (the right face is +x, the left face +z).
    @inline(__always)
    func viewPosition(x: Int, z: Int, sizeX: Int, sizeZ: Int) -> (x: Int, z: Int) {
        switch self {
        case .southEast: return (x, z)
        case .southWest: return (z, sizeX - 1 - x)
        case .northWest: return (sizeX - 1 - x, sizeZ - 1 - z)
        case .northEast: return (sizeZ - 1 - z, x)
        }
    }
}
