/// Reads binary NBT (Java Edition: big-endian, modified UTF-8 strings).
///
/// ```swift
/// let file = try NBTReader.read(bytes)          // uncompressed bytes
/// let dv = file.root["DataVersion"]?.integer
/// ```
/// Input is untrusted: nesting is capped at `NBTLimits.maxDepth`, and every length is checked
/// against the bytes that remain before anything is allocated, so a claimed 1 GB array in a 4 KB
/// chunk fails at once. Errors carry the byte offset and the tag path.
public enum NBTReader {
    /// A named root compound as stored in a file or chunk.
    public struct Document: Equatable, Sendable {
        /// The root tag's name (usually empty).
        public var name: String
        /// The root compound.
        public var root: Compound
        public init(name: String = "", root: Compound) {
            self.name = name
            self.root = root
        }
    }

    /// Parses one named root compound from uncompressed bytes. Trailing bytes are ignored (region
    /// sectors are zero-padded). - Throws: `NBTError`. - Complexity: O(n) in the input size.
    public static func read(_ bytes: [UInt8]) throws(NBTError) -> Document {
        var result: Result<Document, NBTError> = .failure(.truncated(offset: 0, needed: 1, path: NBTPath()))
        bytes.withUnsafeBytes { raw in result = Result { () throws(NBTError) -> Document in try read(raw) } }
        return try result.get()
    }

    /// Parses one named root compound from a raw buffer. - Throws: `NBTError`.
    public static func read(_ raw: UnsafeRawBufferPointer) throws(NBTError) -> Document {
        var r = ByteReader(raw)
        let typeOffset = r.offset
        let typeByte = try r.readUInt8()
        guard let type = TagType(rawValue: typeByte) else {
            throw .unknownTagType(typeByte, offset: typeOffset, path: NBTPath())
        }
        guard type == .compound else { throw .rootNotCompound(type, offset: typeOffset) }
        let name = try readString(&r)
        let tag = try readPayload(.compound, &r, depth: 1)
        guard case .compound(let root) = tag else { throw .rootNotCompound(type, offset: typeOffset) }
        return Document(name: name, root: root)
    }

    static func readString(_ r: inout ByteReader) throws(NBTError) -> String {
        let length = Int(try r.read(UInt16.self))
        let start = r.offset
        let raw = try r.bytes(length)
        guard let s = ModifiedUTF8.decode(raw) else { throw .invalidModifiedUTF8(offset: start, path: NBTPath()) }
        return s
    }

    private static func readLength(_ r: inout ByteReader) throws(NBTError) -> Int {
        let at = r.offset
        let n = Int(try r.read(Int32.self))
        guard n >= 0 else { throw .negativeLength(n, offset: at, path: NBTPath()) }
        return n
    }

    static func readPayload(_ type: TagType, _ r: inout ByteReader, depth: Int) throws(NBTError) -> Tag {
        switch type {
        case .end:
            throw .unknownTagType(0, offset: r.offset, path: NBTPath())
        case .byte: return .byte(try r.read(Int8.self))
        case .short: return .short(try r.read(Int16.self))
        case .int: return .int(try r.read(Int32.self))
        case .long: return .long(try r.read(Int64.self))
        case .float: return .float(Float(bitPattern: try r.read(UInt32.self)))
        case .double: return .double(Double(bitPattern: try r.read(UInt64.self)))
        case .byteArray: return .byteArray(try r.array(of: UInt8.self, count: try readLength(&r)))
        case .intArray: return .intArray(try r.array(of: Int32.self, count: try readLength(&r)))
        case .longArray: return .longArray(try r.array(of: Int64.self, count: try readLength(&r)))
        case .string: return .string(try readString(&r))
        case .list: return try readList(&r, depth: depth)
        case .compound: return .compound(try readCompound(&r, depth: depth))
        }
    }

    private static func checkDepth(_ depth: Int, _ r: ByteReader) throws(NBTError) {
        guard depth <= NBTLimits.maxDepth else {
            throw .nestingTooDeep(limit: NBTLimits.maxDepth, offset: r.offset, path: NBTPath())
        }
    }

    private static func readList(_ r: inout ByteReader, depth: Int) throws(NBTError) -> Tag {
        try checkDepth(depth, r)
        let typeOffset = r.offset
        let typeByte = try r.readUInt8()
        guard let elementType = TagType(rawValue: typeByte) else {
            throw .unknownTagType(typeByte, offset: typeOffset, path: NBTPath())
        }
        let count = try readLength(&r)
        if count == 0 { return .list(elementType, []) }
        if elementType == .end {
            throw .inconsistentList(declared: .end, found: .end, path: NBTPath())
        }
        // Every element takes at least one byte (an empty compound's TAG_End), so a count larger
        // than the remaining bytes is corrupt: refuse before reserving memory for it.
        try r.require(count * minimumPayloadSize(elementType))
        var items: [Tag] = []
        items.reserveCapacity(count)
        for i in 0..<count {
            do throws(NBTError) {
                items.append(try readPayload(elementType, &r, depth: depth + 1))
            } catch {
                throw error.prepending(.index(i))
            }
        }
        return .list(elementType, items)
    }

    private static func readCompound(_ r: inout ByteReader, depth: Int) throws(NBTError) -> Compound {
        try checkDepth(depth, r)
        var c = Compound()
        while true {
            let typeOffset = r.offset
            let typeByte = try r.readUInt8()
            guard let type = TagType(rawValue: typeByte) else {
                throw .unknownTagType(typeByte, offset: typeOffset, path: NBTPath())
            }
            if type == .end { return c }
            let name = try readString(&r)
            do throws(NBTError) {
                c[name] = try readPayload(type, &r, depth: depth + 1)
            } catch {
                throw error.prepending(.key(name))
            }
        }
    }

    private static func minimumPayloadSize(_ type: TagType) -> Int {
        switch type {
        case .end, .compound, .byte: 1
        case .short, .string: 2
        case .int, .float, .byteArray, .intArray, .longArray: 4
        case .list: 5
        case .long, .double: 8
        }
    }
}
