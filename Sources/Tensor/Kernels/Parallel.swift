import Dispatch
import Foundation

/// A raw pointer that may cross into `DispatchQueue.concurrentPerform` workers. Each worker writes
/// only its own disjoint region, which is what makes the unchecked conformance sound.
struct SendablePointer<Pointee>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Pointee>
    init(_ base: UnsafeMutablePointer<Pointee>) { self.base = base }
}

/// Read-only counterpart of ``SendablePointer``.
struct SendableConstPointer<Pointee>: @unchecked Sendable {
    let base: UnsafePointer<Pointee>
    init(_ base: UnsafePointer<Pointee>) { self.base = base }
}

/// Static work splitting over the machine's cores.
///
/// Worker `t` of `T` always gets the same items (`t, t+T, t+2T, …`), so any per-worker partial
/// result, and therefore every reduction, is the same from run to run for a given thread count.
public enum Parallel {
    /// Threads used by kernels: `WORLDGAN_THREADS` when set, else the active processor count.
    public static let threadCount: Int = {
        if let text = ProcessInfo.processInfo.environment["WORLDGAN_THREADS"], let n = Int(text), n > 0 {
            return n
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Elementwise work below this many elements stays on the calling thread.
    static let minimumElements = 1 << 16

    /// Runs `body(range)` over `count` elements split into one contiguous range per worker
    /// (serially when `count` is small).
    static func forEachRange(_ count: Int, _ body: (Range<Int>) -> Void) {
        guard count >= minimumElements, threadCount > 1 else { return body(0..<count) }
        let parts = threadCount
        forEach(parts, workers: parts) { _, part in body((count * part / parts)..<(count * (part + 1) / parts)) }
    }

    /// Runs `body(worker, item)` for items `0..<count`, item `i` on worker `i % workers`.
    static func forEach(_ count: Int, workers: Int = threadCount,
                        _ body: (_ worker: Int, _ item: Int) -> Void) {
        let used = min(workers, count)
        if used <= 1 {
            for item in 0..<count { body(0, item) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let box = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: used) { worker in
                var item = worker
                while item < count {
                    box.value(worker, item)
                    item += used
                }
            }
        }
    }
}

/// Carries a non-Sendable closure into workers that only touch disjoint memory.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
