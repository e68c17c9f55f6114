/// Which numbers a triple-valued option takes (and how many: three, or four for a rectangle).
enum TripleKind: Sendable, Equatable {
    /// Block coordinates and sizes: three `Int`s.
    case wholeNumbers
    /// Factors: three `Double`s.
    case decimals
    /// A rectangle's corners `X0 Z0 X1 Z1`: four `Int`s.
    case rectangle
    /// One height `Y`: one `Int` (so `--at-y -62` is not read as a flag).
    case height

    /// How many numbers the option takes.
    var arity: Int {
        switch self {
        case .wholeNumbers, .decimals: 3
        case .rectangle: 4
        case .height: 1
        }
    }

    /// Whether `word` is one number of this kind (`-10`, `+3`, and for decimals `1.5`, `-.5`, `2e3`).
    func accepts(_ word: Substring) -> Bool {
        switch self {
        case .wholeNumbers, .rectangle, .height: Int(word) != nil
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
