import Foundation

/// A progress bar for long work: `label [#####-----] 45% 450/1000  12.3 it/s  ETA 0:44  loss 1.23`.
///
/// On a terminal it redraws one line in place (at most ten times a second); when stderr is not a
/// terminal (CI, pipes, log files) it prints a plain line every ~10% or every 30 seconds instead,
/// so logs stay readable. Output goes to stderr, keeping stdout for results.
final class ProgressBar {
    private let label: String
    private let total: Int
    private let unit: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var lastPlainPercent = -1
    private let interactive: Bool
    private let quiet: Bool

    /// - Parameters:
    ///   - total: the count that means done (iterations, chunks, epochs…).
    ///   - quiet: draw nothing (for `--quiet` and tests).
    init(_ label: String, total: Int, unit: String = "it", quiet: Bool = false) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        self.quiet = quiet
        interactive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Reports that `done` of `total` are finished; `status` is appended (e.g. losses).
    func update(_ done: Int, status: String = "") {
        guard !quiet else { return }
        let now = Date()
        let percent = min(100, done * 100 / total)
        if interactive {
            guard now.timeIntervalSince(lastDraw) >= 0.1 || done >= total else { return }
            lastDraw = now
            FileHandle.standardError.write(Data(("\r\u{1B}[2K" + line(done, status: status, bar: true)).utf8))
        } else {
            let due = percent / 10 != lastPlainPercent / 10 || now.timeIntervalSince(lastDraw) >= 30
            guard due else { return }
            lastDraw = now
            lastPlainPercent = percent
            FileHandle.standardError.write(Data((line(done, status: status, bar: false) + "\n").utf8))
        }
    }

    /// Ends the bar (moves to a fresh line on a terminal) and prints the total time.
    func finish(status: String = "") {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        let text = "\(label): done in \(Self.clock(elapsed))\(status.isEmpty ? "" : "  " + status)"
        FileHandle.standardError.write(Data(((interactive ? "\r\u{1B}[2K" : "") + text + "\n").utf8))
    }

    private func line(_ done: Int, status: String, bar: Bool) -> String {
        let elapsed = Date().timeIntervalSince(start)
        let fraction = Double(min(done, total)) / Double(total)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : .nan
        var s = label + " "
        if bar {
            let width = 24
            let filled = Int(fraction * Double(width))
            s += "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        }
        s += String(format: "%3d%% %d/%d  %@/s  ETA %@", Int(fraction * 100), done, total,
                    Self.rate(rate, unit: unit), eta.isFinite ? Self.clock(eta) : "--:--")
        return status.isEmpty ? s : s + "  " + status
    }

    private static func rate(_ r: Double, unit: String) -> String {
        r >= 100 ? String(format: "%.0f %@", r, unit) : String(format: "%.2f %@", r, unit)
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                         : String(format: "%d:%02d", s / 60, s % 60)
    }
}
