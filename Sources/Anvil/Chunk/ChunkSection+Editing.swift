/// Changing blocks inside a section and compacting its palette before it is written.
extension ChunkSection {
    /// An all-air section at section Y `y`.
    public static func air(y: Int) -> ChunkSection {
        ChunkSection(y: y, palette: [.air], indices: [UInt16](repeating: 0, count: volume))
    }

    /// Sets many blocks at once; `changes` are (offset `(y*16+z)*16+x`, state).
    /// New states are appended to the palette; run `compacted()` before encoding.
    /// - Complexity: O(palette + changes), one dictionary for the whole batch.
    public mutating func set<S: Sequence>(_ changes: S) where S.Element == (offset: Int, state: BlockState) {
        var lookup: [BlockState: UInt16] = [:]
        for (i, s) in palette.enumerated().reversed() { lookup[s] = UInt16(i) }
        for (offset, state) in changes {
            precondition(offset >= 0 && offset < Self.volume, "ChunkSection.set: offset \(offset) outside 0..<4096")
            let index: UInt16
            if let i = lookup[state] { index = i } else {
                index = UInt16(truncatingIfNeeded: palette.count)
                palette.append(state)
                lookup[state] = index
            }
            indices[offset] = index
        }
        legacyIDs = nil
    }

    /// The same blocks with a palette of only the states in use (duplicates merged), in order of
    /// first use: what the game writes, so bit widths match its choice.
    /// - Complexity: O(4096 + palette).
    public func compacted() -> ChunkSection {
        var remap = [UInt16](repeating: .max, count: palette.count)
        var newPalette: [BlockState] = []
        var seen: [BlockState: UInt16] = [:]
        var newIndices = indices
        newIndices.withUnsafeMutableBufferPointer { out in
            for n in 0..<out.count {
                let old = Int(out[n])
                var r = remap[old]
                if r == .max {
                    let s = palette[old]
                    if let j = seen[s] { r = j } else {
                        r = UInt16(truncatingIfNeeded: newPalette.count)
                        newPalette.append(s)
                        seen[s] = r
                    }
                    remap[old] = r
                }
                out[n] = r
            }
        }
        let result = ChunkSection(y: y, palette: newPalette, indices: newIndices)
        result.checkInvariants()
        return result
    }
}
