/// How light passes through a block, which decides its opacity in renders.
public enum BlockMaterial: String, Sendable, CaseIterable, Codable {
    /// Not drawn (air, cave air, void air, light, barrier, structure void).
    case air
    /// Hides what is behind it.
    case solid
    /// Leaves: mostly opaque, a little of the inside shows through.
    case leaves
    /// Glass, panes, slime: faint tint, clearly see-through.
    case glass
    /// Ice: cloudy see-through.
    case ice
    /// Water and bubble columns: see-through blue.
    case water
    /// Grass, flowers, crops, saplings: drawn as a smaller speckled tuft, not a cube.
    case plant

    /// Fraction of light a face blocks, 0…1.
    public var opacity: Double {
        switch self {
        case .air: return 0
        case .solid, .plant: return 1
        case .leaves: return 0.88
        case .glass: return 0.32
        case .ice: return 0.7
        case .water: return 0.55
        }
    }
}
