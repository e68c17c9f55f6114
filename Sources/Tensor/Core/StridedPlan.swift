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

    /// Calls `body(offsets)` with each operand's start offset for every innermost row, in order.
    func forEachRow(_ body: (_ offsets: (Int, Int, Int)) -> Void) {
        let outer = extents.count - 1
        var counter = [Int](repeating: 0, count: max(outer, 1))
        var offsets = (0, 0, 0)
        let rows = extents[0..<outer].reduce(1, *)
        let s0 = strides[0], s1 = strides.count > 1 ? strides[1] : [Int](repeating: 0, count: extents.count)
        let s2 = strides.count > 2 ? strides[2] : [Int](repeating: 0, count: extents.count)
        for _ in 0..<rows {
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
}
