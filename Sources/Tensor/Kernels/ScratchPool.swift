import Foundation

/// Grow-only scratch buffers reused across kernel calls, so a training step does not allocate
/// (and page-fault in) tens of megabytes per convolution. A caller checks a buffer out for the
/// duration of one call; concurrent callers get distinct buffers.
final class ScratchPool: @unchecked Sendable {
    static let shared = ScratchPool()

    private let lock = NSLock()
    private var free: [(pointer: UnsafeMutablePointer<Float>, capacity: Int)] = []

    /// Runs `body` with a buffer of at least `count` floats (contents unspecified).
    func withBuffer<R>(_ count: Int, _ body: (UnsafeMutablePointer<Float>) -> R) -> R {
        let buffer = checkOut(count)
        defer { checkIn(buffer) }
        return body(buffer.pointer)
    }

    private func checkOut(_ count: Int) -> (pointer: UnsafeMutablePointer<Float>, capacity: Int) {
        lock.lock()
        defer { lock.unlock() }
        if let index = free.indices.filter({ free[$0].capacity >= count }).min(by: { free[$0].capacity < free[$1].capacity }) {
            return free.remove(at: index)
        }
        if let smallest = free.indices.min(by: { free[$0].capacity < free[$1].capacity }) {
            free.remove(at: smallest).pointer.deallocate()
        }
        let capacity = max(count, 1)
        return (UnsafeMutablePointer<Float>.allocate(capacity: capacity), capacity)
    }

    private func checkIn(_ buffer: (pointer: UnsafeMutablePointer<Float>, capacity: Int)) {
        lock.lock()
        free.append(buffer)
        lock.unlock()
    }
}
