import Tensor
import XCTest

/// ``CoordinateNoise`` is standard normal, independent across channels and positions, and a pure
/// function of (key, channel, coordinate).
final class CoordinateNoiseTests: XCTestCase {
    func testValuesAreStandardNormalAndChannelsUncorrelated() {
        let noise = CoordinateNoise(key: CoordinateNoise.key(seed: 1, stream: 0))
        let t = Tensor.coordinateNoise(noise, channels: 3, origin: [-40, 0, -40], size: [80, 8, 80])
        let plane = 80 * 8 * 80
        for c in 0..<3 {
            let values = t.data[(c * plane)..<((c + 1) * plane)].map(Double.init)
            let mean = values.reduce(0, +) / Double(plane)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(plane)
            XCTAssertEqual(mean, 0, accuracy: 0.02, "channel \(c)")
            XCTAssertEqual(variance, 1, accuracy: 0.03, "channel \(c)")
            XCTAssertEqual(Double(values.filter { abs($0) > 1.96 }.count) / Double(plane), 0.05, accuracy: 0.005, "channel \(c): 5% beyond 1.96σ")
        }
        // Channels 0 and 1 come from one Box–Muller pair, 1 and 2 from different pairs.
        for (a, b) in [(0, 1), (1, 2)] {
            var dot = 0.0
            for i in 0..<plane { dot += Double(t.data[a * plane + i]) * Double(t.data[b * plane + i]) }
            XCTAssertEqual(dot / Double(plane), 0, accuracy: 0.02, "correlation of channels \(a) and \(b)")
        }
        // Neighbouring positions are uncorrelated too.
        var lag = 0.0
        for i in 0..<(plane - 1) { lag += Double(t.data[i]) * Double(t.data[i + 1]) }
        XCTAssertEqual(lag / Double(plane - 1), 0, accuracy: 0.02)
    }

    func testAValueDependsOnlyOnKeyChannelAndCoordinate() {
        let a = CoordinateNoise(key: CoordinateNoise.key(seed: 7, stream: 2))
        let window = Tensor.coordinateNoise(a, channels: 5, origin: [-3, 1, 1_000_000], size: [2, 3, 4])
        for c in 0..<5 { for x in 0..<2 { for y in 0..<3 { for z in 0..<4 {
            XCTAssertEqual(window.data[((c * 2 + x) * 3 + y) * 4 + z], a.normal(channel: c, x: x - 3, y: y + 1, z: z + 1_000_000))
        } } } }
        XCTAssertNotEqual(CoordinateNoise.key(seed: 7, stream: 2), CoordinateNoise.key(seed: 7, stream: 3))
        XCTAssertNotEqual(CoordinateNoise.key(seed: 7, stream: 2), CoordinateNoise.key(seed: 8, stream: 2))
    }
}
