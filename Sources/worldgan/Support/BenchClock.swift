import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock helpers shared by the bench commands.
enum BenchClock {
    /// The median wall time of `body` in milliseconds after `warmup` untimed runs.
    /// Also prints, as a comment, the median process CPU time per run: on a shared machine that
    /// figure is far less disturbed by other processes than the wall time.
    static func medianMilliseconds(repetitions: Int, warmup: Int, label: String = "", _ body: () -> Void) -> Double {
        for _ in 0..<warmup { body() }
        var times: [Double] = []
        var cpuTimes: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = processCPUMilliseconds
            body()
            cpuTimes.append(processCPUMilliseconds - cpuStart)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        if !label.isEmpty { print("# \(label): median process CPU time \(format(median(cpuTimes))) ms per run") }
        return median(times)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// CPU time used by all threads of this process so far.
    static var processCPUMilliseconds: Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
    }

    /// The process's peak resident set size in MiB.
    static var peakResidentMiB: Double { ProcessUsage.now.peakResidentMiB }

    /// The 1-minute load average (the machine is shared; contention inflates timings).
    static var loadAverage: String {
        var loads = [Double](repeating: 0, count: 3)
        return getloadavg(&loads, 3) > 0 ? format(loads[0]) : "unknown"
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
