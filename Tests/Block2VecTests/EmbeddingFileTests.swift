import Block2Vec
import Foundation
import TestSupport
import XCTest

final class EmbeddingFileTests: XCTestCase {
    private let sample = Embeddings(
        tokens: ["minecraft:air", "minecraft:oak_stairs[facing=east,half=bottom]", "minecraft:stone"],
        dimension: 3,
        vectors: [0.1, -2.5e-7, 3.4028235e38, 1, 0, -0.333333343, .leastNonzeroMagnitude, 123456.79, -7])

    func testWrittenFilesReadBackExactly() throws {
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("e.txt")
        try EmbeddingFile.write(sample, to: url)
        XCTAssertEqual(try EmbeddingFile.read(from: url), sample)
    }

    func testFileFollowsWord2VecTextLayout() throws {
        let text = try EmbeddingFile.text(of: sample)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.removeLast(), "", "the file ends with a newline")
        XCTAssertEqual(lines.first, "3 3")
        // An independent reader, the way gensim's load_word2vec_format(binary=False) splits rows.
        for (i, line) in lines.dropFirst().enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            XCTAssertEqual(parts.count, 4, "token plus 3 values, single spaces: \(line)")
            XCTAssertEqual(String(parts[0]), sample.tokens[i])
            XCTAssertEqual(parts.dropFirst().map { Float(String($0)) }, sample.vectors[(i * 3)..<(i * 3 + 3)].map { $0 })
        }
    }

    func testPythonReadsTheFileLikeGensim() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("python3 not found; the gensim-style reader check needs it")
        }
        let dir = try Fixtures.temporaryDirectory(self)
        let url = dir.appendingPathComponent("e.txt")
        try EmbeddingFile.write(sample, to: url)
        // gensim's text reader: int header, rstrip + split(" "), exactly D floats per row.
        let script = """
        import json, sys
        with open(sys.argv[1], encoding="utf8") as f:
            v, d = (int(x) for x in f.readline().split())
            rows = {}
            for _ in range(v):
                parts = f.readline().rstrip().split(" ")
                if len(parts) != d + 1:
                    raise ValueError("invalid vector on line")
                rows[parts[0]] = [float(x) for x in parts[1:]]
            assert f.readline() == ""
        print(json.dumps({"dim": d, "rows": rows}))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        struct Parsed: Decodable { let dim: Int; let rows: [String: [Double]] }
        let parsed = try JSONDecoder().decode(Parsed.self, from: output)
        XCTAssertEqual(parsed.dim, 3)
        XCTAssertEqual(Set(parsed.rows.keys), Set(sample.tokens))
        for t in sample.tokens {
            XCTAssertEqual(parsed.rows[t]?.map { Float($0) }, sample.vector(of: t).map(Array.init), t)
        }
    }

    func testMalformedFilesNameTheFileAndLine() {
        let cases: [(String, EmbeddingFileError)] = [
            ("3\n", .badHeader(file: "f.txt", text: "3")),
            ("1 2\na 1\n", .wrongValueCount(file: "f.txt", line: 2, token: "a", expected: 2, got: 1)),
            ("1 2\na 1 x\n", .badNumber(file: "f.txt", line: 2, text: "x")),
            ("1 1\na inf\n", .badNumber(file: "f.txt", line: 2, text: "inf")),
            ("2 1\na 1\na 2\n", .duplicateToken(file: "f.txt", line: 3, token: "a")),
            ("3 1\na 1\nb 2\n", .wrongRowCount(file: "f.txt", expected: 3, got: 2)),
            ("1 99999999999999999999\na 1\n", .badHeader(file: "f.txt", text: "1 99999999999999999999")),
            ("-1 2\n", .badHeader(file: "f.txt", text: "-1 2")),
            ("2 65536\na 1\nb 2\n", .wrongValueCount(file: "f.txt", line: 2, token: "a", expected: 65536, got: 1)),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try EmbeddingFile.parse(text, file: "f.txt"), text) { error in
                XCTAssertEqual(error as? EmbeddingFileError, expected)
                XCTAssertTrue("\(error)".hasPrefix("f.txt"), "\(error)")
                XCTAssertFalse("\(error)".contains("\n"), "one line: \(error)")
            }
        }
    }

    func testCarriageReturnsAndTrailingBlankLinesAreAccepted() throws {
        let e = try EmbeddingFile.parse("2 2\r\na 1 2 \r\nb 3 4\r\n\n", file: "f.txt")
        XCTAssertEqual(e.tokens, ["a", "b"])
        XCTAssertEqual(e.vectors, [1, 2, 3, 4])
    }

    func testTokensWithSpacesCannotBeWritten() {
        let bad = Embeddings(tokens: ["a b"], dimension: 1, vectors: [1])
        XCTAssertThrowsError(try EmbeddingFile.text(of: bad, file: "out.txt")) { error in
            XCTAssertEqual(error as? EmbeddingFileError, .invalidToken(file: "out.txt", token: "a b"))
        }
    }

    func testMissingFileIsReportedAsUnreadable() {
        XCTAssertThrowsError(try EmbeddingFile.read(from: URL(fileURLWithPath: "/nonexistent/e.txt"))) { error in
            guard case .unreadable(let file, _)? = error as? EmbeddingFileError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, "/nonexistent/e.txt")
        }
    }
}
