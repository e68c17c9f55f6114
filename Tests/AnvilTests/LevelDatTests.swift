import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

final class LevelDatTests: XCTestCase {
    func testReadsNameVersionAndSpawnOfRealLevelDats() throws {
        let cases: [(String, String, Int, String?)] = [
            ("worlds/real/hellonbt/level.dat", "半圆猪人塔猪灵捕捉交易-36900简单收集", 4671, "1.21.11"),
            ("worlds/real/querz-nbt/nbt7/level.dat", "1.18.1-forceblend", 2865, "1.18.1"),
            ("worlds/real/mcaselector/generator/level.dat", "world", 4774, "26.1 Snapshot 6"),
        ]
        for (path, name, dv, version) in cases {
            let url = try Fixtures.shared(path)
            let level = try LevelDat(NBTFile.read(contentsOf: url).document)
            XCTAssertEqual(level.levelName, name, path)
            XCTAssertEqual(level.dataVersion, dv, path)
            XCTAssertEqual(level.versionName, version, path)
            XCTAssertNotNil(level.spawn, path)
        }
    }

    func testNewWorldLevelDatHasTheFieldsOfA1_21_11LevelDat() throws {
        let real = try NBTFile.read(contentsOf: Fixtures.shared("worlds/real/hellonbt/level.dat")).document
        let made = LevelDat.newWorld(name: "test", spawn: (1, -60, 2))
        let realData = try XCTUnwrap(real.root["Data"]?.compound)
        let madeData = try XCTUnwrap(made.root["Data"]?.compound)
        // Everything a 1.21.11 level.dat has, except the player, map-specific state and mod brands.
        let optional: Set<String> = ["Player", "ServerBrands", "WasModded"]
        for key in realData.keys where !optional.contains(key) {
            XCTAssertNotNil(madeData[key], "new level.dat lacks \(key)")
            if let madeValue = madeData[key] {
                XCTAssertEqual(madeValue.type, realData[key]?.type, "type of \(key)")
            }
        }
        let level = try LevelDat(made)
        XCTAssertEqual(level.dataVersion, 4671)
        XCTAssertEqual(level.spawn?.y, -60)
    }

    func testWorldWithoutLevelDatIsRefusedWithAHint() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        XCTAssertThrowsError(try World(at: dir)) { error in
            XCTAssertEqual(error as? WorldError, .noLevelDat(path: dir.path))
            XCTAssertTrue("\(error)".contains("level.dat"))
        }
        XCTAssertThrowsError(try World(at: dir.appendingPathComponent("nope"))) { error in
            XCTAssertEqual(error as? WorldError, .notFound(path: dir.appendingPathComponent("nope").path))
        }
    }
}
