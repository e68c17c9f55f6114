/// Why a metric could not be computed.
public enum MetricsError: Error, Equatable, CustomStringConvertible {
    /// A voxel of `volume` at storage `offset` points at palette entry `index`, but the palette
    /// has only `paletteCount` entries (a damaged file).
    case paletteIndexOutOfRange(volume: String, offset: Int, index: UInt32, paletteCount: Int)
    /// `volume` (size x × y × z) has no window of `patternSize`³ voxels.
    case volumeSmallerThanPattern(volume: String, size: VolumeSize, patternSize: Int)
    /// Pattern sizes must be at least 1.
    case invalidPatternSize(Int)
    /// Evaluation needs at least one sample.
    case noSamples

    public var description: String {
        switch self {
        case let .paletteIndexOutOfRange(volume, offset, index, count):
            return "\(volume): voxel \(offset) uses palette index \(index) but the palette has \(count) entries; the file is damaged, re-export it"
        case let .volumeSmallerThanPattern(volume, size, k):
            return "\(volume) is \(size) blocks, smaller than the \(k)×\(k)×\(k) tile pattern; use smaller --pattern-sizes or a bigger sample"
        case let .invalidPatternSize(k):
            return "pattern size \(k) is invalid; use sizes of 1 or more (the paper uses 5 and 10)"
        case .noSamples:
            return "no samples to evaluate; pass one or more sample .schem files after the real volume"
        }
    }
}

/// A volume's extent in blocks, X × Y × Z.
public struct VolumeSize: Hashable, Sendable, Codable, CustomStringConvertible {
    public var x: Int, y: Int, z: Int
    public init(_ x: Int, _ y: Int, _ z: Int) { self.x = x; self.y = y; self.z = z }
    public var description: String { "\(x)×\(y)×\(z)" }
    public var count: Int { x * y * z }
}
