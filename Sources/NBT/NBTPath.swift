/// Where a tag sits inside an NBT tree, for error messages: `Level.Sections[3].Palette`.
public struct NBTPath: Equatable, Sendable, CustomStringConvertible {
    /// One step: a compound key or a list index.
    public enum Component: Equatable, Sendable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) { self.components = components }

    /// This path with `component` put in front (errors gain context as they bubble up).
    public func prepending(_ component: Component) -> NBTPath {
        NBTPath([component] + components)
    }

    public var description: String {
        if components.isEmpty { return "<root>" }
        var out = ""
        for c in components {
            switch c {
            case .key(let k): out += out.isEmpty ? k : "." + k
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}
