/// Something odd but decodable about a chunk; decoding goes on and the caller may report it.
public enum ChunkWarning: Sendable, Equatable, CustomStringConvertible {
    /// Written by a game newer than `DataVersion.latestKnown`; decoded with the newest layout.
    case newerThanKnown(DataVersion)
    /// Numeric ids absent from the legacy table (`count` blocks): mapped to the id's data-0 block
    /// or to `minecraft:legacy_<id>_<data>`.
    case unknownLegacyBlocks(id: Int, data: Int, count: Int)

    public var description: String {
        switch self {
        case .newerThanKnown(let dv):
            return "DataVersion \(dv) is newer than the newest known (\(DataVersion.latestKnown)); decoded as the newest layout"
        case .unknownLegacyBlocks(let id, let data, let count):
            return "\(count) blocks of numeric id \(id):\(data) are not in the legacy table; mapped to the nearest known block"
        }
    }
}
