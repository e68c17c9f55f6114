import Foundation

/// A documented command line made runnable in a copy of ``ExampleFixture``.
///
/// Placeholders are filled from the fixture (`<world>` → its world with content at negative x and z,
/// `--from X Y Z`/`--to X Y Z` → a box there, `--at X Y Z` → a negative position). Commands that
/// train or measure get tiny budgets appended (later options win in swift-argument-parser), so that
/// the whole target stays within a couple of minutes: that is the only change to what users type.
struct RunnableExample {
    let documented: String
    /// The shell line to run.
    let line: String
    /// Paths the example creates (its `-o`, a `sample-world` folder…): removed from the sandbox first,
    /// since a user running it would not have them yet.
    let outputs: [String]
    /// The run folder of `train --resume`, which must be an interrupted run.
    let resumes: String?

    /// Unfilled placeholders (`<…>`, `X Y Z`), reported as a failure: a new placeholder needs a value.
    var unfilled: [String] {
        let patterns = [#"<[^>]*>"#, #"\bX Y Z\b"#, #"\bS[XYZ]\b"#, #"\bNAME\b"#]
        return patterns.flatMap { p in
            line.ranges(of: try! Regex(p)).map { String(line[$0]) }
        }
    }

    /// Whether it reads `../shared` (the real-world fixtures beside the checkout).
    var needsShared: Bool { line.contains("../shared") }

    private static let placeholders: [(String, String)] = [
        ("--from X Y Z", "--from \(ExampleFixture.from)"),
        ("--to X Y Z", "--to \(ExampleFixture.to)"),
        ("--at X Y Z", "--at \(ExampleFixture.at)"),
        ("<world>", ExampleFixture.world),
        ("<file.schem>", "ruins.schem"),
        ("<dir>", "new-world"),
        ("NAME", "ruins"),
    ]

    /// Budgets by command: the fewest iterations, epochs and repetitions that still run the code.
    private static let budgets: [String: String] = [
        "train": ExampleFixture.tinyTraining,
        "embed": "--epochs 1 -q",
        "bench extract": "--repeats 1",
        "bench block2vec": "--epochs 1 --warmup 0",
        "bench conv": "--repetitions 1 --warmup 0",
        // The documented 51×10×64 volume with nfc 64 takes half a minute per iteration in a debug build.
        "bench train-step": "--iterations 1 --warmup 0 --nfc 8 --size 12 8 12",
        "bench train": "--iterations 2 --nfc 4 --scale-factors 0.5,1 --epochs 1",
    ]

    init(_ documented: String) {
        self.documented = documented
        // The shell would drop a trailing `# comment` anyway; cut it so that budgets come before it.
        var line = documented.range(of: " #").map { String(documented[..<$0.lowerBound]) } ?? documented
        line = line.trimmingCharacters(in: .whitespaces)
        for (placeholder, value) in Self.placeholders { line = line.replacingOccurrences(of: placeholder, with: value) }
        let words = line.split(separator: " ").map(String.init)
        let command = words.count > 2 && words[1] == "bench" ? "bench \(words[2])" : (words.count > 1 ? words[1] : "")
        if let budget = Self.budgets[command] { line += " " + budget }
        self.line = line
        var outputs: [String] = []
        for (i, word) in words.enumerated().dropFirst() where ["-o", "--output", "--new-world", "--schematic"].contains(word) && i + 1 < words.count {
            outputs.append(words[i + 1])
        }
        if command == "sample-world", let folder = words.dropFirst(2).first(where: { !$0.hasPrefix("-") }), !outputs.contains(folder) {
            outputs.append(folder)
        }
        self.outputs = outputs
        resumes = words.firstIndex(of: "--resume").flatMap { $0 + 1 < words.count ? words[$0 + 1] : nil }
    }

    /// A path of the example inside `sandbox` (`~` is `sandbox/home`).
    static func path(_ word: String, in sandbox: URL) -> URL {
        word.hasPrefix("~/") ? sandbox.appendingPathComponent("home/" + word.dropFirst(2)) : sandbox.appendingPathComponent(word)
    }
}
