import Anvil
import ArgumentParser
import Foundation

/// `--allow-missing`, and how commands name blocks for a Minecraft version other than their source's:
/// renamed and split states are translated (`BlockVersionTable`), each report is printed once, and
/// states the target lacks are refused unless the flag asks for air.
struct BlockVersionOptions: ParsableArguments {
    @Flag(help: "Write blocks the target Minecraft version has no equivalent for as air (with a warning) instead of refusing.")
    var allowMissing = false

    /// The DataVersion whose names a schematic's blocks carry: its own, 1.13's for an MCEdit file
    /// (read through the flattening table), `nil` when it names none: nothing is translated then,
    /// and a note on stderr says so.
    static func source(of info: SchematicInfo, file: String) -> DataVersion? {
        if let dv = info.dataVersion { return DataVersion(dv) }
        if info.format == .mcedit { return .v1_13 }
        FileHandle.standardError.write(Data("note: \(file) names no DataVersion; its block names are written as they are\n".utf8))
        return nil
    }

    /// The translation from `source`, with this command's policy; `nil` when `source` is.
    /// - Throws: `BlockVersionTable.LoadError` when the bundled table is damaged (a build fault).
    func translation(from source: DataVersion?) throws -> VersionTranslation? {
        guard let source else { return nil }
        return VersionTranslation(source: source, table: try BlockVersionTable.bundled(), missing: allowMissing ? .writeAir : .refuse)
    }

    /// `volumes` named for `target`: translated, checked against the policy, the report printed once.
    /// - Throws: `VersionTranslationError.noEquivalent` when states are missing and not allowed.
    static func translate(_ volumes: [BlockVolume], with translation: VersionTranslation?, to target: DataVersion,
                          quiet: Bool = false) throws -> [BlockVolume] {
        guard let translation, translation.source != target else { return volumes }
        var translator = translation.translator(to: target)
        let translated = volumes.map { translator.translate($0) }
        try translation.check([translator.report])
        announce([translator.report], quiet: quiet)
        return translated
    }

    /// Prints each report's renames as one line on stdout and its states without equivalent
    /// (written as air) as a warning on stderr.
    static func announce(_ reports: [VersionReport], quiet: Bool = false) {
        for report in reports {
            if let summary = report.summary, !quiet { print(summary) }
            if let missing = report.missingSummary {
                FileHandle.standardError.write(Data("warning: \(missing); written as air (--allow-missing)\n".utf8))
            }
        }
    }
}
