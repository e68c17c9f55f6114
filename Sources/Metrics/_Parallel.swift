import Dispatch

/// `(0..<count).map(body)` on all cores; results land in index order, so output does not depend
/// on scheduling. The first error by index is rethrown.
enum _Parallel {
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        var slots = [Result<T, Error>?](repeating: nil, count: count)
        slots.withUnsafeMutableBufferPointer { buffer in
            let out = _SlotBuffer(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                out.store(Result { try body(i) }, at: i)
            }
        }
        return try slots.map { slot in
            guard let slot else { preconditionFailure("_Parallel.map: a slot was not filled") }
            return try slot.get()
        }
    }
}

/// Result slots shared with `concurrentPerform`; each index is written by exactly one iteration.
private struct _SlotBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Result<T, Error>?>?
    func store(_ value: Result<T, Error>, at i: Int) { base?[i] = value }
}
