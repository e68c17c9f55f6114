import Anvil
import Foundation

/// A schematic of stone pillars on a plank floor, the training input of the CLI tests.
enum PillarsSchematic {
    /// Writes one of `size` (X, Y, Z) as `name` into `dir` and returns its URL.
    static func write(_ size: (Int, Int, Int), in dir: URL, name: String = "pillars.schem") throws -> URL {
        let palette = [BlockState("minecraft:air"), BlockState("minecraft:stone"), BlockState("minecraft:oak_planks")]
        var indices: [UInt32] = []
        for x in 0..<size.0 { for y in 0..<size.1 { for z in 0..<size.2 {
            indices.append(y == 0 ? 2 : (x % 4 == 1 && z % 4 == 1) ? 1 : 0)
        } } }
        let url = dir.appendingPathComponent(name)
        try SchematicFile.write(BlockVolume(size: size, palette: palette, indices: indices), to: url, dataVersion: 4671)
        return url
    }
}
