import Foundation
import XCTest

/// Drives a headless Chromium (Debian `chromium-headless-shell` or `chromium`) on pages written
/// by `worldgan view`: screenshots, the DOM after load, and a net log of every request made.
/// WebGL runs on SwiftShader (software), so no GPU is needed.
struct HeadlessChromium {
    let executable: URL
    let profile: URL

    static let candidates = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"]

    /// The browser named by `WORLDGAN_CHROMIUM` or the first candidate on `PATH`; skips the test
    /// when there is none, except under `CI=true`, where a missing browser is a failure.
    static func required(profileIn dir: URL, file: StaticString = #filePath, line: UInt = #line) throws -> HeadlessChromium {
        let env = ProcessInfo.processInfo.environment
        let paths = (env["PATH"] ?? "").split(separator: ":").map(String.init)
        let found = env["WORLDGAN_CHROMIUM"].map { URL(fileURLWithPath: $0) }
            ?? candidates.lazy.flatMap { name in paths.map { URL(fileURLWithPath: $0).appendingPathComponent(name) } }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        guard let found else {
            let message = "no Chromium (\(candidates.joined(separator: ", "))) on PATH: `apt-get install chromium-headless-shell` to test the view page"
            if env["CI"] == "true" { XCTFail(message, file: file, line: line) }
            throw XCTSkip(message)
        }
        return HeadlessChromium(executable: found, profile: dir.appendingPathComponent("chromium-profile"))
    }

    /// Screenshot of `page` (with `#hash`) at `width`×`height`; `netLog` records every request.
    func screenshot(_ page: URL, hash: String = "", width: Int = 1000, height: Int = 700, to png: URL,
                    netLog: URL? = nil) throws {
        var extra = ["--screenshot=\(png.path)"]
        if let netLog { extra.append("--log-net-log=\(netLog.path)") }
        _ = try run(extra + ["--window-size=\(width),\(height)", url(page, hash)])
        guard FileManager.default.fileExists(atPath: png.path) else { throw Failure("no screenshot written for \(page.path)") }
    }

    /// The page's `<pre id="status">` JSON after load.
    func status(_ page: URL, hash: String = "", width: Int = 1000, height: Int = 700,
                timeout: Double = 100) throws -> [String: Any] {
        let dom = try run(["--dump-dom", "--window-size=\(width),\(height)", url(page, hash)], timeout: timeout)
        guard let open = dom.range(of: "<pre id=\"status\""), let start = dom[open.upperBound...].range(of: ">"),
              let end = dom[start.upperBound...].range(of: "</pre>") else { throw Failure("no status element in:\n\(dom.prefix(2000))") }
        let text = dom[start.upperBound..<end.lowerBound].replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        guard let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw Failure("status is not a JSON object: \(text)")
        }
        return json
    }

    private func url(_ page: URL, _ hash: String) -> String { page.absoluteString + (hash.isEmpty ? "" : "#" + hash) }

    /// Runs the browser (killed after `timeout` seconds) and returns its stdout.
    private func run(_ arguments: [String], timeout: Double = 100) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                             "--hide-scrollbars", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--host-resolver-rules=MAP * ~NOTFOUND"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // SIGKILL: a browser busy in software WebGL may not act on SIGTERM.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { if process.isRunning { kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit else { throw Failure("\(executable.lastPathComponent) timed out or crashed") }
        return String(decoding: data, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
