import Foundation
import XCTest

/// Runs command lines as a user types them: `/bin/sh -c LINE` with the built `worldgan` first on
/// the `PATH`, so quoting, `~`, globs and `# comments` behave as in a terminal.
struct ShellRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The folder holding the built `worldgan` (beside the test bundle, like `CLITests` finds it).
    static var binaryFolder: URL {
        var url = Bundle(for: Marker.self).bundleURL
        if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        return url
    }

    private final class Marker {}

    /// Runs `line` in `folder`, with `HOME` = `folder/home` (for the examples' `~/.minecraft/saves/…`)
    /// and `COLUMNS` wide enough that help text is not wrapped.
    static func run(_ line: String, in folder: URL, file: StaticString = #filePath, line callLine: UInt = #line) throws -> Result {
        let binary = Self.binaryFolder.appendingPathComponent("worldgan")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("worldgan binary not built at \(binary.path): run `swift build --build-tests` first", file: file, line: callLine)
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Self.binaryFolder.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["HOME"] = folder.appendingPathComponent("home").path
        environment["COLUMNS"] = "400"
        process.environment = environment
        // Output goes to files: two pipes read one after the other could block a chatty command.
        let capture = FileManager.default.temporaryDirectory.appendingPathComponent("worldgan-sh-\(UUID().uuidString)")
        let outURL = capture.appendingPathExtension("out"), errURL = capture.appendingPathExtension("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outURL); try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? "")
    }
}
