import Anvil
import Foundation
import NBT
import TestSupport
import XCTest

/// Acceptance: every file in ../shared/worlds/real/ that SOURCES.md lists with a top-10 decodes,
/// and the listed top-10 counts (by block name, or by numeric id for legacy) are reproduced exactly.
final class ChunkFixtureCountsTests: XCTestCase {
    /// One SOURCES.md entry: the file and its expected (name or numeric id → count) pairs.
    struct Expectation {
        var path: String
        var top10: [(key: String, count: Int)]
        var legacy: Bool { top10.first.map { $0.key.contains(":") && $0.key.first!.isNumber } ?? false }
    }

    /// Parses the `- \`path\` — … — top10: a 1, b 2, … (N distinct)` lines of SOURCES.md.
    static func expectations(_ sources: String) -> [Expectation] {
        var out: [Expectation] = []
        for line in sources.split(separator: "\n") where line.hasPrefix("- `") {
            guard let pathEnd = line.dropFirst(3).firstIndex(of: "`"),
                  let top = line.range(of: "top10: ") else { continue }
            let path = String(line[line.index(line.startIndex, offsetBy: 3)..<pathEnd])
            var list = line[top.upperBound...]
            if let cut = list.range(of: " (") { list = list[..<cut.lowerBound] }
            if let cut = list.range(of: " — ") { list = list[..<cut.lowerBound] }
            let pairs: [(String, Int)] = list.split(separator: ",").compactMap { item in
                let parts = item.trimmingCharacters(in: .whitespaces).split(separator: " ")
                guard parts.count == 2, let n = Int(parts[1]) else { return nil }
                return (String(parts[0]), n)
            }
            if !pairs.isEmpty { out.append(Expectation(path: path, top10: pairs.map { (key: $0.0, count: $0.1) })) }
        }
        return out
    }

    /// Decodes every chunk of `url` and returns counts by block name and by numeric id.
    static func counts(of url: URL) throws -> (byName: [String: Int], byID: [Int: Int], chunks: [ChunkBlocks]) {
        var byName: [String: Int] = [:], byID: [Int: Int] = [:]
        var chunks: [ChunkBlocks] = []
        for root in try FixtureRegionChunks.roots(of: url) {
            let chunk = try ChunkBlocks(decoding: root)
            for (state, n) in chunk.blockCounts() { byName[state.baseName, default: 0] += n }
            for (id, n) in chunk.legacyIDCounts() { byID[id, default: 0] += n }
            chunks.append(chunk)
        }
        return (byName, byID, chunks)
    }

    func testEveryListedFixtureReproducesItsTopTenBlockCounts() throws {
        let root = try Fixtures.shared("worlds/real")
        let sources = try String(contentsOf: root.appendingPathComponent("SOURCES.md"), encoding: .utf8)
        let expectations = Self.expectations(sources)
        var checked = 0
        for e in expectations {
            let url = root.appendingPathComponent(e.path)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let (byName, byID, _) = try Self.counts(of: url)
            for (key, expected) in e.top10 {
                if e.legacy {
                    let id = Int(key.split(separator: ":")[0]) ?? -1
                    XCTAssertEqual(byID[id], expected, "\(e.path): numeric id \(key)")
                } else {
                    XCTAssertEqual(byName[key], expected, "\(e.path): \(key)")
                }
            }
            checked += 1
        }
        // Guard: the parser found the listed fixtures (43 files with top-10 lists when written).
        XCTAssertGreaterThanOrEqual(checked, 43, "only \(checked) of \(expectations.count) fixtures checked")
    }
}
