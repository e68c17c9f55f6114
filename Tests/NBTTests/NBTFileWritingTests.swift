import Foundation
import NBT
import TestSupport
import XCTest

/// `NBTFile.write` / `AtomicFile`: whole-file replacement, backups, and clean failures.
final class NBTFileWritingTests: XCTestCase {
    private func document(_ n: Int32) -> NBTReader.Document {
        NBTReader.Document(root: Compound([("Data", .compound(Compound([("n", .int(n))])))]))
    }

    func testEveryCompressionWritesAFileThatReadsBackTheSame() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        for compression in NBTCompression.allCases {
            let url = dir.appendingPathComponent("file-\(compression).dat")
            try NBTFile.write(document(1), to: url, compression: compression)
            let (back, detected) = try NBTFile.read(contentsOf: url)
            XCTAssertEqual(back, document(1))
            XCTAssertEqual(detected, compression)
        }
    }

    func testBackupKeepsThePreviousVersionAndNoTemporaryFileRemains() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("level.dat")
        try NBTFile.write(document(1), to: url)
        let first = try Data(contentsOf: url)
        try NBTFile.write(document(2), to: url, backup: true)
        XCTAssertEqual(try Data(contentsOf: AtomicFile.backupURL(for: url)), first)
        XCTAssertEqual(try NBTFile.read(contentsOf: url).document, document(2))
        try NBTFile.write(document(3), to: url, backup: true)
        XCTAssertEqual(try NBTFile.read(contentsOf: AtomicFile.backupURL(for: url)).document, document(2))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["level.dat", "level.dat.bak"])
    }

    func testWritingOverAFolderFailsAndLeavesNothingBehind() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("level.dat")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        XCTAssertThrowsError(try NBTFile.write(document(1), to: url)) { error in
            guard case .fileUnwritable(let path, let step, _)? = error as? NBTError else { return XCTFail("got \(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertEqual(step, "rename over the target")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["level.dat"])
    }

    func testDamagedFileErrorNamesTheFile() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("broken.dat")
        let gz = try Deflater.compress(Array(try NBTWriter.write(document(1)).dropLast(3)), container: .gzip)
        try Data(gz).write(to: url)
        XCTAssertThrowsError(try NBTFile.read(contentsOf: url)) { error in
            guard case .inFile(let path, .truncated)? = error as? NBTError else { return XCTFail("got \(error)") }
            XCTAssertEqual(path, url.path)
            XCTAssertTrue("\(error)".hasPrefix("\(url.path): NBT data ends early at byte"), "\(error)")
        }
    }
}

final class StaleTemporaryFileTests: XCTestCase {
    func testAWriteRemovesTemporariesOfDeadWritersButNotOfLiveOnes() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("worldgan-stale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("r.0.0.mca")
        // 4194303 is the largest pid Linux can hand out (pid_max 2^22); no process holds it here.
        let dead = dir.appendingPathComponent(".r.0.0.mca.tmp-4194303-17")
        let live = dir.appendingPathComponent(".r.0.0.mca.tmp-\(getpid())-99")
        let other = dir.appendingPathComponent(".level.dat.tmp-4194303-5")
        for url in [dead, live, other] { try Data([1, 2, 3]).write(to: url) }
        try AtomicFile.write([9, 9], to: target)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead.path), "a killed writer's leftover is removed")
        XCTAssertTrue(FileManager.default.fileExists(atPath: live.path), "a running writer's file is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.path), "other files' temporaries are not touched")
        XCTAssertEqual(try Data(contentsOf: target), Data([9, 9]))
    }
}
