import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

final class DataPackTests: XCTestCase {
    func testPackFormatFollowsTheWikiTableForThreeDataVersions() {
        XCTAssertEqual(DataPack.packFormat(dataVersion: 2586)?.format, 6)    // 1.16.5
        XCTAssertEqual(DataPack.packFormat(dataVersion: 3955)?.format, 48)   // 1.21.1
        XCTAssertEqual(DataPack.packFormat(dataVersion: 4671)?.format, 94)   // 1.21.11
        XCTAssertNil(DataPack.packFormat(dataVersion: 1343))                 // 1.12.2 has no data pack structures
    }

    func testStructuresGoToTheSingularFolderFrom1_21AndThePluralOneBefore() throws {
        var v = BlockVolume(size: (2, 2, 2), fill: .air)
        v[1, 1, 1] = BlockState("minecraft:stone")
        for (dv, folder, format) in [(3955, "structure", 48), (2586, "structures", 6)] {
            let dir = try Fixtures.temporaryDirectory(self)
            let written = try DataPack.write([("ruins_0", v)], to: dir, dataVersion: dv)
            XCTAssertEqual(written.files.map(\.path), [dir.appendingPathComponent("data/worldgan/\(folder)/ruins_0.nbt").path])
            let (back, info) = try SchematicFile.read(written.files[0])
            XCTAssertEqual(info.format, .structure)
            XCTAssertEqual(back, v)
            let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("pack.mcmeta"))) as? [String: [String: Any]]
            XCTAssertEqual(meta?["pack"]?["pack_format"] as? Int, format)
        }
    }
}
