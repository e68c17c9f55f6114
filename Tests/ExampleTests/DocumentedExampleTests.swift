import Foundation
import TestSupport
import XCTest

/// Every command line the README and the `--help` texts show runs through the built binary, with
/// its placeholders filled from a fixture world holding blocks at negative x and z, and succeeds.
/// A new example in the docs is tested by construction.
final class DocumentedExampleTests: XCTestCase {
    nonisolated(unsafe) private static var fixture: ExampleFixture?
    nonisolated(unsafe) private static var root: URL?
    /// Lines already run by the other test (the root help repeats the README's first lines).
    nonisolated(unsafe) private static var alreadyRun = Set<String>()

    /// One fixture for both tests (building it trains a tiny run), removed when the class is done.
    private func sharedFixture() throws -> (fixture: ExampleFixture, root: URL) {
        if let fixture = Self.fixture, let root = Self.root { return (fixture, root) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("worldgan-examples-\(UUID().uuidString)")
        Self.root = root
        // `../shared` in an example is relative to the sandbox, which sits in `root`.
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: Fixtures.sharedRoot.path) {
            try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("shared"), withDestinationURL: Fixtures.sharedRoot)
        }
        let fixture = try ExampleFixture.build(in: root.appendingPathComponent("fixture"))
        Self.fixture = fixture
        return (fixture, root)
    }

    override class func tearDown() {
        if let root { try? FileManager.default.removeItem(at: root) }
        super.tearDown()
    }

    func testEveryReadmeCommandLineRunsAndSucceeds() throws {
        let readme = try String(contentsOf: Fixtures.project("README.md"), encoding: .utf8)
        let (lines, synopses) = DocumentedExamples.readme(readme)
        XCTAssertTrue(lines.contains { $0.contains("--from -") }, "the README shows a box with a negative first coordinate")
        print("README synopses (alternatives and optional parts; not command lines): \(synopses.count)")
        try runAll(lines, source: "README.md")
    }

    func testEveryHelpExampleRunsAndSucceeds() throws {
        var lines: [String] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let help = try ShellRunner.run((["worldgan"] + path + ["--help"]).joined(separator: " "), in: FileManager.default.temporaryDirectory)
            XCTAssertEqual(help.status, 0, help.stderr)
            lines += DocumentedExamples.help(help.stdout)
            pending += DocumentedExamples.subcommands(inHelp: help.stdout).filter { $0 != "help" }.map { path + [$0] }
        }
        XCTAssertGreaterThan(lines.count, 20, "every command's --help shows examples")
        try runAll(lines, source: "--help")
    }

    /// Runs each line in a fresh copy of the fixture and asserts exit status 0.
    private func runAll(_ documented: [String], source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (fixture, root) = try sharedFixture()
        var ran = 0
        for (n, text) in documented.enumerated() {
            let example = RunnableExample(text)
            guard Self.alreadyRun.insert(example.line).inserted else { continue }
            XCTAssertEqual(example.unfilled, [], "\(source): `\(text)` has a placeholder the test cannot fill", file: file, line: line)
            guard example.unfilled.isEmpty else { continue }
            if example.needsShared, !FileManager.default.fileExists(atPath: Fixtures.sharedRoot.path) {
                if Fixtures.sharedRequired { XCTFail("\(source): `\(text)` needs ../shared (WORLDGAN_REQUIRE_SHARED=1)", file: file, line: line) }
                print("skipped (needs ../shared beside the checkout): \(text)")
                continue
            }
            let sandbox = try prepareSandbox(for: example, number: n, from: fixture, in: root)
            let started = Date()
            let r = try ShellRunner.run(example.line, in: sandbox)
            XCTAssertEqual(r.status, 0, "\(source): `\(text)`\nran: \(example.line)\n\(r.stdout)\(r.stderr)", file: file, line: line)
            print(String(format: "%5.1f s  %@", Date().timeIntervalSince(started), example.line))
            try? FileManager.default.removeItem(at: sandbox)
            ran += 1
        }
        XCTAssertGreaterThan(ran, 0, "\(source): no command line ran")
    }

    /// A copy of the fixture as the example expects it: its outputs absent, a resumed run interrupted.
    private func prepareSandbox(for example: RunnableExample, number: Int, from fixture: ExampleFixture, in root: URL) throws -> URL {
        let sandbox = root.appendingPathComponent("example-\(number)")
        try? FileManager.default.removeItem(at: sandbox)
        try FileManager.default.copyItem(at: fixture.folder, to: sandbox)
        for output in example.outputs { try? FileManager.default.removeItem(at: RunnableExample.path(output, in: sandbox)) }
        if let resumed = example.resumes {
            let target = RunnableExample.path(resumed, in: sandbox)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: sandbox.appendingPathComponent(ExampleFixture.interruptedRun), to: target)
        }
        return sandbox
    }
}
