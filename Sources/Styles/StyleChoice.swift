import Foundation

/// What `generate --style ARGUMENT` asks for, resolved:
/// - `NAME` (no extension): a bundled style (`Style.bundledNames`), applied after decoding;
/// - `FILE.json`: any style file, applied after decoding;
/// - `FILE.txt`: an embeddings file, decoded against instead of the run's embeddings.
///
/// ```swift
/// switch try StyleChoice.resolve("desert") {
/// case .mapping(let style): volume = try StyleMapper(style: style).apply(to: decoded).volume
/// case .vocabulary(let decoder): volume = try decoder.decode(channelMajor: values, size: size)
/// }
/// ```
public enum StyleChoice: Sendable {
    case mapping(Style)
    case vocabulary(StyleDecoder)

    /// Resolves a `--style` argument (extensions compared case-insensitively; paths are relative
    /// to the working directory).
    /// - Throws: `StyleError.unknownStyle` for a name that is not bundled; the errors of
    ///   `Style.load(contentsOf:)`, `StyleDecoder.init(contentsOf:)` for files.
    public static func resolve(_ argument: String) throws -> StyleChoice {
        let url = URL(fileURLWithPath: argument)
        switch url.pathExtension.lowercased() {
        case "json":
            return .mapping(try Style.load(contentsOf: url))
        case "txt":
            return .vocabulary(try StyleDecoder(contentsOf: url))
        default:
            return .mapping(try Style.load(named: argument))
        }
    }
}
