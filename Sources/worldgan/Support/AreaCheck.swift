import Anvil
import Foundation

/// `worldgan info --check W --area …`: which region files of an area job are complete, after
/// shards or interrupted runs (see ``AreaLedger``).
enum AreaCheck {
    /// Regions of an area that no job recorded as complete (a runtime error, exit status 1).
    struct Incomplete: Error, CustomStringConvertible {
        var world: String, area: AreaRectangle, missing: Int, total: Int
        var description: String {
            "\(world): \(missing) of \(total) region(s) of area \(area) are not complete; run the missing shards "
                + "(or `worldgan generate … --area \(area) --resume`) again"
        }
    }

    /// Prints every region of `area` with its state; throws ``Incomplete`` when one is missing.
    static func report(world path: String, area: AreaRectangle) throws {
        let world = try WorldOpening.open(path)
        let ledgers = AreaLedger.ledgers(in: world.folder, area: area)
        var missing = 0
        let regions = area.regions
        for region in regions {
            let url = world.regionURL(x: region.x, z: region.z, in: .overworld)
            let done = FileManager.default.fileExists(atPath: url.path) && ledgers.contains { $0.isComplete(x: region.x, z: region.z) }
            if !done { missing += 1 }
            print("\(done ? "complete" : "missing ") r.\(region.x).\(region.z).mca  x \(region.part.minX)…\(region.part.maxX)  z \(region.part.minZ)…\(region.part.maxZ)")
        }
        print("area \(area): \(regions.count - missing) of \(regions.count) region(s) complete"
              + (ledgers.isEmpty ? " (no generate --area job recorded for this area)" : ""))
        if missing > 0 { throw Incomplete(world: path, area: area, missing: missing, total: regions.count) }
    }
}
