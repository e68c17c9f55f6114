import Tensor

/// GPNN's nearest-patch choice with completeness: per query patch, the key patch of least
/// `d(q, k) / (completeness + m(k))`, where `d` is the squared distance and `m(k)` the key's
/// smallest distance to any query (a key some query matches closely weighs more, so every key is
/// used somewhere, not the commonest everywhere); never a key ``ExcludedNeighbourhood`` excludes.
///
/// `m(k)` needs every distance before any query can choose, and a 48×17×48 sample's finest scale
/// has 31,740 patches on each side: a billion distances, too many to keep. Computing them twice
/// (once for `m`, once for the choice) made this search most of `generate`'s time. Instead one
/// pass keeps, per query, its ``candidates`` nearest keys by plain distance; a key outside them
/// is at least as far as the last of them, `D`, and since `m(k) ≤ d(q, k)` its score is at least
/// `D / (completeness + D)`. A query whose best candidate scores below that bound has its exact
/// answer; only the others (few) have their distances computed again.
struct CompletenessSearch {
    /// GPNN's α.
    let completeness: Float
    /// Keys each query may not take, if any.
    let excluded: ExcludedNeighbourhood?
    /// Nearest keys kept per query in the single pass.
    static let candidates = 16
    /// Distances computed at once (a block of queries against every key), bounding the memory.
    var blockElements = 1 << 22

    init(completeness: Float, excluded: ExcludedNeighbourhood? = nil) {
        self.completeness = completeness
        self.excluded = excluded
    }

    /// Per query row, the chosen key row, given the two sides' ``PatchProjection`` operands.
    /// Ties go to the lower key. The same as scoring every pair, in about half the time.
    func choose(_ queries: Tensor, _ keys: Tensor) -> [Int] {
        search(queries, keys).choice
    }

    /// ``choose(_:_:)``'s choice, and how many queries the candidates did not settle (their
    /// distances computed again).
    ///
    /// Without exclusions, identical rows are searched once: a structure's patches repeat (the
    /// air above a ruin: thousands of equal key patches), and a query's nearest keys would
    /// otherwise be copies of one patch, at one distance, which bounds nothing. Equal keys score
    /// equally, so the lowest of them is the one ties give; equal queries choose alike.
    func search(_ queries: Tensor, _ keys: Tensor) -> (choice: [Int], unsettled: Int) {
        guard excluded == nil else { return searchRows(queries, keys) }
        let uniqueKeys = UniqueRows.of(keys).0, (uniqueQueries, queryRows) = UniqueRows.of(queries)
        let found = searchRows(uniqueQueries.rows, uniqueKeys.rows)
        return (queryRows.map { uniqueKeys.first[found.choice[$0]] }, found.unsettled)
    }

    private func searchRows(_ queries: Tensor, _ keys: Tensor) -> (choice: [Int], unsettled: Int) {
        let keyCount = keys.shape[0], count = queries.shape[0]
        let blocks = blocks(of: Array(0..<count), keyCount: keyCount)
        var smallest = [Float](repeating: .infinity, count: keyCount)
        var nearest = NearestKeys(queries: count, capacity: Self.candidates)
        // One block (a small layout) keeps its distances for the queries the bound cannot settle.
        var kept: Tensor?
        for rows in blocks {
            let distances = PatchProjection.squaredDistances(queries, rows: rows, to: keys)
            distances.data.withUnsafeBufferPointer { d in
                for (offset, query) in rows.enumerated() {
                    let line = UnsafeBufferPointer(rebasing: d[(offset * keyCount)..<((offset + 1) * keyCount)])
                    let allowed = allowedKeys(query, keyCount)
                    smallest.withUnsafeMutableBufferPointer { lowerMinimum($0, line, allowed: allowed) }
                    nearest.collect(query, line, allowed: allowed)
                }
            }
            if blocks.count == 1 { kept = distances }
        }
        // Rounding can leave a distance a hair below zero.
        // A key no query may take keeps the heaviest weight (used only by the fallback below).
        let weights = smallest.map { $0.isFinite ? 1 / (completeness + max(0, $0)) : 1 / completeness }
        var choice = [Int](repeating: 0, count: count), unsettled: [Int] = []
        for query in 0..<count {
            if let key = nearest.settledChoice(query, weights: weights, completeness: completeness) {
                choice[query] = key
            } else {
                unsettled.append(query)
            }
        }
        for rows in self.blocks(of: unsettled, keyCount: keyCount) {
            let distances = kept ?? PatchProjection.squaredDistances(queries, rows: rows, to: keys)
            distances.data.withUnsafeBufferPointer { d in
                for (offset, query) in rows.enumerated() {
                    let start = (kept == nil ? offset : query) * keyCount
                    let line = UnsafeBufferPointer(rebasing: d[start..<(start + keyCount)])
                    choice[query] = bestKey(line, weights: weights, allowed: allowedKeys(query, keyCount))
                }
            }
        }
        return (choice, unsettled.count)
    }

    /// `rows` split into runs of consecutive rows (of at most ``blockElements`` distances each).
    private func blocks(of rows: [Int], keyCount: Int) -> [Range<Int>] {
        let size = max(1, blockElements / max(1, keyCount))
        var out: [Range<Int>] = []
        var index = 0
        while index < rows.count {
            var end = index + 1
            while end < rows.count && end - index < size && rows[end] == rows[end - 1] + 1 { end += 1 }
            out.append(rows[index]..<(rows[end - 1] + 1))
            index = end
        }
        return out
    }

    /// Which keys `query` may take (nil: all).
    private func allowedKeys(_ query: Int, _ keyCount: Int) -> [Bool]? {
        excluded.map { excluded in (0..<keyCount).map { !excluded.contains(query: query, key: $0) } }
    }

    private func lowerMinimum(_ smallest: UnsafeMutableBufferPointer<Float>, _ line: UnsafeBufferPointer<Float>, allowed: [Bool]?) {
        if let allowed {
            for key in 0..<line.count where allowed[key] { smallest[key] = min(smallest[key], line[key]) }
        } else {
            for key in 0..<line.count { smallest[key] = min(smallest[key], line[key]) }
        }
    }

    /// The allowed key of least weighted distance on `line` (the nearest of all when none is allowed).
    private func bestKey(_ line: UnsafeBufferPointer<Float>, weights: [Float], allowed: [Bool]?) -> Int {
        var best = 0, bestScore = Float.infinity
        for key in 0..<line.count where allowed?[key] != false {
            let score = line[key] * weights[key]
            if score < bestScore { best = key; bestScore = score }
        }
        // Every key excluded (a source too small to move anything): the nearest of all.
        if bestScore == .infinity {
            for key in 0..<line.count where line[key] * weights[key] < bestScore { best = key; bestScore = line[key] * weights[key] }
        }
        return best
    }
}

/// The distinct rows of a matrix, in order of first occurrence.
private struct UniqueRows {
    /// `[distinct rows, width]`.
    let rows: Tensor
    /// Per distinct row, the first row equal to it.
    let first: [Int]

    /// The distinct rows of `matrix` (`[n, width]`, compared bit for bit), and per row of
    /// `matrix` the index of its distinct row.
    static func of(_ matrix: Tensor) -> (UniqueRows, [Int]) {
        let width = matrix.shape[1]
        var index: [[UInt32]: Int] = [:], first: [Int] = [], values: [Float] = [], rowOf: [Int] = []
        rowOf.reserveCapacity(matrix.shape[0])
        matrix.data.withUnsafeBufferPointer { data in
            for row in 0..<matrix.shape[0] {
                let line = data[(row * width)..<((row + 1) * width)]
                let bits = line.map(\.bitPattern)
                if let known = index[bits] { rowOf.append(known); continue }
                index[bits] = first.count
                rowOf.append(first.count)
                first.append(row)
                values.append(contentsOf: line)
            }
        }
        return (UniqueRows(rows: Tensor(shape: [first.count, width], data: values), first: first), rowOf)
    }
}

/// Per query, its nearest allowed keys by plain distance, in ascending order.
private struct NearestKeys {
    let capacity: Int
    private var keys: [Int32]
    private var distances: [Float]
    private var counts: [Int]
    /// Whether a query may have more allowed keys than it kept.
    private var truncated: [Bool]

    init(queries: Int, capacity: Int) {
        self.capacity = capacity
        keys = [Int32](repeating: 0, count: queries * capacity)
        distances = [Float](repeating: 0, count: queries * capacity)
        counts = [Int](repeating: 0, count: queries)
        truncated = [Bool](repeating: false, count: queries)
    }

    /// Keeps `query`'s nearest allowed keys of `line` (its distances to every key).
    mutating func collect(_ query: Int, _ line: UnsafeBufferPointer<Float>, allowed: [Bool]?) {
        let base = query * capacity
        var count = 0, cutoff = Float.infinity
        keys.withUnsafeMutableBufferPointer { keys in
            distances.withUnsafeMutableBufferPointer { distances in
                for key in 0..<line.count where line[key] < cutoff {
                    if let allowed, !allowed[key] { continue }
                    let distance = line[key]
                    count = min(count + 1, capacity)
                    // Insertion from the end (dropping the farthest when full); equal distances keep the lower key first.
                    var slot = count - 1
                    while slot > 0 && distances[base + slot - 1] > distance {
                        distances[base + slot] = distances[base + slot - 1]
                        keys[base + slot] = keys[base + slot - 1]
                        slot -= 1
                    }
                    distances[base + slot] = distance
                    keys[base + slot] = Int32(key)
                    if count == capacity { cutoff = distances[base + capacity - 1] }
                }
            }
        }
        counts[query] = count
        // Every key no nearer than the last one kept, when some may be missing from the list.
        truncated[query] = count == capacity && line.count > capacity
    }

    /// `query`'s choice when its candidates settle it: the least weighted distance among them
    /// (ties to the lower key) below what any other key can score, `D / (α + D)` with `D` the
    /// last candidate's distance. Nil when they do not.
    func settledChoice(_ query: Int, weights: [Float], completeness: Float) -> Int? {
        let count = counts[query], base = query * capacity
        guard count > 0 else { return nil }
        var best = Int.max, bestScore = Float.infinity
        for slot in 0..<count {
            let key = Int(keys[base + slot]), score = distances[base + slot] * weights[key]
            if score < bestScore || (score == bestScore && key < best) { best = key; bestScore = score }
        }
        guard truncated[query] else { return best }
        let last = distances[base + count - 1]
        guard last > 0 else { return nil }
        // The margin covers the rounding of the weights and products.
        return bestScore < last / (completeness + last) * (1 - 1e-4) ? best : nil
    }
}

/// The key patches a query patch may not take: those whose horizontal position (as a share of
/// the key grid's extent) lies within `radius` of the query's (as a share of the query grid's),
/// along X and along Z. Rows are numbered as ``PatchMatrix`` numbers them.
struct ExcludedNeighbourhood {
    private let queryPositions: [(x: Double, z: Double)]
    private let keyPositions: [(x: Double, z: Double)]
    let radius: Double

    init(queryGrid: [Int], keyGrid: [Int], radius: Double) {
        queryPositions = Self.positions(queryGrid)
        keyPositions = Self.positions(keyGrid)
        self.radius = radius
    }

    private static func positions(_ grid: [Int]) -> [(x: Double, z: Double)] {
        func share(_ index: Int, _ count: Int) -> Double { count > 1 ? Double(index) / Double(count - 1) : 0.5 }
        var out: [(x: Double, z: Double)] = []
        out.reserveCapacity(grid.reduce(1, *))
        for x in 0..<grid[0] { for _ in 0..<grid[1] { for z in 0..<grid[2] { out.append((share(x, grid[0]), share(z, grid[2]))) } } }
        return out
    }

    /// Whether key row `key` is excluded for query row `query`.
    func contains(query: Int, key: Int) -> Bool {
        let q = queryPositions[query], k = keyPositions[key]
        return abs(q.x - k.x) < radius && abs(q.z - k.z) < radius
    }
}
