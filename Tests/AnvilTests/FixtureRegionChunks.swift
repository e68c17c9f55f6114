import Anvil
import Foundation
import NBT

/// The chunks of a real fixture, parsed through the product's own readers: every present chunk of a
/// region file (`.mca`), or the single chunk of an NBT file (fastnbt's `.chunk`/`.nbt`).
enum FixtureRegionChunks {
    /// Root compounds in header order.
    /// - Throws: the first chunk's error: real fixtures (other than the corruption suite) must read whole.
    static func roots(of url: URL) throws -> [Compound] {
        guard url.pathExtension == "mca" else { return [try NBTFile.read(contentsOf: url).document.root] }
        let region = try RegionFile(contentsOf: url)
        return try region.readAllChunks().map { try $0.result.get().nbt().root }
    }
}
