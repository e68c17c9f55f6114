import Anvil
import ArgumentParser
import Foundation
import NBT
import SampleWorld

/// Where the sample ruin sits in the sample world, and how the world around it is made.
///
/// The world is a 1.21.11 superflat meadow (bedrock y −64, dirt −63…−62, grass −61). A square of
/// chunks around the ruin is written by worldgan itself (the rest the game generates from the
/// same flat layers), all inside region file r.0.0. The ruin's volume y 0 (dirt) sits at world
/// y −62, so its grass layer continues the meadow's, and it spans x 48…95, y −62…−47, z 48…95.
enum SampleWorldLayout {
    /// Minecraft 1.21.11.
    static let dataVersion = 4671
    static let ruinOrigin = VoxelPosition(48, -62, 48)
    /// The meadow written around the ruin: 9×9 chunks (x, z 0…143).
    static let meadowOrigin = VoxelPosition(0, -64, 0)
    static let meadowSize = (144, 18, 144)
    /// The box `make demo` extracts for training: the ruin plus the dirt layer below it.
    static let trainingBox = (from: VoxelPosition(48, -63, 48), to: VoxelPosition(95, -47, 95))

    static func write(ruin: BlockVolume, to folder: URL, force: Bool) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            guard force else { throw ValidationError("\(folder.path) exists; pass --force to replace it") }
            try fm.removeItem(at: folder)
        }
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let level = LevelDat.newWorld(name: "worldgan sample: ruined keep", spawn: (72, -60, 40))
        try NBTFile.write(level, to: folder.appendingPathComponent("level.dat"), compression: .gzip)
        let world = try World(at: folder)
        _ = try WorldPaster(world: world).paste(meadow(with: ruin), at: meadowOrigin)
        print("wrote the sample world to \(folder.path): the ruin spans x 48…95, y −62…−47, z 48…95; spawn 72 −60 40")
    }

    /// Flat layers with the ruin set into them.
    static func meadow(with ruin: BlockVolume) -> BlockVolume {
        var v = BlockVolume(size: meadowSize, fill: .air)
        let layers = [BlockState("minecraft:bedrock"), BlockState("minecraft:dirt"), BlockState("minecraft:dirt"),
                      BlockState("minecraft:grass_block", ["snowy": "false"])]
        for x in 0..<v.sizeX { for z in 0..<v.sizeZ { for (y, s) in layers.enumerated() { v[x, y, z] = s } } }
        let dx = ruinOrigin.x - meadowOrigin.x, dy = ruinOrigin.y - meadowOrigin.y, dz = ruinOrigin.z - meadowOrigin.z
        for x in 0..<ruin.sizeX { for y in 0..<ruin.sizeY { for z in 0..<ruin.sizeZ {
            v[dx + x, dy + y, dz + z] = ruin[x, y, z]
        } } }
        for (p, be) in ruin.blockEntities { v.blockEntities[VoxelPosition(p.x + dx, p.y + dy, p.z + dz)] = be }
        return v
    }
}
