/// Blocks named as in `source`, to be written for other versions: the table that translates them
/// and what happens to a state the target has no equivalent for.
///
/// ```swift
/// let translation = VersionTranslation(source: DataVersion(2586), table: try .bundled(), missing: .refuse)
/// var paster = WorldPaster(world: world)
/// paster.translation = translation   // each chunk's blocks are named as the chunk's version has them
/// ```
public struct VersionTranslation: Sendable {
    /// The DataVersion whose names the blocks carry.
    public var source: DataVersion
    public var table: BlockVersionTable
    public var missing: MissingBlockPolicy

    public init(source: DataVersion, table: BlockVersionTable, missing: MissingBlockPolicy) {
        self.source = source
        self.table = table
        self.missing = missing
    }

    /// A translator from `source` to `target`.
    public func translator(to target: DataVersion) -> VersionTranslator {
        VersionTranslator(from: source, to: target, table: table)
    }

    /// Throws when a report lists states without equivalent and the policy refuses them.
    /// - Throws: `VersionTranslationError.noEquivalent` with the first such report.
    public func check(_ reports: [VersionReport]) throws(VersionTranslationError) {
        guard missing == .refuse, let refused = reports.first(where: { !$0.missing.isEmpty }) else { return }
        throw .noEquivalent(refused)
    }
}
