import Anvil
import ArgumentParser
import Foundation
import SampleWorld

/// Where the sample ruin sits in the sample world, and how the world around it is made.
enum SampleWorldLayout {
    /// Minecraft 1.21.11.
    static let dataVersion = 4671

    static func write(ruin: BlockVolume, to folder: URL, force: Bool) throws {
        throw ValidationError("writing the sample world folder needs the region writer (not merged yet)")
    }
}
