/// Why an embeddings file (word2vec text) or its JSON sidecar could not be read or written.
///
/// Cases carry the file and, for parse errors, the 1-based line; `description` is one line
/// saying what, where, and what to do.
public enum EmbeddingFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case notUTF8(file: String)
    /// The first line is not `V D` with V ≥ 0 and 1 ≤ D ≤ `EmbeddingFile.maximumDimension`.
    case badHeader(file: String, text: String)
    /// A row holds `got` numbers instead of D.
    case wrongValueCount(file: String, line: Int, token: String, expected: Int, got: Int)
    /// A field is not a finite decimal number.
    case badNumber(file: String, line: Int, text: String)
    case duplicateToken(file: String, line: Int, token: String)
    /// The header promised `expected` rows but the file holds `got`.
    case wrongRowCount(file: String, expected: Int, got: Int)
    /// Writing: a token that is empty or holds whitespace cannot be stored in word2vec text.
    case invalidToken(file: String, token: String)
    case writeFailed(file: String, reason: String)
    /// The sidecar JSON does not decode (or has an unknown `version`).
    case badSidecar(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read embeddings (\(reason)); check the path"
        case let .notUTF8(file):
            return "\(file): not UTF-8 text; expected a word2vec text file (`V D` header, then `token v1 … vD`)"
        case let .badHeader(file, text):
            return "\(file):1: header \"\(text.prefix(60))\" is not `V D`; is this a word2vec text file (not binary)?"
        case let .wrongValueCount(file, line, token, expected, got):
            return "\(file):\(line): \(token) has \(got) values, expected \(expected) as the header says"
        case let .badNumber(file, line, text):
            return "\(file):\(line): \"\(text.prefix(40))\" is not a finite number"
        case let .duplicateToken(file, line, token):
            return "\(file):\(line): token \(token) appears twice; each token needs exactly one row"
        case let .wrongRowCount(file, expected, got):
            return "\(file): header promises \(expected) rows but the file holds \(got); the file is truncated or edited"
        case let .invalidToken(file, token):
            return "\(file): token \"\(token)\" is empty or contains whitespace and cannot be written as word2vec text"
        case let .writeFailed(file, reason):
            return "\(file): cannot write (\(reason)); check that the folder exists and is writable"
        case let .badSidecar(file, reason):
            return "\(file): not a worldgan embeddings sidecar (\(reason))"
        }
    }
}
