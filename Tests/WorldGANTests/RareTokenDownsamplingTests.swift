import Tensor
import WorldGAN
import XCTest

final class RareTokenDownsamplingTests: XCTestCase {
    /// A one-hot 8×8×8 volume of air (channel 0) with a wall one block thick at x = 3 (channel 1).
    private func wall() -> Tensor {
        let n = 8 * 8 * 8
        var data = [Float](repeating: 0, count: 2 * n)
        for x in 0..<8 { for y in 0..<8 { for z in 0..<8 {
            let voxel = (x * 8 + y) * 8 + z
            data[(x == 3 ? 1 : 0) * n + voxel] = 1
        } } }
        return Tensor(shape: [1, 2, 8, 8, 8], data: data)
    }

    func testOneHotDownsamplingKeepsAThinWallThatTrilinearAveragesAway() throws {
        let plain = try ScalePyramid(real: wall(), factors: [0.5, 1], minimumExtent: 4)
        let kept = try ScalePyramid(real: wall(), factors: [0.5, 1], minimumExtent: 4, keepRareTokens: true)
        XCTAssertEqual(kept.shapes[0], [4, 4, 4])
        func wallVoxels(_ t: Tensor) -> Int {
            let n = t.count / 2
            return (0..<n).filter { t.data[n + $0] > t.data[$0] }.count
        }
        XCTAssertEqual(wallVoxels(plain.reals[0]), 0, "trilinear: air outweighs the wall everywhere")
        XCTAssertGreaterThanOrEqual(wallVoxels(kept.reals[0]), 16, "a whole layer of the 4×4×4 scale is wall")
        // Still one-hot, and the full-size scale is the input itself.
        XCTAssertEqual(Set(kept.reals[0].data), [0, 1])
        XCTAssertEqual(kept.reals[1].data, wall().data)
    }
}
