// Ray–shape intersections for the tracer: boxes (slab test), plant billboards, grid cells.

extension _RayTracer {
    /// Seen from the side, a plant is a grass-tuft silhouette on the voxel's diagonal plane that faces
    /// the viewer (local x + z = 1; the view-space viewer is always at +x, +z): zig-zag blade tips,
    /// brighter towards the top. Returns the shade, or `nil` where the ray passes between blades.
    static func billboard(_ o: (Double, Double, Double), _ d: (Double, Double, Double), cell i: (Int, Int, Int),
                                  from t0: Double, to t1: Double, height: Double) -> Double? {
        let t = (Double(i.0 + i.2) + 1 - o.0 - o.2) / (d.0 + d.2)
        guard t >= t0 - 1e-9, t <= t1 else { return nil }
        let s = o.0 + d.0 * t - Double(i.0)  // 0…1 across the plane
        let y = (o.1 + d.1 * t - Double(i.1)) / max(height, 1e-6)
        guard s > 0.06, s < 0.94, y >= 0 else { return nil }
        let wave = abs((s * 4.5).truncatingRemainder(dividingBy: 1) - 0.5) * 2  // 1 at blade tips, 0 between
        guard y < 0.45 + 0.55 * wave else { return nil }
        return 0.72 + 0.28 * y
    }

    /// From straight above, plants are a speckled tuft: about a third of a 6×6 grid on each face is left open.
    static func stippled(_ o: (Double, Double, Double), _ d: (Double, Double, Double), _ t: Double,
                                 _ axis: Int, cell i: (Int, Int, Int)) -> Bool {
        let p = [o.0 + d.0 * t, o.1 + d.1 * t, o.2 + d.2 * t]
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(bitPattern: Int64(i.0 &* 73_856_093 ^ i.1 &* 19_349_663 ^ i.2 &* 83_492_791))
        for (k, v) in p.enumerated() where k != axis {
            h = (h ^ UInt64(bitPattern: Int64((v * 6).rounded(.down)))) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
        }
        return h % 10 < 3
    }

    /// Entry parameter and axis of the ray into an axis-aligned box (slab test), if it enters at
    /// or after `after`.
    static func enterBox(_ o: (Double, Double, Double), _ d: (Double, Double, Double),
                         lower: (Double, Double, Double), upper: (Double, Double, Double),
                         after: Double) -> (Double, Int)? {
        var tIn = -Double.infinity, tOut = Double.infinity, axis = 1
        let axes = [(o.0, d.0, lower.0, upper.0), (o.1, d.1, lower.1, upper.1), (o.2, d.2, lower.2, upper.2)]
        for (k, (oo, dd, lo, hi)) in axes.enumerated() {
            if dd == 0 {
                if oo < lo || oo > hi { return nil }
                continue
            }
            let t1 = (lo - oo) / dd, t2 = (hi - oo) / dd
            let near = min(t1, t2), far = max(t1, t2)
            if near > tIn { tIn = near; axis = k }
            tOut = min(tOut, far)
        }
        guard tIn <= tOut, tIn >= after else { return nil }
        return (tIn, axis)
    }

    /// The voxel index a ray entering at coordinate `p` is in, clamped into 0..<n.
    @inline(__always)
    static func cell(_ p: Double, _ d: Double, _ n: Int) -> Int {
        let nudged = p + (d > 0 ? 1e-9 : -1e-9)
        return max(0, min(n - 1, Int(nudged.rounded(.down))))
    }
}
