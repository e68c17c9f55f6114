import Tensor

/// The three-layer body shared by World-GAN's generator and discriminator:
/// head ConvBlock(C→nfc), body ConvBlock(nfc→nfc), tail Conv3d(nfc→outputs), all unpadded
/// (each spatial axis shrinks by 6 in total).
public struct ConvNet {
    public let head: ConvBlock
    public let body: ConvBlock
    public let tail: Conv3d
    /// Parameter-name prefix, `G` or `D`.
    public let name: String

    public init(name: String, channels: Int, features: Int, outputs: Int, using generator: inout SeededGenerator) {
        self.name = name
        head = ConvBlock(inputChannels: channels, outputChannels: features, using: &generator)
        body = ConvBlock(inputChannels: features, outputChannels: features, using: &generator)
        tail = Conv3d(inputChannels: features, outputChannels: outputs, using: &generator)
    }

    public func callAsFunction(_ x: Tensor, training: Bool) -> Tensor {
        tail(body(head(x, training: training), training: training))
    }

    /// Parameters in PyTorch's order, named as in the parity files (`G.head.conv.weight`, …).
    public var namedParameters: [(String, Tensor)] {
        head.namedParameters("\(name).head") + body.namedParameters("\(name).body") + tail.namedParameters("\(name).tail")
    }

    public var parameters: [Tensor] { namedParameters.map(\.1) }

    /// The BatchNorm layers by name (`G.head.bn`, `G.body.bn`), for running statistics.
    public var normalizations: [(String, BatchNorm3d)] {
        [("\(name).head.bn", head.norm), ("\(name).body.bn", body.norm)]
    }

    /// Replays the running-statistics updates of the latest training-mode forward, as if it had
    /// run again on the same input with the same parameters.
    public func repeatLastRunningStatisticsUpdate() {
        head.norm.repeatLastUpdate()
        body.norm.repeatLastUpdate()
    }

    /// Makes the latest training-mode forward's batch statistics every norm's running statistics.
    public func adoptLastBatchStatistics() {
        head.norm.adoptLastBatchStatistics()
        body.norm.adoptLastBatchStatistics()
    }

    /// Overwrites this net's parameters and running statistics with copies of `other`'s (same shapes).
    public func copyWeights(from other: ConvNet) {
        for ((name, mine), (_, theirs)) in zip(namedParameters, other.namedParameters) {
            precondition(mine.count == theirs.count, "ConvNet.copyWeights: \(name) has \(mine.count) values, the source \(theirs.count)")
            mine.data = theirs.data
        }
        for ((_, mine), (_, theirs)) in zip(normalizations, other.normalizations) {
            mine.runningMean = theirs.runningMean
            mine.runningVariance = theirs.runningVariance
        }
    }

    /// Overwrites parameters and running statistics from `values` (name → row-major floats), e.g.
    /// a checkpoint or a parity fixture. Running statistics are optional (`…bn.running_mean/var`).
    /// - Throws: ``WorldGANError/missingParameter(name:)`` or ``WorldGANError/parameterSize(name:expected:found:)``.
    public func load(_ values: [String: [Float]]) throws {
        for (key, tensor) in namedParameters {
            guard let data = values[key] else { throw WorldGANError.missingParameter(name: key) }
            guard data.count == tensor.count else {
                throw WorldGANError.parameterSize(name: key, expected: tensor.count, found: data.count)
            }
            tensor.data = data
        }
        for (key, norm) in normalizations {
            if let mean = values["\(key).running_mean"] {
                guard mean.count == norm.runningMean.count else {
                    throw WorldGANError.parameterSize(name: "\(key).running_mean", expected: norm.runningMean.count, found: mean.count)
                }
                norm.runningMean = mean
            }
            if let variance = values["\(key).running_var"] {
                guard variance.count == norm.runningVariance.count else {
                    throw WorldGANError.parameterSize(name: "\(key).running_var", expected: norm.runningVariance.count, found: variance.count)
                }
                norm.runningVariance = variance
            }
        }
    }
}
