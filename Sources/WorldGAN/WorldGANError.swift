/// Errors of the WorldGAN module; each case names what is wrong and where.
public enum WorldGANError: Error, Equatable, CustomStringConvertible {
    /// A weight set lacks a parameter the network needs.
    case missingParameter(name: String)
    /// A stored parameter has the wrong number of elements.
    case parameterSize(name: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .missingParameter(let name):
            return "parameter \(name) is missing from the weights; re-export them from a run of the same configuration"
        case .parameterSize(let name, let expected, let found):
            return "parameter \(name) has \(found) values but the network needs \(expected); channels or nfc differ from the run that saved it"
        }
    }
}
