import CKernels
import Tensor
import XCTest

/// The C kernels (CKernels) bit for bit against Swift references that spell out each kernel's
/// documented arithmetic order, so vectorised paths and their scalar tails provably compute the
/// same thing: tiled sampling needs windows of a volume to reproduce its voxels exactly, and the
/// AVX2 path must keep the results it had before it was vectorised. Run on the AVX2 path and on
/// the default one (AVX-512 where the CPU has it; the weight gradient's lane sums are AVX2's only).
final class KernelArithmeticOrderTests: XCTestCase {
    /// Both instruction-set paths, the AVX2 one forced.
    private func onEveryPath(_ body: (String) -> Void) {
        KernelInstructionSet.withAVX2Only {
            XCTAssertEqual(KernelInstructionSet.current, .avx2)
            body("AVX2")
        }
        body("default")
    }

    private func random(_ count: Int, seed: UInt64) -> [Float] {
        randomTensor([max(count, 1)], seed: seed, requiresGrad: false).data
    }

    private func assertBitIdentical(_ actual: [Float], _ expected: [Float], _ what: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, what, file: file, line: line)
        let first = zip(actual, expected).enumerated().first { $0.element.0.bitPattern != $0.element.1.bitPattern }?.offset
        XCTAssertNil(first, "\(what): first difference at \(first ?? -1)", file: file, line: line)
    }

    // MARK: Winograd quad transform

    /// `u[k][i] = matrix[k][0]·d0` then fused multiply-adds for j = 1 … taps − 1 (reads past `length` are 0).
    private func referenceQuads(_ x: [Float], offset: Int, matrix: [Float], taps: Int, count: Int) -> [Float] {
        var u = [Float](repeating: 0, count: Int(WG_WINOGRAD_POINTS) * count)
        for i in 0..<count {
            let d = (0..<taps).map { j in 4 * i + offset + j < x.count ? x[4 * i + offset + j] : 0 }
            for k in 0..<Int(WG_WINOGRAD_POINTS) {
                var sum = matrix[k * taps] * d[0]
                for j in 1..<taps { sum = sum.addingProduct(matrix[k * taps + j], d[j]) }
                u[k * count + i] = sum
            }
        }
        return u
    }

    func testQuadTransformMatchesItsScalarArithmeticForEveryLengthAndOffset() {
        let inputTransform: [Float] = [4, 0, -5, 0, 1, 0, 0, -4, -4, 1, 1, 0, 0, 4, -4, -1, 1, 0,
                                       0, -2, -1, 2, 1, 0, 0, 2, -1, -2, 1, 0, 0, 4, 0, -5, 0, 1]
        // Lengths from a partial first block to several 8- and 16-quad vector blocks plus tails.
        let lengths = Array(1...90) + [127, 128, 129, 200, 263]
        var cases = 0
        onEveryPath { path in
            for taps in [4, 6] {
                let matrices = [random(6 * taps, seed: UInt64(taps)), taps == 6 ? inputTransform : random(24, seed: 9)]
                for length in lengths {
                    let x = random(length, seed: UInt64(1000 + length))
                    for offset in 0..<6 {
                        let count = (length + 3) / 4 + 3
                        for matrix in matrices {
                            var u = [Float](repeating: .nan, count: 6 * count)
                            wg_winograd_quads(x, length, offset, matrix, taps, &u, count, count)
                            let expected = referenceQuads(x, offset: offset, matrix: matrix, taps: taps, count: count)
                            assertBitIdentical(u, expected, "\(path) taps \(taps) length \(length) offset \(offset)")
                            cases += 1
                        }
                    }
                }
            }
        }
        XCTAssertEqual(cases, 2 * 2 * lengths.count * 6 * 2)
    }

    // MARK: Winograd output transform

    /// `y = Aᵀ M` with the shared sums a, b, c, d; products by 2, 4 and 8 are rounded before the add
    /// (they are exact, so a fused multiply-add would give the same bits).
    private func referenceOutput(_ m: [[Float]], j: Int) -> Float {
        let q = j / 4
        let (a, b) = (m[1][q] + m[2][q], m[1][q] - m[2][q])
        let (c, d) = (m[3][q] + m[4][q], m[3][q] - m[4][q])
        switch j % 4 {
        case 0: return m[0][q] + a + c
        case 1: return b + 2 * d
        case 2: return a + 4 * c
        default: return b + 8 * d + m[5][q]
        }
    }

    func testOutputTransformMatchesItsScalarArithmeticForEveryStartAndCount() {
        let quads = 60
        let m = (0..<6).map { random(quads, seed: 200 + UInt64($0)) }
        let flat = m.flatMap { $0 }
        onEveryPath { path in
            for j0 in 0..<9 {
                for count in Array(0...80) + [150, 4 * quads - 9 - j0] {
                    for stride in [1, 3] {
                        var out = [Float](repeating: .nan, count: max(count * stride, 1))
                        flat.withUnsafeBufferPointer { buffer in
                            let rows: [UnsafePointer<Float>?] = (0..<6).map { buffer.baseAddress! + $0 * quads }
                            wg_winograd_output_row(rows, j0, count, &out, stride)
                        }
                        let expected = (0..<count).map { referenceOutput(m, j: j0 + $0) }
                        let written = (0..<count).map { out[$0 * stride] }
                        assertBitIdentical(written, expected, "\(path) j0 \(j0) count \(count) stride \(stride)")
                    }
                }
            }
        }
    }

    // MARK: Direct convolution and weight gradient

    /// Row taps of the Winograd path (9) and all taps of a direct 3×3×3 kernel (27) on a made-up wide grid.
    private let shiftSets: [[Int]] = [
        (0..<9).map { $0 / 3 * 300 + $0 % 3 * 17 },
        (0..<27).map { $0 / 9 * 900 + $0 / 3 % 3 * 30 + $0 % 3 },
    ]

    /// One output of wg_conv_wide: fused multiply-adds over (c, t) within each group of 32 input
    /// channels, groups added to the stored output in order.
    private func referenceConv(x: [Float], ldx: Int, inChannels: Int, shifts: [Int], packed: [Float],
                               o: Int, j: Int) -> Float {
        let (taps, rowBlock) = (shifts.count, Int(WG_CONV_ROW_BLOCK))
        var y: Float = 0
        for g0 in stride(from: 0, to: inChannels, by: 32) {
            var sum: Float = 0
            for c in g0..<min(g0 + 32, inChannels) {
                for t in 0..<taps {
                    let w = packed[((o / rowBlock * inChannels + c) * taps + t) * rowBlock + o % rowBlock]
                    sum = sum.addingProduct(w, x[c * ldx + j + shifts[t]])
                }
            }
            y = g0 == 0 ? sum : y + sum
        }
        return y
    }

    func testConvolutionSumsEveryOutputInTheDocumentedOrderOnAnyColumnRange() {
        // Channel counts across the 32-channel group and the 8-row block (padding rows, half blocks).
        let shapes = [(1, 1), (3, 4), (5, 13), (33, 12), (70, 5), (32, 8)]
        let block = Int(WG_CONV_COLUMN_BLOCK)
        onEveryPath { path in
            for (index, (inChannels, outChannels)) in shapes.enumerated() {
                let shifts = shiftSets[index % 2]
                let (ldx, ldy) = (5 * block + 2000, 5 * block)
                let x = random(inChannels * ldx, seed: 300 + UInt64(index))
                let packed = random((outChannels + 7) / 8 * inChannels * shifts.count * 8, seed: 310 + UInt64(index))
                for (begin, end) in [(block, 4 * block), (0, block), (3 * block, 5 * block)] {
                    var y = [Float](repeating: .nan, count: outChannels * ldy)
                    wg_conv_wide(x, ldx, inChannels, shifts, shifts.count, packed, outChannels, &y, ldy, begin, end)
                    for o in 0..<outChannels {
                        let row = Array(y[(o * ldy + begin)..<(o * ldy + end)])
                        let expected = (begin..<end).map {
                            referenceConv(x: x, ldx: ldx, inChannels: inChannels, shifts: shifts, packed: packed, o: o, j: $0)
                        }
                        assertBitIdentical(row, expected, "\(path) \(inChannels) → \(outChannels) row \(o) columns \(begin)..<\(end)")
                        XCTAssertTrue(y[(o * ldy)..<(o * ldy + begin)].allSatisfy(\.isNaN), "\(path): wrote before column \(begin)")
                        XCTAssertTrue(y[(o * ldy + end)..<((o + 1) * ldy)].allSatisfy(\.isNaN), "\(path): wrote past column \(end)")
                    }
                }
            }
        }
    }

    /// The AVX2 weight gradient of one entry: per 2048-column chunk, eight lanes of fused
    /// multiply-adds (lane l takes columns ≡ l mod 8), summed as ((l0+l4)+(l2+l6)) + ((l1+l5)+(l3+l7))
    /// and added to dw in chunk order.
    private func referenceWeightGradient(g: [Float], ldg: Int, x: [Float], ldx: Int, shift: Int,
                                         o: Int, c: Int, columns: Int, initial: Float) -> Float {
        var dw = initial
        for j0 in stride(from: 0, to: columns, by: 2048) {
            var lanes = [Float](repeating: 0, count: 8)
            for j in stride(from: j0, to: min(j0 + 2048, columns), by: 8) {
                for l in 0..<8 { lanes[l] = lanes[l].addingProduct(g[o * ldg + j + l], x[c * ldx + j + l + shift]) }
            }
            dw += ((lanes[0] + lanes[4]) + (lanes[2] + lanes[6])) + ((lanes[1] + lanes[5]) + (lanes[3] + lanes[7]))
        }
        return dw
    }

    func testAVX2WeightGradientSumsEveryEntryInTheDocumentedOrderWhateverTheChannelSplit() {
        let (inChannels, rowBlock) = (5, Int(WG_WGRAD_ROW_BLOCK))
        KernelInstructionSet.withAVX2Only {
            for (index, (outChannels, columns)) in [(1, 16), (2, 2064), (4, 48), (7, 4112), (3, 2048)].enumerated() {
                let shifts = shiftSets[index % 2]
                let taps = shifts.count
                let (ldg, ldx) = (columns + 8, columns + 2000)
                let g = random((outChannels + rowBlock - 1) / rowBlock * rowBlock * ldg, seed: 400 + UInt64(index))
                let x = random(inChannels * ldx, seed: 410 + UInt64(index))
                let initial = random(outChannels * inChannels * taps, seed: 420 + UInt64(index))
                var whole = initial, split = initial
                wg_conv_weight_gradient(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, &whole, 0, inChannels)
                wg_conv_weight_gradient(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, &split, 0, 2)
                wg_conv_weight_gradient(g, ldg, outChannels, x, ldx, inChannels, shifts, taps, columns, &split, 2, inChannels)
                let expected = (0..<initial.count).map { e in
                    referenceWeightGradient(g: g, ldg: ldg, x: x, ldx: ldx, shift: shifts[e % taps], o: e / taps / inChannels,
                                            c: e / taps % inChannels, columns: columns, initial: initial[e])
                }
                assertBitIdentical(whole, expected, "\(outChannels) rows, \(columns) columns, \(taps) taps")
                assertBitIdentical(split, expected, "\(outChannels) rows, \(columns) columns, split channels")
            }
        }
    }
}
