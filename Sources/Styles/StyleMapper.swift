import Anvil

/// Applies a style to decoded volumes: each block state an entry covers becomes its target, with
/// properties carried over by `BlockPropertyTable.carryOver(from:to:)`; other states stay.
///
/// Block entities follow their block: kept when the block stays the same kind (a chest that stays
/// a chest keeps its items, whatever its facing), dropped when it changes kind (a chest that
/// becomes sandstone has no items) or becomes air.
///
/// ```swift
/// let mapper = try StyleMapper(style: Style.load(named: "desert"))
/// let styled = try mapper.apply(to: generated)
/// styled.volume            // the desert version
/// styled.report.notCovered // states the style left alone
/// ```
public struct StyleMapper: Sendable {
    public let style: Style
    public let table: BlockPropertyTable
    /// Target block names the table does not know (modded, misspelt, or from a newer version),
    /// sorted: they are placed as written, with only their explicit properties; worth a warning.
    public let unknownTargets: [String]

    /// A mapper for `style` with the given property table.
    /// - Throws: `StyleError.badEntry` with `.unknownTargetProperty` or `.invalidTargetValue` when
    ///   an entry writes a property its (known) target block lacks or a value it does not allow.
    public init(style: Style, table: BlockPropertyTable) throws(StyleError) {
        var unknown = Set<String>()
        for rule in style.rules where !rule.removesBlock {
            guard let properties = table.properties(of: rule.target.name) else {
                unknown.insert(rule.target.name)
                continue
            }
            for (key, value) in rule.target.properties {
                func bad(_ problem: StyleError.EntryProblem) -> StyleError {
                    .badEntry(file: style.origin, source: rule.source.token, target: rule.target.token, problem: problem)
                }
                guard let allowed = properties[key] else {
                    throw bad(.unknownTargetProperty(property: key, known: properties.keys.sorted()))
                }
                guard allowed.contains(value) else {
                    throw bad(.invalidTargetValue(property: key, value: value, allowed: allowed))
                }
            }
        }
        self.style = style
        self.table = table
        self.unknownTargets = unknown.sorted()
    }

    /// A mapper for `style` with the bundled property table.
    /// - Throws: as `init(style:table:)`, or the bundled table's load error.
    public init(style: Style) throws(StyleError) {
        try self.init(style: style, table: BlockPropertyTable.bundled())
    }

    /// The state `state` becomes, or `nil` when the style does not cover it.
    public func restyle(_ state: BlockState) -> BlockState? {
        style.rule(for: state).map { table.carryOver(from: state, to: $0.target) }
    }

    /// `volume` with the style applied, and the report.
    /// - Throws: `StyleError.paletteIndexOutOfRange` for a voxel past the palette (a corrupt volume).
    /// - Complexity: O(voxels + palette · entries per block name + block entities).
    public func apply(to volume: BlockVolume) throws(StyleError) -> StyledVolume {
        let counts = try Self.voxelCounts(volume)
        let targets = volume.palette.map { restyle($0) }
        let newPalette = zip(volume.palette, targets).map { $1 ?? $0 }

        var kept = volume.blockEntities
        var dropped: [VoxelPosition] = []
        for position in volume.blockEntities.keys where volume.contains(position.x, position.y, position.z) {
            let entry = Int(volume.indices[volume.offset(position.x, position.y, position.z)])
            if newPalette[entry].name != volume.palette[entry].name {
                kept[position] = nil
                dropped.append(position)
            }
        }
        dropped.sort { ($0.x, $0.y, $0.z) < ($1.x, $1.y, $1.z) }

        let restyled = BlockVolume(size: volume.size, palette: newPalette, indices: volume.indices,
                                   blockEntities: kept).compacted()
        let report = Self.report(palette: volume.palette, targets: targets, counts: counts, dropped: dropped)
        return StyledVolume(volume: restyled, report: report)
    }

    /// Voxels per palette entry, checking every index against the palette.
    private static func voxelCounts(_ volume: BlockVolume) throws(StyleError) -> [Int] {
        var counts = [Int](repeating: 0, count: volume.palette.count)
        for (voxel, index) in volume.indices.enumerated() {
            guard Int(index) < counts.count else {
                throw .paletteIndexOutOfRange(voxel: voxel, index: Int(index), paletteCount: counts.count)
            }
            counts[Int(index)] += 1
        }
        return counts
    }

    /// The report over the palette entries that occur (duplicate entries of one state summed).
    private static func report(palette: [BlockState], targets: [BlockState?], counts: [Int],
                               dropped: [VoxelPosition]) -> StyleReport {
        var covered: [BlockState: (target: BlockState, voxels: Int)] = [:]
        var uncovered: [BlockState: Int] = [:]
        for (entry, state) in palette.enumerated() where counts[entry] > 0 {
            if let target = targets[entry] {
                covered[state, default: (target, 0)].voxels += counts[entry]
            } else if !state.isAir {
                uncovered[state, default: 0] += counts[entry]
            }
        }
        let sourcesByTarget = Dictionary(grouping: covered.keys, by: { covered[$0]?.target ?? $0 })
        return StyleReport(
            changes: covered.map { StyleReport.Change(source: $0.key, target: $0.value.target, voxels: $0.value.voxels) }
                .sorted { $0.source < $1.source },
            notCovered: uncovered.map { StyleReport.Uncovered(state: $0.key, voxels: $0.value) }
                .sorted { $0.state < $1.state },
            mergedTargets: sourcesByTarget.filter { $0.value.count > 1 }.mapValues { $0.sorted() },
            droppedBlockEntities: dropped)
    }
}
