import Foundation

extension Style {
    /// The names of the styles shipped with worldgan (`BundledStyles`), sorted: what `--style NAME` accepts.
    public static var bundledNames: [String] { BundledStyles.json.keys.sorted() }

    /// A style shipped with worldgan.
    ///
    /// ```swift
    /// let desert = try Style.load(named: "desert")
    /// ```
    /// - Throws: `StyleError.unknownStyle` (listing `bundledNames`) when there is no such style;
    ///   `.resourceMissing`, `.notAStyle` or `.badEntry` when the bundled file is broken.
    public static func load(named name: String) throws(StyleError) -> Style {
        guard let text = BundledStyles.json[name] else { throw .unknownStyle(name: name, available: bundledNames) }
        return try parse(Data(text.utf8), origin: "bundled style \(name)")
    }

    /// A style from any JSON file of the bundled styles' form.
    /// - Throws: `StyleError.unreadable` (with the system's reason), `.notAStyle` (the JSON is
    ///   malformed or has no `map` object of strings), `.badEntry` (naming the file and entry).
    public static func load(contentsOf url: URL) throws(StyleError) -> Style {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try parse(data, origin: url.path)
    }

    /// Parses a style file's bytes; `origin` names it in errors.
    /// - Throws: `StyleError.notAStyle` or `.badEntry`.
    public static func parse(_ data: Data, origin: String) throws(StyleError) -> Style {
        let file: StyleFile
        do { file = try JSONDecoder().decode(StyleFile.self, from: data) } catch let error as DecodingError {
            throw .notAStyle(file: origin, reason: reason(for: error))
        } catch {
            throw .notAStyle(file: origin, reason: String(describing: error))
        }
        return try Style(description: file.description ?? "", map: file.map, origin: origin)
    }

    /// The file's fields as written, before the entries are checked.
    private struct StyleFile: Decodable {
        var description: String?
        var map: [String: String]
    }

    /// One short clause for a decoding failure: which field, and what was expected.
    private static func reason(for error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case let .keyNotFound(key, _):
            return "no \"\(key.stringValue)\" field"
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let field = path(context)
            return "\(field.isEmpty ? "the top level" : field): expected \(type == String.self ? "a string" : "\(type)")"
        case let .dataCorrupted(context):
            let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return "invalid JSON\(underlying)"
        @unknown default:
            return String(describing: error)
        }
    }
}
