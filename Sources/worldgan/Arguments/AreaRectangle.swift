import ArgumentParser

/// A rectangle of world columns given as its inclusive corners `X0 Z0 X1 Z1` (any order, negative
/// values allowed), like `generate --area -512 -512 511 511`.
///
/// Typed as four words and joined by ``ArgumentPreprocessor`` (as the triples are).
struct AreaRectangle: TripleValued, ExpressibleByArgument, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Smallest and largest corner (inclusive).
    var minX: Int, minZ: Int, maxX: Int, maxZ: Int

    init(_ x0: Int, _ z0: Int, _ x1: Int, _ z1: Int) {
        (minX, maxX) = (min(x0, x1), max(x0, x1))
        (minZ, maxZ) = (min(z0, z1), max(z0, z1))
    }

    init?(argument: String) {
        let parts = TripleSyntax.components(argument).compactMap { Int($0) }
        guard parts.count == 4 else { return nil }
        self.init(parts[0], parts[1], parts[2], parts[3])
    }

    static let tripleKind = TripleKind.rectangle
    var description: String { "\(minX) \(minZ) \(maxX) \(maxZ)" }
    static var defaultValueDescription: String { "x0 z0 x1 z1" }

    /// Columns along X and Z.
    var width: Int { maxX - minX + 1 }
    var depth: Int { maxZ - minZ + 1 }

    /// The region files (512 × 512 columns) the rectangle touches, sorted by (x, z), each with
    /// the part of the rectangle inside it.
    var regions: [(x: Int, z: Int, part: AreaRectangle)] {
        var out: [(x: Int, z: Int, part: AreaRectangle)] = []
        for rx in (minX >> 9)...(maxX >> 9) {
            for rz in (minZ >> 9)...(maxZ >> 9) {
                out.append((rx, rz, AreaRectangle(max(minX, rx << 9), max(minZ, rz << 9),
                                                  min(maxX, (rx << 9) + 511), min(maxZ, (rz << 9) + 511))))
            }
        }
        return out
    }
}
