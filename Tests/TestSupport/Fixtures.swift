import Foundation
import XCTest

/// Locates test fixtures in `../shared` (beside the checkout) and the project's own `worlds/`.
///
/// Tests that need `../shared` call `Fixtures.shared("worlds/real/...")`. When `../shared` is absent
/// (a user's fresh clone) the test is skipped with a message; when the environment variable
/// `WORLDGAN_REQUIRE_SHARED=1` is set (CI does this in `.ci/run`) its absence fails the test instead.
public enum Fixtures {
    /// The repository root (the folder holding Package.swift).
    public static let repositoryRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared` next to the repository, or `WORLDGAN_SHARED` when set.
    public static let sharedRoot: URL = {
        if let env = ProcessInfo.processInfo.environment["WORLDGAN_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// True when CI demands the shared fixtures.
    public static var sharedRequired: Bool {
        ProcessInfo.processInfo.environment["WORLDGAN_REQUIRE_SHARED"] == "1"
    }

    /// The URL of a file or folder under `../shared`; skips (or fails, in CI) when it is absent.
    public static func shared(_ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = sharedRoot.appendingPathComponent(relativePath)
        if FileManager.default.fileExists(atPath: url.path) { return url }
        let message = "fixture \(relativePath) not found under \(sharedRoot.path)"
        if sharedRequired {
            XCTFail("\(message) (WORLDGAN_REQUIRE_SHARED=1: ../shared must be present)", file: file, line: line)
            throw FixtureMissing(path: url.path)
        }
        throw XCTSkip("skipped: \(message); these tests need ../shared beside the checkout")
    }

    /// A file of the project itself, relative to the repository root.
    public static func project(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// A fresh empty temporary folder, removed when the test ends.
    public static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("worldgan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// Thrown after recording a failure when a required fixture is missing.
public struct FixtureMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "missing fixture \(path)" }
}
