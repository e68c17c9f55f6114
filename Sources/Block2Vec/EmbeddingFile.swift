import Foundation

/// Reads and writes embeddings in word2vec's text format, as World-GAN's `embeddings.txt`
/// and gensim's `KeyedVectors.load_word2vec_format(binary=False)`:
/// a header line `V D`, then per token one line `token v1 … vD`, fields separated by one space.
///
/// Numbers are written with Swift's shortest round-trip form, so reading gives back the exact floats.
///
/// ```swift
/// try EmbeddingFile.write(result.embeddings, to: URL(fileURLWithPath: "embeddings/ruins.txt"))
/// let e = try EmbeddingFile.read(from: URL(fileURLWithPath: "embeddings/ruins.txt"))
/// ```
public enum EmbeddingFile {
    /// The largest D a file may declare (guards allocation against hostile headers).
    public static let maximumDimension = 1 << 16

    /// The file's text for `embeddings`.
    /// - Throws: `EmbeddingFileError.invalidToken` for an empty token or one with whitespace.
    public static func text(of embeddings: Embeddings, file: String = "<memory>") throws -> String {
        var out = "\(embeddings.count) \(embeddings.dimension)\n"
        for (i, token) in embeddings.tokens.enumerated() {
            guard !token.isEmpty, !token.contains(where: \.isWhitespace) else {
                throw EmbeddingFileError.invalidToken(file: file, token: token)
            }
            out += token
            let row = embeddings.vectors[(i * embeddings.dimension)..<((i + 1) * embeddings.dimension)]
            for x in row { out += " "; out += x.description }
            out += "\n"
        }
        return out
    }

    /// Writes `embeddings` to `url` atomically.
    /// - Throws: `.invalidToken`, or `.writeFailed` with the system's reason.
    public static func write(_ embeddings: Embeddings, to url: URL) throws {
        let text = try text(of: embeddings, file: url.path)
        do { try Data(text.utf8).write(to: url, options: .atomic) } catch {
            throw EmbeddingFileError.writeFailed(file: url.path, reason: error.localizedDescription)
        }
    }

    /// Reads the embeddings in `url`.
    /// - Throws: `.unreadable`, `.notUTF8`, or a parse error of `parse(_:file:)`.
    public static func read(from url: URL) throws -> Embeddings {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw EmbeddingFileError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw EmbeddingFileError.notUTF8(file: url.path) }
        return try parse(text, file: url.path)
    }

    /// Parses word2vec text; `file` names the source in errors. Trailing spaces, `\r\n` line
    /// ends and blank lines after the last row are accepted, as gensim does.
    /// - Throws: `.badHeader`, `.wrongValueCount`, `.badNumber`, `.duplicateToken`, `.wrongRowCount`.
    /// - Complexity: O(file length).
    public static func parse(_ text: String, file: String) throws -> Embeddings {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        let header = lines.first.map { $0.split(separator: " ", omittingEmptySubsequences: true) } ?? []
        guard header.count == 2, let rows = Int(header[0]), let dimension = Int(header[1]),
              rows >= 0, dimension > 0, dimension <= maximumDimension else {
            throw EmbeddingFileError.badHeader(file: file, text: lines.first ?? "")
        }
        guard lines.count - 1 == rows else {
            throw EmbeddingFileError.wrongRowCount(file: file, expected: rows, got: lines.count - 1)
        }
        var tokens: [String] = []
        var seen = Set<String>()
        var vectors: [Float] = []
        // Every value takes at least two bytes ("0 "), so this bounds the allocation by the file's size
        // even when a hostile header promises more than the rows hold.
        vectors.reserveCapacity(min(rows * dimension, text.utf8.count / 2))
        for (n, line) in lines.dropFirst().enumerated() {
            let lineNumber = n + 2
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let token = fields.first.map(String.init) ?? ""
            guard fields.count == dimension + 1 else {
                throw EmbeddingFileError.wrongValueCount(file: file, line: lineNumber, token: token,
                                                         expected: dimension, got: max(fields.count - 1, 0))
            }
            guard seen.insert(token).inserted else {
                throw EmbeddingFileError.duplicateToken(file: file, line: lineNumber, token: token)
            }
            for field in fields.dropFirst() {
                guard let x = Float(field), x.isFinite else {
                    throw EmbeddingFileError.badNumber(file: file, line: lineNumber, text: String(field))
                }
                vectors.append(x)
            }
            tokens.append(token)
        }
        return Embeddings(tokens: tokens, dimension: dimension, vectors: vectors)
    }
}
