/// A chunk's column coordinates (x, z), in chunks: blocks x = 16·x … 16·x + 15.
public struct ChunkPosition: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var z: Int
    public init(x: Int, z: Int) { self.x = x; self.z = z }
    public var description: String { "chunk (\(x), \(z))" }
}
