/// Tiles several images into one picture: equal cells in rows, each image centred in its cell,
/// an optional caption under each in the built-in 5×7 font.
///
/// ```swift
/// let grid = ImageGrid(columns: 4).compose(renders, captions: files.map(\.lastPathComponent))
/// try grid.writePNG(to: URL(fileURLWithPath: "grid.png"))
/// ```
/// - Complexity: O(output pixels).
public struct ImageGrid: Sendable {
    /// Images per row; `nil` picks ⌈√count⌉ (a near-square grid).
    public var columns: Int?
    /// Pixels between cells and around the grid.
    public var margin: Int
    public var background: RGBA
    public var captionColour: RGBA
    /// Caption pixel size (1 = 5×7 glyphs).
    public var captionScale: Int

    public init(columns: Int? = nil, margin: Int = 8, background: RGBA = .white,
                captionColour: RGBA = RGBA(40, 40, 40), captionScale: Int = 1) {
        self.columns = columns
        self.margin = max(0, margin)
        self.background = background
        self.captionColour = captionColour
        self.captionScale = max(1, captionScale)
    }

    /// The grid of `images`; `captions[i]` (if present and non-empty) goes under image i, cut to
    /// the cell width with a trailing `..`.
    public func compose(_ images: [Image], captions: [String] = []) -> Image {
        let count = images.count
        let columns = max(1, min(count, self.columns ?? Int(Double(count).squareRoot().rounded(.up))))
        let rows = count == 0 ? 0 : (count + columns - 1) / columns
        let cellWidth = images.map(\.width).max() ?? 0
        let hasCaptions = captions.contains { !$0.isEmpty }
        let captionHeight = hasCaptions ? BitmapFont.glyphHeight * captionScale + 4 : 0
        let cellHeight = (images.map(\.height).max() ?? 0) + captionHeight
        var out = Image(width: columns * cellWidth + (columns + 1) * margin,
                        height: rows * cellHeight + (rows + 1) * margin, fill: background)
        for (i, image) in images.enumerated() {
            let left = margin + (i % columns) * (cellWidth + margin)
            let top = margin + (i / columns) * (cellHeight + margin)
            let imageHeight = cellHeight - captionHeight
            out.draw(image, atX: left + (cellWidth - image.width) / 2, y: top + (imageHeight - image.height) / 2)
            guard i < captions.count, !captions[i].isEmpty else { continue }
            let text = fitted(captions[i], width: cellWidth)
            BitmapFont.draw(text, into: &out, x: left + (cellWidth - BitmapFont.width(of: text, scale: captionScale)) / 2,
                            y: top + imageHeight + 3, colour: captionColour, scale: captionScale)
        }
        return out
    }

    /// `text`, shortened with `..` so it fits in `width` pixels.
    func fitted(_ text: String, width: Int) -> String {
        if BitmapFont.width(of: text, scale: captionScale) <= width { return text }
        var cut = text
        while !cut.isEmpty, BitmapFont.width(of: cut + "..", scale: captionScale) > width { cut.removeLast() }
        return cut.isEmpty ? "" : cut + ".."
    }
}
