import NBT

// Typed access to chunk tags: absent → nil, present with the wrong kind → ChunkError naming the path.
// Codecs use these so that every missing or ill-typed tag reports where it was expected.

extension NBTPath {
    /// This path with `key` appended.
    func appending(_ key: String) -> NBTPath { NBTPath(components + [.key(key)]) }
    /// This path with a list index appended.
    func appending(index: Int) -> NBTPath { NBTPath(components + [.index(index)]) }
}

extension Compound {
    /// The tag `key` when it has kind `type`; `nil` when absent. - Throws: `.wrongTagType`.
    func optional(_ key: String, _ type: TagType, at path: NBTPath) throws(ChunkError) -> Tag? {
        guard let tag = self[key] else { return nil }
        guard tag.type == type else {
            throw .wrongTagType(path: path.appending(key), expected: type, found: tag.type, chunk: nil)
        }
        return tag
    }

    /// The tag `key` of kind `type`. - Throws: `.missingTag`, `.wrongTagType`.
    func required(_ key: String, _ type: TagType, at path: NBTPath) throws(ChunkError) -> Tag {
        guard let tag = try optional(key, type, at: path) else {
            throw .missingTag(path: path.appending(key), chunk: nil)
        }
        return tag
    }

    /// An integer tag of any width (byte…long) widened to `Int`; `nil` when absent.
    func optionalInteger(_ key: String, at path: NBTPath) throws(ChunkError) -> Int? {
        guard let tag = self[key] else { return nil }
        guard let v = tag.integer else {
            throw .wrongTagType(path: path.appending(key), expected: .int, found: tag.type, chunk: nil)
        }
        return v
    }

    func optionalCompound(_ key: String, at path: NBTPath) throws(ChunkError) -> Compound? {
        try optional(key, .compound, at: path)?.compound
    }

    /// A list's elements; an empty list of any declared element type counts as a list.
    func optionalList(_ key: String, at path: NBTPath) throws(ChunkError) -> [Tag]? {
        try optional(key, .list, at: path)?.list
    }
}
