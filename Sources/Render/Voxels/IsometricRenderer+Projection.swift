extension IsometricRenderer {
    /// How the box is projected onto the picture.
    public enum Projection: String, Sendable, CaseIterable, Codable {
        /// 2:1 pixel isometric: a block is a diamond `blockSize` wide on top of two shaded sides.
        case isometric
        /// Straight down: a block is a `blockSize` square, north up, lower blocks darker.
        case topDown = "top-down"
    }
}
