import Anvil

extension IsometricRenderer {
    /// Renders each volume with these options and tiles the pictures into one grid (for
    /// `worldgan render a.schem b.schem … -o grid.png` and the per-scale training previews).
    ///
    /// ```swift
    /// let picture = try IsometricRenderer().renderGrid(samples, captions: names)
    /// try picture.writePNG(to: runFolder.appendingPathComponent("previews/scale-2.png"))
    /// ```
    /// - Throws: what `render(_:)` throws, for the first volume that fails.
    public func renderGrid(_ volumes: [BlockVolume], captions: [String] = [], grid: ImageGrid = ImageGrid()) throws -> Image {
        grid.compose(try volumes.map { try render($0) }, captions: captions)
    }
}
