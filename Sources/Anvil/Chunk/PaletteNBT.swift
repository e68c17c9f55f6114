import NBT

/// Section palettes as NBT: a list of `{Name: "minecraft:…", Properties: {key: "value", …}}`.
enum PaletteNBT {
    /// The states of a palette list. - Throws: `ChunkError` naming the bad entry's path.
    /// - Complexity: O(entries × properties).
    static func decode(_ entries: [Tag], path: NBTPath) throws(ChunkError) -> [BlockState] {
        var states: [BlockState] = []
        states.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            let at = path.appending(index: i)
            guard case .compound(let c) = entry else {
                throw .wrongTagType(path: at, expected: .compound, found: entry.type, chunk: nil)
            }
            guard let name = try c.required("Name", .string, at: at).string else {
                throw .missingTag(path: at.appending("Name"), chunk: nil)
            }
            guard let props = try c.optionalCompound("Properties", at: at), !props.isEmpty else {
                states.append(BlockState(name))
                continue
            }
            var dict: [String: String] = [:]
            for (key, value) in props {
                guard case .string(let s) = value else {
                    throw .wrongTagType(path: at.appending("Properties").appending(key), expected: .string,
                                        found: value.type, chunk: nil)
                }
                dict[key] = s
            }
            states.append(BlockState(name, dict))
        }
        return states
    }

    /// One palette entry compound, as the game writes it (`Name`, then `Properties` if any).
    static func entry(_ state: BlockState) -> Compound {
        var c = Compound()
        c["Name"] = .string(state.name)
        if !state.properties.isEmpty {
            c["Properties"] = .compound(Compound(state.properties.map { ($0.key, Tag.string($0.value)) }))
        }
        return c
    }

    /// A palette list tag for `states`.
    static func encode(_ states: [BlockState]) -> Tag {
        .list(.compound, states.map { .compound(entry($0)) })
    }
}
