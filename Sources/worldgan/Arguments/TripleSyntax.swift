/// How the words of a triple are recognised and split.
enum TripleSyntax {
    /// The parts of one-word triples: `-10,64,5` (as `--from=-10,64,5` gives it) or `"-10 64 5"`.
    static func components(_ word: some StringProtocol) -> [Substring] {
        Substring(word).split(whereSeparator: { $0 == "," || $0 == " " })
    }

    /// A plain decimal number: optional sign, digits with an optional point, optional exponent.
    /// Stricter than `Double(_:)`, which also takes `nan`, `inf` and hexadecimal (possible file names).
    static func looksLikeNumber(_ word: Substring) -> Bool {
        var rest = word[...]
        if let first = rest.first, first == "-" || first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
        guard mantissa.contains(where: \.isNumber), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
        rest = rest.dropFirst(mantissa.count)
        if rest.isEmpty { return true }
        guard rest.first == "e" || rest.first == "E" else { return false }
        rest = rest.dropFirst()
        if let first = rest.first, first == "-" || first == "+" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
