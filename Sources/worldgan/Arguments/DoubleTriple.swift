import ArgumentParser

/// Three decimal numbers after one option (e.g. `--scale 2 1 2`, `--scale 1.5 1 -0.5`).
///
/// Parsed like ``IntTriple``: ``ArgumentPreprocessor`` joins the three words into `X,Y,Z`.
struct DoubleTriple: TripleValued, ExpressibleByArgument, Equatable, CustomStringConvertible {
    var x: Double, y: Double, z: Double

    init?(argument: String) {
        let parts = TripleSyntax.components(argument)
        guard parts.count == 3, let x = Double(parts[0]), let y = Double(parts[1]), let z = Double(parts[2]) else { return nil }
        (self.x, self.y, self.z) = (x, y, z)
    }

    static let tripleKind = TripleKind.decimals
    var description: String { "\(x) \(y) \(z)" }
    static var defaultValueDescription: String { "x y z" }
}
