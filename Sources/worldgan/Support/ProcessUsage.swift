import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The process's own CPU times and peak resident set, from `getrusage(RUSAGE_SELF)` (all threads).
struct ProcessUsage {
    /// CPU seconds in user and in kernel mode since the process started.
    let userSeconds, systemSeconds: Double
    /// Peak resident set size in bytes (Linux's `ru_maxrss`, in KiB: the same figure as VmHWM).
    let peakResidentBytes: Int
    /// The same in MiB.
    var peakResidentMiB: Double { Double(peakResidentBytes) / 1_048_576 }

    /// The usage now.
    static var now: ProcessUsage {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return ProcessUsage(userSeconds: seconds(usage.ru_utime), systemSeconds: seconds(usage.ru_stime),
                            peakResidentBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// The share of kernel time in the CPU time spent since `start` (0 when none was spent).
    func systemShare(since start: ProcessUsage) -> Double {
        let system = systemSeconds - start.systemSeconds, user = userSeconds - start.userSeconds
        return system + user > 0 ? system / (system + user) : 0
    }

    /// CPU seconds (user + kernel) spent since `start`.
    func cpuSeconds(since start: ProcessUsage) -> Double {
        (userSeconds - start.userSeconds) + (systemSeconds - start.systemSeconds)
    }
}
