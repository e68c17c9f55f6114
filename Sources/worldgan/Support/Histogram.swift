import Anvil

/// Text tables of block counts, shared by `info` and `extract`.
enum HistogramTable {
    /// Rows `count  share  token`, most common first (ties by token), at most `limit` rows.
    static func format(_ counts: [BlockState: Int], limit: Int = 30) -> String {
        let total = counts.values.reduce(0, +)
        let rows = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.token < $1.key.token }
        var out = ""
        for (state, n) in rows.prefix(limit) {
            let share = total > 0 ? Double(n) * 100 / Double(total) : 0
            out += "\(String(n).leftPadded(10))  \(String(format: "%6.2f%%", share))  \(state.token)\n"
        }
        if rows.count > limit { out += "… and \(rows.count - limit) more block states\n" }
        out += "\(String(total).leftPadded(10))  total, \(rows.count) distinct block states\n"
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
