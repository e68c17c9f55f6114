import Foundation

extension RegionFile {
    /// Decodes every present chunk on `threads` threads and maps each outcome with `transform`
    /// (e.g. NBT parsing and block decoding), returning the results in header order.
    ///
    /// ```swift
    /// let dataVersions = region.mapChunksConcurrently { outcome in
    ///     (try? outcome.result.get().nbt().root["DataVersion"]?.integer) ?? nil
    /// }
    /// ```
    /// Each thread has its own `RegionChunkDecoder`; threads take chunks in interleaved order, so
    /// large and small chunks spread evenly. `transform` runs concurrently and must be thread-safe.
    /// - Complexity: O(file size + decompressed size) work over `threads` cores.
    public func mapChunksConcurrently<T: Sendable>(
        threads: Int = ProcessInfo.processInfo.activeProcessorCount,
        _ transform: @Sendable (RegionChunkOutcome) -> T
    ) -> [T] {
        let slots = presentSlots
        let workers = max(1, min(threads, slots.count))
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: slots.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let box = ResultsBox(results)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let decoder = RegionChunkDecoder()
            for i in stride(from: worker, to: slots.count, by: workers) {
                let slot = slots[i]
                let result = Result { () throws(RegionError) -> RegionChunk in
                    guard let chunk = try chunk(at: slot, decoder: decoder) else { throw .noPayload(reference(slot), length: 0) }
                    return chunk
                }
                box.buffer[i] = transform(RegionChunkOutcome(slot: slot, result: result))
            }
        }
        // Every index was written exactly once above.
        return results.map { $0.unsafelyUnwrapped }
    }
}

/// Lets the worker threads write disjoint elements of one buffer (each index by one thread only).
private struct ResultsBox<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}
