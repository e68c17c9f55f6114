/// The release names of the DataVersions a new world is likely to target, for `Data.Version.Name`
/// (shown in the client's world list; the game rewrites it on save), and of the older releases
/// whose blocks `VersionReport` names (1.13 to 1.17.1; no new world is written for those).
///
/// Values from the Minecraft Wiki's "Data version" table; the 26.1 snapshot from the
/// mcaselector fixture's level.dat.
///
/// ```swift
/// MinecraftVersionName.name(forDataVersion: 4671)   // "1.21.11"
/// MinecraftVersionName.name(forDataVersion: 9999)   // "DataVersion 9999"
/// ```
public enum MinecraftVersionName {
    /// Known (DataVersion, name) pairs, ascending.
    public static let known: [(dataVersion: Int, name: String)] = [
        (1519, "1.13"), (1628, "1.13.1"), (1631, "1.13.2"), (1952, "1.14"), (1957, "1.14.1"), (1963, "1.14.2"),
        (1968, "1.14.3"), (1976, "1.14.4"), (2225, "1.15"), (2227, "1.15.1"), (2230, "1.15.2"), (2566, "1.16"),
        (2567, "1.16.1"), (2578, "1.16.2"), (2580, "1.16.3"), (2584, "1.16.4"), (2586, "1.16.5"), (2724, "1.17"),
        (2730, "1.17.1"),
        (2860, "1.18"), (2865, "1.18.1"), (2975, "1.18.2"), (3105, "1.19"), (3117, "1.19.1"),
        (3120, "1.19.2"), (3218, "1.19.3"), (3337, "1.19.4"), (3463, "1.20"), (3465, "1.20.1"),
        (3578, "1.20.2"), (3698, "1.20.3"), (3700, "1.20.4"), (3837, "1.20.5"), (3839, "1.20.6"),
        (3953, "1.21"), (3955, "1.21.1"), (4080, "1.21.2"), (4082, "1.21.3"), (4189, "1.21.4"),
        (4325, "1.21.5"), (4435, "1.21.6"), (4438, "1.21.7"), (4440, "1.21.8"), (4554, "1.21.9"),
        (4556, "1.21.10"), (4671, "1.21.11"), (4774, "26.1 Snapshot 6"),
    ]

    /// The name for `dataVersion`, or `"DataVersion N"` when it is not in `known`.
    public static func name(forDataVersion dataVersion: Int) -> String {
        known.first { $0.dataVersion == dataVersion }?.name ?? "DataVersion \(dataVersion)"
    }

    /// The DataVersion of a release name ("1.21.11"), or `nil` when it is not in `known`.
    public static func dataVersion(named name: String) -> Int? {
        known.first { $0.name == name }?.dataVersion
    }

    /// Whether `name` is a development version (snapshot, pre-release, release candidate):
    /// `Version.Snapshot` is 1 for those.
    public static func isSnapshot(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("snapshot") || lower.contains("-pre") || lower.contains("-rc")
            || lower.contains(" pre-release") || lower.contains(" release candidate")
            || lower.range(of: #"^\d\dw\d\d[a-z]$"#, options: .regularExpression) != nil
    }
}
