/// Why blocks could not be written for their target version.
public enum VersionTranslationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Some states have no equivalent in the target version (the report names them with counts).
    case noEquivalent(VersionReport)

    public var description: String {
        switch self {
        case .noEquivalent(let report):
            return (report.missingSummary ?? "some blocks have no equivalent in the target version")
                + "; nothing was written. Pass --allow-missing to write them as air, or write for a newer version"
        }
    }
}
