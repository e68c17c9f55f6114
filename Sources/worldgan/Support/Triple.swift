import ArgumentParser

/// Three numbers given after one option, like `--from X Y Z` (negative values allowed).
///
/// swift-argument-parser would read `-64` as a flag, so `ArgumentPreprocessor` first joins the three
/// numbers that follow a triple-valued option into one `X,Y,Z` word, which this type parses.
struct IntTriple: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var x: Int, y: Int, z: Int

    init(_ x: Int, _ y: Int, _ z: Int) { self.x = x; self.y = y; self.z = z }

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "," || $0 == " " })
        guard parts.count == 3, let x = Int(parts[0]), let y = Int(parts[1]), let z = Int(parts[2]) else { return nil }
        self.init(x, y, z)
    }

    var description: String { "\(x) \(y) \(z)" }
    static var defaultValueDescription: String { "x y z" }
}

/// Rewrites the command line so that triple-valued options take their three numbers as one word.
enum ArgumentPreprocessor {
    /// Options that take three numbers.
    static let tripleOptions: Set<String> = ["--from", "--to", "--at", "--size", "--scale"]

    static func join(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if tripleOptions.contains(a), i + 3 < arguments.count,
               arguments[(i + 1)...(i + 3)].allSatisfy({ Int($0) != nil || Double($0) != nil }) {
                out.append(a)
                out.append(arguments[(i + 1)...(i + 3)].joined(separator: ","))
                i += 4
            } else {
                out.append(a)
                i += 1
            }
        }
        return out
    }
}

/// Three decimal numbers after one option (e.g. `--scale 2 1 2`).
struct DoubleTriple: ExpressibleByArgument, Equatable, CustomStringConvertible {
    var x: Double, y: Double, z: Double

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "," || $0 == " " })
        guard parts.count == 3, let x = Double(parts[0]), let y = Double(parts[1]), let z = Double(parts[2]) else { return nil }
        (self.x, self.y, self.z) = (x, y, z)
    }

    var description: String { "\(x) \(y) \(z)" }
    static var defaultValueDescription: String { "x y z" }
}
