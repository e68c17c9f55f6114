import CKernels

/// Over how many axes the 3×3×3 convolutions use Winograd F(4,3): along one axis (13.5
/// multiply-adds per output and input channel instead of 27), or across two (6.75, at the price
/// of larger transforms; ``WinogradTiling``). By default the library picks per convolution
/// (two axes for convolutions with many channels and long rows of tiles, where no row axis is
/// fixed); forcing one lets tests and benchmarks run either path on any shape.
///
/// ```swift
/// let y = WinogradAxes.with(.two) { x.conv3d(weight: w) }
/// ```
public enum WinogradAxes: Int32, Sendable {
    /// The library's choice per convolution.
    case automatic = 0
    case one = 1
    /// Two axes where the path applies (no fixed row axis); elsewhere one.
    case two = 2

    /// The choice in force now.
    public static var current: WinogradAxes { WinogradAxes(rawValue: wg_conv_winograd_axes()) ?? .automatic }

    /// Runs `body` with `axes` forced, then restores the previous choice. Not for concurrent use:
    /// the switch is process-wide.
    public static func with<T>(_ axes: WinogradAxes, _ body: () throws -> T) rethrows -> T {
        let previous = wg_conv_winograd_axes()
        wg_conv_set_winograd_axes(axes.rawValue)
        defer { wg_conv_set_winograd_axes(previous) }
        return try body()
    }
}
