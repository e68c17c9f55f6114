/// What a block state looks like in a render: colours for its top and its sides, its material
/// (opacity class) and the box it fills inside its voxel.
public struct BlockAppearance: Hashable, Sendable {
    /// Colour of upward faces (alpha is the material's opacity).
    public var top: RGBA
    /// Colour of side faces (differs from `top` for grass, logs, bookshelves…).
    public var side: RGBA
    public var material: BlockMaterial
    public var box: BlockBox
    /// True when the colour came from the table (directly or through a stairs/slab/wall base name),
    /// false for the hashed fallback.
    public var isKnown: Bool

    public init(top: RGBA, side: RGBA, material: BlockMaterial, box: BlockBox = .full, isKnown: Bool = true) {
        let alpha = RGBA.clamp(material.opacity * 255)
        self.top = RGBA(top.red, top.green, top.blue, alpha)
        self.side = RGBA(side.red, side.green, side.blue, alpha)
        self.material = material
        self.box = box
        self.isKnown = isKnown
    }

    /// The appearance of air: nothing.
    public static let air = BlockAppearance(top: .clear, side: .clear, material: .air)
}
