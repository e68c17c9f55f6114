import Foundation

extension Image {
    /// The image as PNG file bytes (see `PNGEncoder`).
    /// - Throws: `RenderError.compressionFailed` when zlib fails.
    public func pngData(compressionLevel: Int32 = 6) throws -> Data {
        Data(try PNGEncoder(compressionLevel: compressionLevel).encode(self))
    }

    /// Writes the image as a PNG file at `url`, atomically.
    /// - Throws: `RenderError.compressionFailed`, or `RenderError.cannotWrite` naming the path.
    public func writePNG(to url: URL) throws {
        let data = try pngData()
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw RenderError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
    }
}
