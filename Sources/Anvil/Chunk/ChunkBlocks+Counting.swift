/// Block counts over the stored sections (4096 entries each; absent sections are not counted).
extension ChunkBlocks {
    /// Number of blocks per state over every stored section.
    /// - Complexity: O(sections × 4096), one small counter array per section.
    public func blockCounts() -> [BlockState: Int] {
        var total: [BlockState: Int] = [:]
        for section in sections {
            for (i, n) in section.paletteCounts().enumerated() where n > 0 {
                total[section.palette[i], default: 0] += n
            }
        }
        return total
    }

    /// Numeric-id chunks only: blocks per numeric id (data values merged), e.g. `[1: 14930]`.
    /// Empty for paletted chunks.
    public func legacyIDCounts() -> [Int: Int] {
        var total: [Int: Int] = [:]
        for section in sections {
            guard let ids = section.legacyIDs else { continue }
            for (i, n) in section.paletteCounts().enumerated() where n > 0 {
                total[Int(ids[i] >> 4), default: 0] += n
            }
        }
        return total
    }
}

extension ChunkSection {
    /// How many of the 4096 blocks use each palette entry. - Complexity: O(4096).
    public func paletteCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: palette.count)
        counts.withUnsafeMutableBufferPointer { c in
            indices.withUnsafeBufferPointer { for i in $0 where Int(i) < c.count { c[Int(i)] += 1 } }
        }
        return counts
    }
}
