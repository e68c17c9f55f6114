import ArgumentParser

/// The triple-valued options of each command, read from the commands' own declarations.
///
/// Every `@Option` whose value is ``TripleValued`` counts, in the command itself and in its
/// `@OptionGroup`s: adding `@Option var size: IntTriple` to a command is all it takes for
/// `--size -1 2 3` to work there. Names are the default long names swift-argument-parser derives
/// from the property (`minCorner` → `--min-corner`), so triple options must not rename themselves.
enum TripleOptions {
    /// `"--name"` → kind, for `command` and its option groups.
    static func declared(in command: ParsableArguments.Type) -> [String: TripleKind] {
        var found: [String: TripleKind] = [:]
        // swift-argument-parser reads declarations the same way: a default instance holds the
        // property wrappers' definitions, and Mirror shows them under `_name`.
        for child in Mirror(reflecting: command.init()).children {
            guard let label = child.label else { continue }
            if let option = child.value as? any TripleOptionDeclaration {
                found["--" + longName(label)] = type(of: option).tripleKind
            } else if let group = child.value as? any ArgumentGroupDeclaration {
                found.merge(declared(in: type(of: group).groupType)) { own, _ in own }
            }
        }
        return found
    }

    /// The command that `arguments` invoke below `root` (subcommand names followed from the
    /// start), and how many leading words named it.
    static func command(invokedBy arguments: [String], root: ParsableCommand.Type) -> (command: ParsableCommand.Type, nameWords: Int) {
        var command = root
        var used = 0
        while used < arguments.count,
              let sub = command.configuration.subcommands.first(where: { name(of: $0) == arguments[used] }) {
            command = sub
            used += 1
        }
        return (command, used)
    }

    private static func name(of command: ParsableCommand.Type) -> String {
        command.configuration.commandName ?? String(describing: command).lowercased()
    }

    /// `_minCorner` → `min-corner`, as swift-argument-parser's default `.long` name.
    static func longName(_ label: String) -> String {
        var out = ""
        for c in label.drop(while: { $0 == "_" }) {
            if c.isUppercase {
                if !out.isEmpty { out.append("-") }
                out.append(contentsOf: c.lowercased())
            } else {
                out.append(c)
            }
        }
        return out
    }
}

/// An `@Option` declaration whose value is three numbers.
protocol TripleOptionDeclaration {
    static var tripleKind: TripleKind { get }
}

extension Option: TripleOptionDeclaration where Value: TripleValued {
    static var tripleKind: TripleKind { Value.tripleKind }
}

/// An `@OptionGroup` declaration, looked into for triple options.
protocol ArgumentGroupDeclaration {
    static var groupType: ParsableArguments.Type { get }
}

extension OptionGroup: ArgumentGroupDeclaration {
    static var groupType: ParsableArguments.Type { Value.self }
}
