import Anvil
import SeededRandom
import XCTest

final class PackedIndicesTests: XCTestCase {
    func testEveryWidthRoundTripsInBothPackings() {
        var cases = 0
        for packing in [PackedIndices.Packing.straddling, .padded] {
            for bits in 1...64 {
                for count in [1, 63, 64, 65, 4096] {
                    let seed = UInt64(bits * 10_000 + count) &+ (packing == .padded ? 1 << 40 : 0)
                    var rng = SeededGenerator(seed: seed)   // failures name a reproducible seed
                    let mask: UInt64 = bits == 64 ? .max : (1 << UInt64(bits)) - 1
                    let values = (0..<count).map { _ in rng.next() & mask }
                    let longs = PackedIndices.encode(values, bits: bits, packing: packing)
                    XCTAssertEqual(longs.count, PackedIndices.longCount(count: count, bits: bits, packing: packing),
                                   "seed \(seed): bits \(bits) \(packing)")
                    XCTAssertEqual(PackedIndices.decode(longs, count: count, bits: bits, packing: packing), values,
                                   "seed \(seed): bits \(bits), count \(count), \(packing)")
                    cases += 1
                }
            }
        }
        XCTAssertEqual(cases, 2 * 64 * 5, "guard: every width and packing ran")
    }

    func testPaddedPackingKeepsWholeEntriesPerLong() {
        // Five-bit entries: 12 per long, top 4 bits padding; the 13th entry opens the second long.
        let longs = PackedIndices.encode([UInt64](repeating: 31, count: 13), bits: 5, packing: .padded)
        XCTAssertEqual(longs, [0x0FFF_FFFF_FFFF_FFFF, 31])
        XCTAssertEqual(PackedIndices.encode([1, 2, 3], bits: 4, packing: .padded), [0x321])
    }

    func testStraddlingPackingRunsEntriesAcrossLongs() {
        // Thirteen five-bit entries fill 65 bits: the 13th entry's top bit lands in the second long.
        let longs = PackedIndices.encode([UInt64](repeating: 31, count: 13), bits: 5, packing: .straddling)
        XCTAssertEqual(longs, [-1, 1])
        // An entry split 4 + 1 bits: value 0b10110 at bit 60.
        var values = [UInt64](repeating: 0, count: 13)
        values[12] = 0b10110
        XCTAssertEqual(PackedIndices.encode(values, bits: 5, packing: .straddling), [0x6000_0000_0000_0000, 1])
    }

    func testLongCountsMatchTheGameForFullSections() {
        XCTAssertEqual(PackedIndices.longCount(count: 4096, bits: 4, packing: .padded), 256)
        XCTAssertEqual(PackedIndices.longCount(count: 4096, bits: 5, packing: .padded), 342)
        XCTAssertEqual(PackedIndices.longCount(count: 4096, bits: 5, packing: .straddling), 320)
        XCTAssertEqual(PackedIndices.longCount(count: 64, bits: 1, packing: .padded), 1)
    }

    func testBlockBitWidthIsAtLeastFourAndGrowsWithThePalette() {
        XCTAssertEqual(PackedIndices.bitsForBlocks(paletteCount: 1), 4)
        XCTAssertEqual(PackedIndices.bitsForBlocks(paletteCount: 16), 4)
        XCTAssertEqual(PackedIndices.bitsForBlocks(paletteCount: 17), 5)
        XCTAssertEqual(PackedIndices.bitsForBlocks(paletteCount: 256), 8)
        XCTAssertEqual(PackedIndices.bitsForBlocks(paletteCount: 257), 9)
        XCTAssertEqual(PackedIndices.ceilLog2(1), 0)
        XCTAssertEqual(PackedIndices.ceilLog2(2), 1)
        XCTAssertEqual(PackedIndices.ceilLog2(1025), 11)
    }
}
