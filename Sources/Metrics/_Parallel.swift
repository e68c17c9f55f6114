import Dispatch

/// `(0..<count).map(body)` on all cores; results land in index order, so output does not depend
/// on scheduling. The first error by index is rethrown (a non-throwing body makes this non-throwing).
enum _Parallel {
    static func map<T: Sendable, E: Error>(_ count: Int, _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        var slots = [Result<T, E>?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let out = _SlotBuffer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                do throws(E) { out.store(.success(try body(i)), at: i) } catch { out.store(.failure(error), at: i) }
            }
        }
        var results: [T] = []
        results.reserveCapacity(count)
        for slot in slots {
            guard let slot else { preconditionFailure("_Parallel.map: a slot was not filled") }
            results.append(try slot.get())
        }
        return results
    }
}

/// Result slots shared with `concurrentPerform`; each index is written by exactly one iteration.
private struct _SlotBuffer<T, E: Error>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<T, E>?>?
    func store(_ value: Result<T, E>, at i: Int) { base?[i] = value }
}
