import Foundation

/// Recently packed convolution weights, found again by their exact values.
///
/// A training step convolves with the same weights many times between optimiser steps (a critic's
/// forward on the real, fake and interpolated volumes, the input gradients of each, the double
/// backward of the penalty), and every convolution first transforms and packs its weights for the
/// kernels: 36 Winograd components on the two-axis path. An entry keeps a copy of the weights it
/// was made from and is returned only when the weights asked for are byte-identical to it, so a
/// hit can never serve stale weights, whoever changed them and however.
final class PackedWeightCache: @unchecked Sendable {
    /// What a packing depends on besides the weights: the path and its layout parameters.
    struct Layout: Hashable {
        let path: String
        let parameters: [Int]
    }

    private struct Entry {
        let layout: Layout
        let fingerprint: UInt64
        let source: [Float]
        let packed: Any
    }

    static let shared = PackedWeightCache(capacity: 16)

    private let capacity: Int
    private let lock = NSLock()
    /// Most recently used last.
    private var entries: [Entry] = []

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The packing of `weights` for `layout`: a cached one made from identical weights, else
    /// `make()`'s, kept for later calls.
    func packed<Element>(_ weights: UnsafeBufferPointer<Float>, layout: Layout, make: () -> [Element]) -> [Element] {
        let fingerprint = Self.fingerprint(weights)
        lock.lock()
        if let index = entries.lastIndex(where: { $0.layout == layout && $0.fingerprint == fingerprint && Self.equal($0.source, weights) }),
           let packed = entries[index].packed as? [Element] {
            let entry = entries.remove(at: index)
            entries.append(entry)
            lock.unlock()
            return packed
        }
        lock.unlock()
        let packed = make()
        let entry = Entry(layout: layout, fingerprint: fingerprint, source: Array(weights), packed: packed)
        lock.lock()
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        lock.unlock()
        return packed
    }

    /// A 64-bit digest of the weights' bits (four interleaved multiply-xor lanes).
    private static func fingerprint(_ weights: UnsafeBufferPointer<Float>) -> UInt64 {
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 4 <= weights.count {
            lanes.0 = (lanes.0 ^ UInt64(weights[i].bitPattern)) &* prime
            lanes.1 = (lanes.1 ^ UInt64(weights[i + 1].bitPattern)) &* prime
            lanes.2 = (lanes.2 ^ UInt64(weights[i + 2].bitPattern)) &* prime
            lanes.3 = (lanes.3 ^ UInt64(weights[i + 3].bitPattern)) &* prime
            i += 4
        }
        while i < weights.count {
            lanes.0 = (lanes.0 ^ UInt64(weights[i].bitPattern)) &* prime
            i += 1
        }
        return lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7) ^ UInt64(weights.count)
    }

    private static func equal(_ source: [Float], _ weights: UnsafeBufferPointer<Float>) -> Bool {
        guard source.count == weights.count else { return false }
        guard let other = weights.baseAddress else { return true }
        return source.withUnsafeBytes { a in a.baseAddress.map { memcmp($0, other, a.count) == 0 } ?? true }
    }
}
