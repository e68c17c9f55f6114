/// The three vanilla dimensions and where their chunks live in a world folder.
public enum WorldDimension: String, Sendable, CaseIterable, CustomStringConvertible {
    case overworld, nether, end

    /// The region folder relative to the world folder.
    public var regionFolder: String {
        switch self {
        case .overworld: "region"
        case .nether: "DIM-1/region"
        case .end: "DIM1/region"
        }
    }

    public var description: String {
        switch self {
        case .overworld: "overworld"
        case .nether: "nether"
        case .end: "end"
        }
    }
}
