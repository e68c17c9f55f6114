import Foundation

/// Errors of training, run folders and sampling; each description says what, where, and what to do.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    /// A config field is out of range.
    case invalidSetting(name: String, value: String, requirement: String)
    /// The training volume has an axis shorter than the minimum.
    case volumeTooSmall(size: [Int], minimum: Int)
    /// The run folder exists and neither resume nor overwrite was asked for.
    case runExists(path: String)
    /// The run folder cannot be created or written.
    case notWritable(path: String, reason: String)
    /// A run-folder file is missing.
    case missingFile(path: String)
    /// A run-folder file is unreadable or inconsistent.
    case corruptFile(path: String, reason: String)
    /// Resuming found a finished run.
    case alreadyFinished(path: String)

    public var description: String {
        switch self {
        case .invalidSetting(let name, let value, let requirement):
            return "training setting \(name) is \(value) but must be \(requirement)"
        case .volumeTooSmall(let size, let minimum):
            return "the training volume is \(size.map(String.init).joined(separator: "×")) but every axis needs at least \(minimum) blocks; extract a larger region"
        case .runExists(let path):
            return "\(path) already exists; pass --resume to continue that run or --force to replace it"
        case .notWritable(let path, let reason):
            return "cannot write the run folder \(path) (\(reason)); choose another -o folder or fix its permissions"
        case .missingFile(let path):
            return "\(path) is missing; the run folder is incomplete (train it again or point to another run)"
        case .corruptFile(let path, let reason):
            return "\(path) is unreadable: \(reason); the run folder is damaged (train it again)"
        case .alreadyFinished(let path):
            return "\(path) has finished training; nothing to resume (use --force to train it again)"
        }
    }
}
