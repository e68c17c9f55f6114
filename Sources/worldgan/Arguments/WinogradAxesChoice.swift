import ArgumentParser
import Tensor

/// `--winograd-axes auto|1|2` of the benchmarks: the library's choice per convolution, or every
/// 3×3×3 convolution on the one-axis or (where it applies) the two-axis Winograd path.
enum WinogradAxesChoice: String, ExpressibleByArgument, CaseIterable {
    case auto
    case one = "1"
    case two = "2"

    var axes: WinogradAxes {
        switch self {
        case .auto: return .automatic
        case .one: return .one
        case .two: return .two
        }
    }
}
