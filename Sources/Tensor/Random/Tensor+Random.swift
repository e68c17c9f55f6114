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
