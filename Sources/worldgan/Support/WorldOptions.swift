import Anvil
import ArgumentParser
import Foundation

extension WorldDimension: ExpressibleByArgument {}

/// `--from X Y Z --to X Y Z` (inclusive corners, any order).
struct BoxOptions: ParsableArguments {
    @Option(help: "One corner of the box (inclusive), e.g. --from -10 -64 20.")
    var from: IntTriple?

    @Option(help: "The opposite corner (inclusive).")
    var to: IntTriple?

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("give both --from X Y Z and --to X Y Z") }
    }

    /// The box, or `nil` when no corners were given.
    func box() throws -> WorldBox? {
        guard let from, let to else { return nil }
        return try WorldBox(VoxelPosition(from.x, from.y, from.z), VoxelPosition(to.x, to.y, to.z))
    }
}

/// Opening a world folder with one clear error line.
enum WorldOpening {
    static func open(_ path: String) throws -> World {
        try World(at: URL(fileURLWithPath: path))
    }
}
