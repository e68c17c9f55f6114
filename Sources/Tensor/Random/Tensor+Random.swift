/// Seeded random tensors (the init distributions of World-GAN and block2vec).
extension Tensor {
    /// Elements drawn from N(mean, standardDeviation²), in row-major order.
    public static func randomNormal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1,
                                    using generator: inout SeededGenerator) -> Tensor {
        Tensor.uninitialized(shape) { out in
            for i in 0..<out.count { out[i] = mean + standardDeviation * generator.nextNormal() }
        }
    }

    /// Elements drawn uniformly from [lower, upper), in row-major order.
    public static func randomUniform(_ shape: [Int], lower: Float, upper: Float,
                                     using generator: inout SeededGenerator) -> Tensor {
        Tensor.uninitialized(shape) { out in
            for i in 0..<out.count { out[i] = lower + (upper - lower) * generator.nextUniform() }
        }
    }
}

extension Tensor {
    /// `[1, channels] + size` of ``CoordinateNoise`` values for the grid positions `origin ..<
    /// origin + size` (D, H, W = x, y, z): the window of an unbounded noise field, so any two
    /// windows agree where they overlap. Rows are filled in parallel.
    /// - Complexity: O(channels · voxels), one hash and one Box–Muller pair per two channels.
    public static func coordinateNoise(_ noise: CoordinateNoise, channels: Int, origin: [Int], size: [Int]) -> Tensor {
        precondition(origin.count == 3 && size.count == 3 && size.allSatisfy { $0 >= 0 },
                     "coordinateNoise: origin \(origin) and size \(size) must have three axes")
        let plane = size[0] * size[1] * size[2]
        return Tensor.uninitialized([1, channels] + size) { out in
            guard let start = out.baseAddress else { return }
            let base = SendablePointer(start)
            Parallel.forEach(size[0]) { _, i in
                for j in 0..<size[1] {
                    for k in 0..<size[2] {
                        let voxel = (i * size[1] + j) * size[2] + k
                        for pair in 0..<((channels + 1) / 2) {
                            let (a, b) = noise.normals(pair: pair, x: origin[0] + i, y: origin[1] + j, z: origin[2] + k)
                            base.base[2 * pair * plane + voxel] = a
                            if 2 * pair + 1 < channels { base.base[(2 * pair + 1) * plane + voxel] = b }
                        }
                    }
                }
            }
        }
    }
}
