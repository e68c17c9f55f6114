/// Which numbers a triple-valued option takes.
enum TripleKind: Sendable, Equatable {
    /// Block coordinates and sizes: `Int`.
    case wholeNumbers
    /// Factors: `Double`.
    case decimals

    /// Whether `word` is one number of this kind (`-10`, `+3`, and for decimals `1.5`, `-.5`, `2e3`).
    func accepts(_ word: Substring) -> Bool {
        switch self {
        case .wholeNumbers: Int(word) != nil
        case .decimals: TripleSyntax.looksLikeNumber(word) && Double(word) != nil
        }
    }
}

/// A value typed as three numbers after its option (``IntTriple``, ``DoubleTriple``, or an optional of one).
///
/// Declaring an `@Option` of such a type is all a command does: ``TripleOptions`` finds it by
/// reflection, so the command line rewriting never needs a hand-kept list of option names.
protocol TripleValued {
    static var tripleKind: TripleKind { get }
}

extension Optional: TripleValued where Wrapped: TripleValued {
    static var tripleKind: TripleKind { Wrapped.tripleKind }
}
