/// What to do with a block state the target version has no equivalent for.
public enum MissingBlockPolicy: Sendable, Equatable {
    /// Stop before anything is written (`VersionTranslationError.noEquivalent`).
    case refuse
    /// Write air in its place; the caller shows the report as a warning.
    case writeAir
}
