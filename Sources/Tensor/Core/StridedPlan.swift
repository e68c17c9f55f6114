/// An iteration plan over up to three operands that share one index space (an output and the
/// inputs broadcast into it), with axes merged wherever every operand is contiguous across them.
///
/// Broadcast axes have stride 0. After merging, the innermost row is the unit of work, so the
/// per-row callback cost is paid once per row rather than once per element.
struct StridedPlan {
    private(set) var extents: [Int] = []
    private(set) var strides: [[Int]]

    /// - Parameters:
    ///   - extents: the shared index space.
    ///   - strides: one stride array per operand (same rank as `extents`).
    init(extents fullExtents: [Int], strides fullStrides: [[Int]]) {
        strides = Array(repeating: [], count: fullStrides.count)
        for axis in fullExtents.indices where fullExtents[axis] != 1 {
            let extent = fullExtents[axis]
            if let last = extents.indices.last,
               fullStrides.indices.allSatisfy({ strides[$0][last] == fullStrides[$0][axis] * extent }) {
                extents[last] *= extent
                for operand in strides.indices { strides[operand][last] = fullStrides[operand][axis] }
            } else {
                extents.append(extent)
                for operand in strides.indices { strides[operand].append(fullStrides[operand][axis]) }
            }
        }
        if extents.isEmpty {
            extents = [1]
            for operand in strides.indices { strides[operand] = [0] }
        }
    }

    /// Strides of operand `operand` broadcast from `shape` into `extents` of the same rank.
    static func broadcastStrides(of shape: [Int], into extents: [Int]) -> [Int] {
        precondition(shape.count == extents.count, "broadcast: rank of \(shape) differs from \(extents)")
        let dense = Tensor.strides(of: shape)
        return shape.indices.map { axis in
            precondition(shape[axis] == extents[axis] || shape[axis] == 1,
                         "broadcast: shape \(shape) does not broadcast to \(extents)")
            return shape[axis] == 1 && extents[axis] != 1 ? 0 : dense[axis]
        }
    }

    /// The length of the innermost row and each operand's stride along it.
    var rowLength: Int { extents[extents.count - 1] }
    func rowStride(_ operand: Int) -> Int { strides[operand][extents.count - 1] }

    /// The number of innermost rows.
    var rowCount: Int { extents.dropLast().reduce(1, *) }

    /// True when different rows never share an element of operand `operand` (so rows may be
    /// processed in parallel while writing it).
    func rowsAreDisjoint(in operand: Int) -> Bool {
        strides[operand].dropLast().enumerated().allSatisfy { axis, stride in stride != 0 || extents[axis] == 1 }
    }

    /// Calls `body(offsets)` with each operand's start offset for every innermost row, in order.
    func forEachRow(_ body: (_ offsets: (Int, Int, Int)) -> Void) {
        forEachRow(in: 0..<rowCount, body)
    }

    /// Like ``forEachRow(_:)`` for rows `range` only.
    func forEachRow(in range: Range<Int>, _ body: (_ offsets: (Int, Int, Int)) -> Void) {
        let outer = extents.count - 1
        let zeros = [Int](repeating: 0, count: extents.count)
        let s0 = strides[0], s1 = strides.count > 1 ? strides[1] : zeros, s2 = strides.count > 2 ? strides[2] : zeros
        var counter = [Int](repeating: 0, count: max(outer, 1))
        var offsets = (0, 0, 0)
        var remainder = range.lowerBound
        for axis in stride(from: outer - 1, through: 0, by: -1) {
            counter[axis] = remainder % extents[axis]
            remainder /= extents[axis]
            offsets.0 += counter[axis] * s0[axis]
            offsets.1 += counter[axis] * s1[axis]
            offsets.2 += counter[axis] * s2[axis]
        }
        for _ in range {
            body(offsets)
            var axis = outer - 1
            while axis >= 0 {
                counter[axis] += 1
                offsets.0 += s0[axis]; offsets.1 += s1[axis]; offsets.2 += s2[axis]
                if counter[axis] < extents[axis] { break }
                offsets.0 -= s0[axis] * extents[axis]
                offsets.1 -= s1[axis] * extents[axis]
                offsets.2 -= s2[axis] * extents[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
    }

    /// Runs `forEachRow` over contiguous row ranges on all cores when the work is large enough
    /// and rows write disjoint elements of `writtenOperand`; serially otherwise.
    func forEachRowInParallel(writing writtenOperand: Int, _ body: (_ offsets: (Int, Int, Int)) -> Void) {
        let rows = rowCount
        let parallel = rows > 1 && rows * rowLength >= Parallel.minimumElements && rowsAreDisjoint(in: writtenOperand)
        guard parallel else { return forEachRow(body) }
        let parts = min(Parallel.threadCount, rows)
        Parallel.forEach(parts, workers: parts) { _, part in
            forEachRow(in: (rows * part / parts)..<(rows * (part + 1) / parts), body)
        }
    }
}
