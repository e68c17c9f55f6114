/// A file or folder a command needs that is missing or unusable: a runtime error (exit status 1),
/// not a usage error (64), so it prints one line naming the path and no usage text.
enum FileError: Error, Equatable, CustomStringConvertible {
    /// An input path that does not exist (`folderAllowed`: a folder would have done too).
    case noSuchFile(path: String, folderAllowed: Bool)
    /// An output folder that could not be made.
    case cannotCreateFolder(path: String, reason: String)
    /// An output folder that exists but cannot be written.
    case folderNotWritable(path: String)

    var description: String {
        switch self {
        case let .noSuchFile(path, folderAllowed): "\(path): no such file\(folderAllowed ? " or folder" : "")"
        case let .cannotCreateFolder(path, reason): "cannot create the output folder \(path): \(reason)"
        case let .folderNotWritable(path): "the output folder \(path) is not writable"
        }
    }
}
