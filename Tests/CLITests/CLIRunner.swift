import Foundation
import XCTest

/// Runs the built `worldgan` binary (next to the test bundle) and captures its output.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var output: String { stdout + stderr }

        /// The `name: value` lines a `bench` command ends with (lines starting with `#` are comments).
        var figures: [String: String] {
            var result: [String: String] = [:]
            for line in stdout.split(separator: "\n") where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                result[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return result
        }
    }

    static var binary: URL {
        // The test bundle lives in the build products folder (.build/<triple>/<config>/), beside
        // the executable; on Linux `bundleURL` is that folder, elsewhere the .xctest inside it.
        var url = Bundle(for: Marker.self).bundleURL
        if url.pathExtension == "xctest" { url.deleteLastPathComponent() }
        return url.appendingPathComponent("worldgan")
    }

    private final class Marker {}

    /// - Parameter environment: variables set for the child on top of this process's environment.
    static func run(_ arguments: [String], environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            XCTFail("worldgan binary not built at \(binary.path): run `swift build --build-tests` first", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
