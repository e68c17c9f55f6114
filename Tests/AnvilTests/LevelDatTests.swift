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
