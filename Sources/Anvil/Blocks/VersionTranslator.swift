/// Translates block states from one DataVersion to another through `BlockVersionTable`,
/// remembering each state's answer and counting voxels into a `VersionReport`.
///
/// ```swift
/// var translator = VersionTranslator(from: DataVersion(2586), to: .v1_21, table: try .bundled())
/// let upgraded = translator.translate(volume)   // grass → short_grass; no equivalent → air
/// translator.report.missing                     // what became air, by block name
/// ```
public struct VersionTranslator: Sendable {
    public let table: BlockVersionTable
    public private(set) var report: VersionReport
    private var cache: [BlockState: BlockState?] = [:]

    public init(from source: DataVersion, to target: DataVersion, table: BlockVersionTable) {
        self.table = table
        report = VersionReport(source: source, target: target)
    }

    /// True when source and target are the same version (every state stays as it is).
    public var isIdentity: Bool { report.source == report.target }

    /// `state` as the target names it, `nil` when it has no equivalent there; counts `voxels`.
    public mutating func translate(_ state: BlockState, voxels: Int = 1) -> BlockState? {
        let result: BlockState?
        if let known = cache[state] {
            result = known
        } else {
            result = table.translate(state, from: report.source, to: report.target)
            cache[state] = result
        }
        report.count(state, becoming: result, voxels: voxels)
        return result
    }

    /// The volume with every state translated; states without equivalent become air and lose
    /// their block entity (the report lists them).
    /// - Complexity: O(voxels) to count, O(palette) translations.
    public mutating func translate(_ volume: BlockVolume) -> BlockVolume {
        guard !isIdentity else { return volume }
        var voxels = [Int](repeating: 0, count: volume.palette.count)
        for i in volume.indices { voxels[Int(i)] += 1 }
        var palette: [BlockState] = []
        var lost = Set<Int>()
        for (i, state) in volume.palette.enumerated() {
            if let translated = translate(state, voxels: voxels[i]) { palette.append(translated) } else {
                palette.append(.air)
                lost.insert(i)
            }
        }
        let entities = volume.blockEntities.filter { !lost.contains(Int(volume.indices[volume.offset($0.key.x, $0.key.y, $0.key.z)])) }
        return BlockVolume(size: volume.size, palette: palette, indices: volume.indices, blockEntities: entities).compacted()
    }
}
