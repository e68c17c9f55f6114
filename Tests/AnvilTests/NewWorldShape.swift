import NBT
import XCTest

/// Compares the shape (keys and tag types, recursively) of an NBT compound we write with one the
/// game wrote, for the new-world tests.
///
/// Paths are dotted (`Data.DragonFight.Gateways`). `omitted` paths are per-save state we leave to
/// the game; `openMaps` are compounds whose keys are a registry (game rules): every key we write
/// must exist in the fixture with the same type, but we need not write them all.
struct NewWorldShape {
    var omitted: Set<String> = []
    var openMaps: Set<String> = []
    /// Compounds compared only by their `type` entry (e.g. a noise overworld against our flat one).
    var typeOnly: Set<String> = []

    /// Problems, one line each: keys of `fixture` we lack or write with another type, and keys we
    /// write that `fixture` does not have.
    func differences(made: Compound, fixture: Compound, path: String) -> [String] {
        if typeOnly.contains(path) {
            return compareEntry("type", made: made, fixture: fixture, path: path)
        }
        var problems: [String] = []
        let open = openMaps.contains(path)
        if !open {
            for key in fixture.keys where !omitted.contains("\(path).\(key)") && made[key] == nil {
                problems.append("\(path).\(key): missing (fixture has \(fixture[key]?.type.description ?? "?"))")
            }
        }
        for key in made.keys {
            if fixture[key] == nil {
                problems.append("\(path).\(key): written but unknown to the fixture")
            } else {
                problems += compareEntry(key, made: made, fixture: fixture, path: path)
            }
        }
        return problems
    }

    private func compareEntry(_ key: String, made: Compound, fixture: Compound, path: String) -> [String] {
        let here = "\(path).\(key)"
        guard let mine = made[key], let theirs = fixture[key] else {
            return made[key] == nil ? ["\(here): missing"] : []
        }
        guard mine.type == theirs.type else {
            return ["\(here): written as \(mine.type), fixture has \(theirs.type)"]
        }
        switch (mine, theirs) {
        case let (.compound(a), .compound(b)):
            return differences(made: a, fixture: b, path: here)
        case let (.list(_, a), .list(_, b)):
            // Lists of compounds: each of ours must have the shape of the fixture's first element.
            guard let first = b.first?.compound else { return [] }
            return a.enumerated().flatMap { index, element -> [String] in
                guard let compound = element.compound else { return ["\(here)[\(index)]: not a compound"] }
                return differences(made: compound, fixture: first, path: "\(here)[\(index)]")
            }
        default:
            return []
        }
    }
}
