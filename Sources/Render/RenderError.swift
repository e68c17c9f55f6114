import Foundation

/// Why a picture could not be made or saved.
public enum RenderError: Error, Equatable, CustomStringConvertible {
    /// zlib reported `code` during `stage` (`deflateInit`, `deflate`) while encoding a PNG.
    case compressionFailed(stage: String, code: Int32)
    /// The picture would be `width`×`height` pixels, more than `limit` pixels in total.
    case imageTooLarge(width: Int, height: Int, limit: Int)
    /// A render option is out of range: `option` with `value`, and what is allowed.
    case invalidOption(option: String, value: String, allowed: String)
    /// PNG cannot hold an image with no pixels (`width` or `height` is 0).
    case emptyImage(width: Int, height: Int)
    /// Writing `path` failed with the system's `reason`.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .compressionFailed(stage, code):
            return "PNG encoding failed: zlib \(stage) returned \(code); this is a bug or out of memory, retry with a smaller --size"
        case let .imageTooLarge(width, height, limit):
            return "render would be \(width)×\(height) pixels (over \(limit)); use a smaller --size or a --cutaway/box"
        case let .invalidOption(option, value, allowed):
            return "render option \(option) = \(value) is invalid; allowed: \(allowed)"
        case let .emptyImage(width, height):
            return "cannot save a \(width)×\(height) picture as PNG: it has no pixels; check the volume or box is not empty"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); check the folder exists and is writable"
        }
    }
}
