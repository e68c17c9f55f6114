import ArgumentParser

/// One world height given after an option, like `--at-y -62` (negative values allowed: the
/// word is joined to its option by ``ArgumentPreprocessor``, as the triples are).
struct BlockHeight: TripleValued, ExpressibleByArgument, Equatable, CustomStringConvertible {
    var y: Int

    init(_ y: Int) { self.y = y }

    init?(argument: String) {
        guard let y = Int(argument) else { return nil }
        self.y = y
    }

    static let tripleKind = TripleKind.height
    var description: String { "\(y)" }
    static var defaultValueDescription: String { "y" }
}
