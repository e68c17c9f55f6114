import Foundation

/// Why a new world could not be made. Each case names the folder, file or value and what to do.
public enum NewWorldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The target DataVersion predates 1.18 (2860), whose layout we do not write.
    case dataVersionTooOld(Int)
    /// The target folder already holds a world (a level.dat), which we never overwrite.
    case worldExists(path: String)
    /// A folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// A file could not be written (with the NBT or I/O error's description).
    case cannotWrite(path: String, reason: String)
    /// The spawn lies outside the world's build height (y −64…319 for every layout we write).
    case spawnOutsideWorld(y: Int)

    public var description: String {
        switch self {
        case let .dataVersionTooOld(dv):
            return "DataVersion \(dv) is older than 1.18 (2860): new worlds are written for 1.18 or newer; choose a current release such as 4671 (1.21.11)"
        case let .worldExists(path):
            return "\(path) already holds a world (level.dat): choose an empty or new folder for --new-world"
        case let .cannotCreateFolder(path, reason):
            return "cannot create the folder \(path): \(reason); check the path and its permissions"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason); check free space and permissions"
        case let .spawnOutsideWorld(y):
            return "the spawn's y \(y) lies outside the world's height (−64…319); place the samples inside it"
        }
    }
}
