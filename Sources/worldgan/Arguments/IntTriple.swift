import ArgumentParser

/// Three whole numbers given after one option, like `--from X Y Z` (negative values allowed).
///
/// Users type three words (`--from -10 64 5`); ``ArgumentPreprocessor`` turns them into the one
/// word `--from=-10,64,5` before swift-argument-parser sees them (it would read `-10` as a flag),
/// and this type parses the `X,Y,Z` value.
struct IntTriple: TripleValued, ExpressibleByArgument, Equatable, CustomStringConvertible {
    var x: Int, y: Int, z: Int

    init(_ x: Int, _ y: Int, _ z: Int) { self.x = x; self.y = y; self.z = z }

    init?(argument: String) {
        let parts = TripleSyntax.components(argument)
        guard parts.count == 3, let x = Int(parts[0]), let y = Int(parts[1]), let z = Int(parts[2]) else { return nil }
        self.init(x, y, z)
    }

    static let tripleKind = TripleKind.wholeNumbers
    var description: String { "\(x) \(y) \(z)" }
    static var defaultValueDescription: String { "x y z" }
}
