/// A triple-valued option followed by something other than its three numbers (a usage error, exit 64).
enum TripleArgumentError: Error, Equatable, CustomStringConvertible {
    /// `option` needs three numbers of `kind`; `got` are the words found instead (empty: none).
    case notThreeNumbers(option: String, kind: TripleKind, got: [String])

    var description: String {
        switch self {
        case let .notThreeNumbers(option, kind, got):
            let (what, example) = switch kind {
            case .wholeNumbers: ("three whole numbers X Y Z", "-10 64 5")
            case .decimals: ("three numbers X Y Z", "1.5 1 2")
            case .rectangle: ("four whole numbers X0 Z0 X1 Z1", "-512 -512 511 511")
            case .height: ("one whole number Y", "-62")
            }
            let found = got.isEmpty ? "nothing" : "'\(got.joined(separator: " "))'"
            return "\(option) expects \(what) (e.g. \(option) \(example) or \(option)=\(example.split(separator: " ").joined(separator: ","))), got \(found)"
        }
    }
}
