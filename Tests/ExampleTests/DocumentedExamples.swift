import Foundation

/// The `worldgan …` command lines the documentation shows: README.md and every command's `--help`.
enum DocumentedExamples {
    /// Command lines in README.md: every line of a fenced block that starts with `worldgan `, and
    /// every inline code span that is a whole command line (`worldgan <command> <argument…>`).
    /// Inline synopses with alternatives or optional parts (`[--backup]`, `a\|b`, `<a.schem …>`)
    /// are not command lines; they are returned in `synopses` so that the test can list them.
    static func readme(_ markdown: String) -> (commandLines: [String], synopses: [String]) {
        var lines: [String] = [], synopses: [String] = []
        var inFence = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("```") { inFence.toggle(); continue }
            if inFence {
                if line.hasPrefix("worldgan ") { lines.append(line) }
                continue
            }
            for span in inlineCode(in: line) where span.hasPrefix("worldgan ") {
                let words = span.split(separator: " ")
                guard words.count >= 3 else { continue }   // `worldgan train` names a command, it is no command line
                if span.contains("[") || span.contains("|") || span.contains("…") { synopses.append(span) } else { lines.append(span) }
            }
        }
        return (lines, synopses)
    }

    /// Command lines in one `--help` text (its examples): lines starting with `worldgan `.
    static func help(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("worldgan ") }
    }

    /// The subcommand names a `--help` text lists under SUBCOMMANDS.
    static func subcommands(inHelp text: String) -> [String] {
        var names: [String] = []
        var inSection = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("SUBCOMMANDS:") { inSection = true; continue }
            guard inSection else { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { break }
            // `  name      abstract`; deeper indents continue a wrapped abstract, `See '…'` ends it.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first,
                  name != "See" else { continue }
            names.append(String(name))
        }
        return names
    }

    /// The contents of the `code` spans of one Markdown line.
    private static func inlineCode(in line: String) -> [String] {
        let parts = line.components(separatedBy: "`")
        return stride(from: 1, to: parts.count - 1, by: 2).map { parts[$0].replacingOccurrences(of: "\\|", with: "|") }
    }
}
