import Foundation
import NBT

/// A data pack holding structure templates, so that `/place template <namespace>:<name> ~ ~ ~`
/// places them in game: `pack.mcmeta` plus `data/<namespace>/structure/<name>.nbt`
/// (`structures/` before 1.21, pack format 45).
///
/// ```swift
/// try DataPack.write([("ruins_0", volume)], to: URL(fileURLWithPath: "worldgan-pack"), dataVersion: 4671)
/// ```
public enum DataPack {
    /// The data pack format of each release (first DataVersion, format, minor): the Minecraft wiki's
    /// "Pack format" page, list of data pack formats (release rows), with the DataVersion of the first
    /// release of each row. From 1.21.9 (format 88) pack.mcmeta also carries `min_format`/`max_format`.
    static let formats: [(dataVersion: Int, format: Int, minor: Int)] = [
        (1519, 4, 0),    // 1.13 – 1.14.4
        (2225, 5, 0),    // 1.15 – 1.16.1
        (2578, 6, 0),    // 1.16.2 – 1.16.5
        (2724, 7, 0),    // 1.17 – 1.17.1
        (2860, 8, 0),    // 1.18 – 1.18.1
        (2975, 9, 0),    // 1.18.2
        (3105, 10, 0),   // 1.19 – 1.19.3
        (3337, 12, 0),   // 1.19.4
        (3463, 15, 0),   // 1.20 – 1.20.1
        (3578, 18, 0),   // 1.20.2
        (3698, 26, 0),   // 1.20.3 – 1.20.4
        (3837, 41, 0),   // 1.20.5 – 1.20.6
        (3953, 48, 0),   // 1.21 – 1.21.1
        (4080, 57, 0),   // 1.21.2 – 1.21.3
        (4189, 61, 0),   // 1.21.4
        (4325, 71, 0),   // 1.21.5
        (4435, 80, 0),   // 1.21.6
        (4438, 81, 0),   // 1.21.7 – 1.21.8
        (4554, 88, 0),   // 1.21.9 – 1.21.10
        (4671, 94, 1),   // 1.21.11
    ]

    /// The data pack format for `dataVersion` (the newest row at or below it); `nil` before 1.13.
    public static func packFormat(dataVersion: Int) -> (format: Int, minor: Int)? {
        formats.last { $0.dataVersion <= dataVersion }.map { ($0.format, $0.minor) }
    }

    /// `structure` from pack format 45 (24w21a, 1.21), `structures` before.
    public static func structureFolder(dataVersion: Int) -> String {
        (packFormat(dataVersion: dataVersion)?.format ?? 0) >= 45 ? "structure" : "structures"
    }

    /// The text of `pack.mcmeta` for `dataVersion`.
    public static func mcmeta(dataVersion: Int, description: String) -> String {
        let (format, minor) = packFormat(dataVersion: dataVersion) ?? (4, 0)
        let escaped = description.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        var fields = ["    \"description\": \"\(escaped)\"", "    \"pack_format\": \(format)"]
        if format >= 82 { fields += ["    \"min_format\": [\(format), \(minor)]", "    \"max_format\": [\(format), \(minor)]"] }
        return "{\n  \"pack\": {\n" + fields.joined(separator: ",\n") + "\n  }\n}\n"
    }

    /// Writes the pack into `folder`; returns the structure files and the warnings of their writes.
    /// - Throws: `SchematicFile.Failure` naming the file that could not be written.
    @discardableResult
    public static func write(_ structures: [(name: String, volume: BlockVolume)], to folder: URL, namespace: String = "worldgan",
                             dataVersion: Int, description: String = "worldgan samples") throws(SchematicFile.Failure) -> (files: [URL], warnings: [String]) {
        let dir = folder.appendingPathComponent("data/\(namespace)/\(structureFolder(dataVersion: dataVersion))")
        let meta = folder.appendingPathComponent("pack.mcmeta")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(mcmeta(dataVersion: dataVersion, description: description).utf8).write(to: meta, options: .atomic)
        } catch {
            throw .nbt(path: meta.path, .fileUnwritable(path: meta.path, step: "write", reason: error.localizedDescription))
        }
        var files: [URL] = [], warnings: [String] = []
        for (name, volume) in structures {
            let url = dir.appendingPathComponent("\(name).nbt")
            warnings += try SchematicFile.write(volume, to: url, format: .structure, dataVersion: dataVersion)
            files.append(url)
        }
        return (files, warnings)
    }
}
