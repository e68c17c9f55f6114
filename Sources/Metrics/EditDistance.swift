/// Levenshtein distance between token sequences, exact, with Myers' bit-parallel algorithm
/// (Myers 1999; Hyyrö 2003's formulation for edit distance) over 64-bit blocks: the DP column of
/// the shorter sequence is kept as vertical +1/−1 delta bit vectors, and each token of the longer
/// sequence updates all of them with a handful of word operations (the block-to-block carries
/// of the addition and the shifts are what make it a true multi-word big-integer step).
///
/// ```swift
/// EditDistance.levenshtein([1, 2, 3], [1, 3])  // 1
/// ```
/// - Complexity: O(n · ⌈m / 64⌉) time and O(σ · ⌈m / 64⌉) memory for lengths n ≥ m and σ distinct
///   tokens in the shorter sequence: two 32,640-token volumes take ~17 M block steps, where the
///   two-row DP would take 1.07 G cell updates.
public enum EditDistance {
    public static func levenshtein(_ first: [UInt32], _ second: [UInt32]) -> Int {
        let (pattern, text) = first.count <= second.count ? (first, second) : (second, first)
        let m = pattern.count
        guard m > 0 else { return text.count }
        let blocks = (m + 63) / 64
        // Rows of match masks: row r has bit i set where pattern[i] is the r-th distinct token.
        var rowOf: [UInt32: Int] = [:]
        for token in pattern where rowOf[token] == nil { rowOf[token] = rowOf.count }
        let absentRow = rowOf.count
        var peq = [UInt64](repeating: 0, count: (rowOf.count + 1) * blocks)
        for (i, token) in pattern.enumerated() {
            peq[(rowOf[token] ?? absentRow) * blocks + i / 64] |= 1 << UInt64(i % 64)
        }
        let textRows = text.map { rowOf[$0] ?? absentRow }
        var vp = [UInt64](repeating: ~0, count: blocks)
        var vn = [UInt64](repeating: 0, count: blocks)
        let lastBit = UInt64((m - 1) % 64)
        var score = m
        peq.withUnsafeBufferPointer { eqs in
            vp.withUnsafeMutableBufferPointer { vp in
                vn.withUnsafeMutableBufferPointer { vn in
                    for row in textRows {
                        score += step(eqs, row * blocks, blocks: blocks, lastBit: lastBit, vp: vp, vn: vn)
                    }
                }
            }
        }
        return score
    }

    /// One text token: updates the delta vectors and returns the change (−1, 0, +1) of the score
    /// in the last pattern row.
    @inline(__always)
    static func step(_ eqs: UnsafeBufferPointer<UInt64>, _ eqBase: Int, blocks: Int, lastBit: UInt64,
                     vp: UnsafeMutableBufferPointer<UInt64>, vn: UnsafeMutableBufferPointer<UInt64>) -> Int {
        var addCarry: UInt64 = 0
        var hpCarry: UInt64 = 1  // row 0 of the DP is 0, 1, 2, …: a +1 horizontal delta enters at the top
        var hnCarry: UInt64 = 0
        var delta = 0
        for b in 0..<blocks {
            let p = vp[b], n = vn[b]
            let x = eqs[eqBase + b] | n
            let (partial, overflow1) = (x & p).addingReportingOverflow(p)
            let (sum, overflow2) = partial.addingReportingOverflow(addCarry)
            addCarry = (overflow1 || overflow2) ? 1 : 0
            let d0 = (sum ^ p) | x
            let hp = n | ~(d0 | p)
            let hn = p & d0
            if b == blocks - 1 {
                delta = Int((hp >> lastBit) & 1) - Int((hn >> lastBit) & 1)
            }
            let hpShifted = (hp << 1) | hpCarry
            let hnShifted = (hn << 1) | hnCarry
            hpCarry = hp >> 63
            hnCarry = hn >> 63
            vn[b] = hpShifted & d0
            vp[b] = hnShifted | ~(hpShifted | d0)
        }
        return delta
    }
}
