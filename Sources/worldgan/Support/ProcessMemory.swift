import Foundation

/// The process's own memory as the kernel counts it (`/proc/self/status`), and the machine's.
enum ProcessMemory {
    /// Peak resident set size in bytes (getrusage's `ru_maxrss`, the kernel's VmHWM).
    static var peakResident: Int { ProcessUsage.now.peakResidentBytes }
    /// Current resident set size (`VmRSS`) in bytes.
    static var resident: Int? { statusField("VmRSS") }

    /// Physical memory of the machine.
    static var physical: Int { Int(ProcessInfo.processInfo.physicalMemory) }

    private static func statusField(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if words.count >= 2, let kB = Int(words[1]) { return kB * 1024 }
        }
        return nil
    }
}
