/// What translating blocks from one DataVersion to another did: which blocks changed name or
/// properties and how many voxels each concerned, and which have no equivalent in the target.
///
/// ```swift
/// var translator = VersionTranslator(from: DataVersion(2586), to: .v1_21, table: try .bundled())
/// _ = translator.translate(BlockState("minecraft:grass"), voxels: 312)
/// translator.report.summary
///     // "translated 1.16.5 → 1.21: minecraft:grass → minecraft:short_grass (312 voxels)"
/// ```
public struct VersionReport: Sendable, Equatable {
    /// A block name before and after translation (equal when only properties changed).
    public struct Rename: Hashable, Sendable {
        public let from: String
        public let to: String
        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    public let source: DataVersion
    public let target: DataVersion
    /// Voxels per rename, counting every state of the block that changed.
    public private(set) var renamed: [Rename: Int] = [:]
    /// Voxels per block name that `target` has no equivalent for.
    public private(set) var missing: [String: Int] = [:]

    public init(source: DataVersion, target: DataVersion) {
        self.source = source
        self.target = target
    }

    /// True when nothing changed and nothing was missing.
    public var isEmpty: Bool { renamed.isEmpty && missing.isEmpty }

    mutating func count(_ state: BlockState, becoming result: BlockState?, voxels: Int) {
        guard let result else { missing[state.name, default: 0] += voxels; return }
        if result != state { renamed[Rename(from: state.name, to: result.name), default: 0] += voxels }
    }

    /// The renames as one line, most voxels first; `nil` when there were none.
    public var summary: String? {
        guard !renamed.isEmpty else { return nil }
        let items = renamed.sorted { ($0.value, $1.key.from) > ($1.value, $0.key.from) }.map { rename, voxels in
            rename.from == rename.to ? "\(rename.from): properties (\(Self.voxels(voxels)))"
                                     : "\(rename.from) → \(rename.to) (\(Self.voxels(voxels)))"
        }
        return "translated \(Self.versionName(source)) → \(Self.versionName(target)): " + Self.list(items)
    }

    /// The blocks without equivalent as one line, most voxels first; `nil` when there were none.
    public var missingSummary: String? {
        guard !missing.isEmpty else { return nil }
        let items = missing.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\(Self.voxels($0.value)))" }
        return "\(missing.count) block(s) from \(Self.versionName(source)) have no equivalent in \(Self.versionName(target)): "
            + Self.list(items)
    }

    /// `1.21` for a known release, else `DataVersion N`.
    static func versionName(_ version: DataVersion) -> String {
        MinecraftVersionName.name(forDataVersion: version.rawValue)
    }

    private static func voxels(_ n: Int) -> String { n == 1 ? "1 voxel" : "\(n) voxels" }

    private static func list(_ items: [String], limit: Int = 12) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? " and \(items.count - limit) more" : "")
    }
}
