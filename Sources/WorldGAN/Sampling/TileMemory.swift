import Tensor

/// How much memory sampling a window takes, and the largest tiles that fit a budget.
///
/// The estimate follows ``TiledSampler/window(_:)`` step by step: at each scale the previous
/// scale's part, the resized and padded inputs, the noise, the residual, then each convolution's
/// input, output and kernel scratch (``Tensor/conv3dScratchCount(input:weight:padding:rowAxis:)``,
/// kept by the kernels for reuse, so counted once more beside every other step). A safety factor
/// covers the allocator's fragmentation.
///
/// ```swift
/// let memory = TileMemory(pyramid: pyramid, geometry: geometry)
/// let side = memory.largestTile(within: 600 << 20)       // voxels along X and Z
/// ```
public struct TileMemory {
    public let pyramid: TrainedPyramid
    public let geometry: SampleGeometry
    /// Multiplies the counted bytes (allocator slack, short-lived copies).
    public static let safetyFactor = 1.25

    public init(pyramid: TrainedPyramid, geometry: SampleGeometry) {
        self.pyramid = pyramid
        self.geometry = geometry
    }

    /// Estimated peak bytes of sampling `window` (finest scale).
    public func bytes(for window: [Range<Int>]) -> Int {
        let parts = geometry.windows(for: window)
        let channels = pyramid.channels
        var peak = 0, scratch = 0, stages: [Int] = []
        for k in parts.indices {
            let out = parts[k].map(\.count), read = geometry.inputWindow(of: parts[k], scale: k).map(\.count)
            let padded = out.map { $0 + 2 * SampleGeometry.margin }
            let below = k > 0 ? volume(parts[k - 1].map(\.count)) : 0
            // prev (read), input and noise (padded), noise before padding (read), residual (out).
            stages.append(channels * (max(below, volume(read)) + volume(read) + 2 * volume(padded) + volume(out)))
            var extent = padded, inChannels = channels
            for weight in [pyramid.generators[k].net.head.conv.weight, pyramid.generators[k].net.body.conv.weight,
                                pyramid.generators[k].net.tail.weight] {
                let output = extent.map { $0 - 2 }
                let kernel = Tensor.conv3dScratchCount(input: [1, inChannels] + extent, weight: weight.shape, rowAxis: geometry.rowAxis)
                scratch = max(scratch, kernel)
                let residual = channels * volume(out)
                peak = max(peak, inChannels * volume(extent) + weight.shape[0] * volume(output) + kernel + residual)
                extent = output
                inChannels = weight.shape[0]
            }
        }
        let floats = max(peak, (stages.max() ?? 0) + scratch)
        return Int(Double(floats * MemoryLayout<Float>.size) * Self.safetyFactor)
    }

    /// The largest tile side (a multiple of ``SampleGeometry/alignment``, at least 4) whose
    /// interior tiles need at most `budget` bytes; tiles span the whole height.
    public func largestTile(within budget: Int) -> Int {
        let finest = geometry.finest
        let limit = max(finest[0], finest[2])
        func fits(_ side: Int) -> Bool {
            let x = min(side, finest[0]), z = min(side, finest[2])
            let x0 = max(0, (finest[0] - x) / 2) / 4 * 4, z0 = max(0, (finest[2] - z) / 2) / 4 * 4
            return bytes(for: [x0..<(x0 + x), 0..<finest[1], z0..<(z0 + z)]) <= budget
        }
        var low = SampleGeometry.alignment, high = (limit + 3) / 4 * 4
        if fits(high) { return high }
        while high - low > SampleGeometry.alignment {
            let mid = (low + high) / 2 / 4 * 4
            if fits(mid) { low = mid } else { high = mid }
        }
        return low
    }

    private func volume(_ extent: [Int]) -> Int { extent.reduce(1, *) }
}
