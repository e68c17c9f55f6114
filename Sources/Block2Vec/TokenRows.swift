/// Token → row lookup for `Vocabulary` and `Embeddings`.
/// - Precondition: `tokens` are distinct (`owner` names the type in the message).
func tokenRows(_ tokens: [String], owner: String) -> [String: Int] {
    var rows: [String: Int] = [:]
    rows.reserveCapacity(tokens.count)
    for (i, t) in tokens.enumerated() {
        precondition(rows[t] == nil, "\(owner): duplicate token \(t)")
        rows[t] = i
    }
    return rows
}
