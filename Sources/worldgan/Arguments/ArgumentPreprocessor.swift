import ArgumentParser

/// Rewrites the command line so that every triple-valued option reaches swift-argument-parser as one
/// word: `--from -300 60 -300` becomes `--from=-300,60,-300`.
///
/// The `=` form matters: the parser reads any word starting with `-` as a flag, so a bare `-300`
/// (or a joined `-300,60,-300`) after `--from` would be "Missing value for '--from'". Which options
/// take triples comes from the commands' declarations (``TripleOptions``). Wrong counts and
/// non-numbers are reported here, in one line naming the option, rather than as a confusing parse error.
enum ArgumentPreprocessor {
    /// `arguments` (without the program name) as swift-argument-parser should see them.
    /// - Throws: ``TripleArgumentError`` when a triple option lacks its three numbers.
    static func rewrite(_ arguments: [String], root: ParsableCommand.Type) throws(TripleArgumentError) -> [String] {
        let (command, nameWords) = TripleOptions.command(invokedBy: arguments, root: root)
        return try rewrite(arguments, options: TripleOptions.declared(in: command), from: nameWords)
    }

    /// Rewrites the words from `start` on, given the command's triple options (`"--from"` → kind).
    static func rewrite(_ arguments: [String], options: [String: TripleKind], from start: Int = 0) throws(TripleArgumentError) -> [String] {
        var out = Array(arguments[..<start])
        var i = start
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { out += arguments[i...]; break }   // everything after `--` is positional
            if let kind = options[word] {
                let (value, used) = try value(after: i, in: arguments, option: word, kind: kind)
                out.append("\(word)=\(value)")
                i += 1 + used
                continue
            }
            if let eq = word.firstIndex(of: "="), let kind = options[String(word[..<eq])] {
                let parts = TripleSyntax.components(word[word.index(after: eq)...])
                guard parts.count == kind.arity, parts.allSatisfy(kind.accepts) else {
                    throw .notThreeNumbers(option: String(word[..<eq]), kind: kind, got: parts.map(String.init))
                }
            }
            out.append(word)
            i += 1
        }
        return out
    }

    /// The `X,Y,Z` value after the option at `index`, and how many words it took (3, or 1 for
    /// `-10,64,5`; 4 or 1 for a rectangle).
    private static func value(after index: Int, in arguments: [String], option: String,
                              kind: TripleKind) throws(TripleArgumentError) -> (String, Int) {
        let following = arguments[(index + 1)...].prefix(kind.arity)
        if following.count == kind.arity, following.allSatisfy({ kind.accepts(Substring($0)) }) {
            return (following.joined(separator: ","), kind.arity)
        }
        if let next = following.first, next.contains(",") || next.contains(" ") {
            let parts = TripleSyntax.components(next)
            if parts.count == kind.arity, parts.allSatisfy(kind.accepts) { return (parts.joined(separator: ","), 1) }
            throw .notThreeNumbers(option: option, kind: kind, got: [next])
        }
        // Report the words given as its value: up to three, stopping at the next option.
        let given = following.prefix(while: { !$0.hasPrefix("-") || TripleSyntax.looksLikeNumber(Substring($0)) })
        throw .notThreeNumbers(option: option, kind: kind, got: Array(given))
    }
}
