/// One NBT value.
///
/// Byte arrays are kept as raw `[UInt8]` (Java's bytes are signed; SNBT prints them signed).
/// A list remembers its element type so that empty lists round-trip byte for byte.
///
/// ```swift
/// var level = Compound()
/// level["DataVersion"] = .int(3955)
/// level["sections"] = .list(.compound, [])
/// let root = Tag.compound(level)
/// ```
public enum Tag: Equatable, Sendable {
    case byte(Int8)
    case short(Int16)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case byteArray([UInt8])
    case string(String)
    /// A list: the declared element type, then the elements (all of that type).
    case list(TagType, [Tag])
    case compound(Compound)
    case intArray([Int32])
    case longArray([Int64])

    /// The kind of this tag.
    public var type: TagType {
        switch self {
        case .byte: .byte
        case .short: .short
        case .int: .int
        case .long: .long
        case .float: .float
        case .double: .double
        case .byteArray: .byteArray
        case .string: .string
        case .list: .list
        case .compound: .compound
        case .intArray: .intArray
        case .longArray: .longArray
        }
    }
}

extension Tag {
    /// The compound payload, or `nil` for any other kind.
    public var compound: Compound? { if case .compound(let c) = self { c } else { nil } }
    /// The string payload, or `nil` for any other kind.
    public var string: String? { if case .string(let s) = self { s } else { nil } }
    /// The list elements, or `nil` for any other kind.
    public var list: [Tag]? { if case .list(_, let l) = self { l } else { nil } }
    /// The long-array payload, or `nil` for any other kind.
    public var longArray: [Int64]? { if case .longArray(let a) = self { a } else { nil } }
    /// The int-array payload, or `nil` for any other kind.
    public var intArray: [Int32]? { if case .intArray(let a) = self { a } else { nil } }
    /// The byte-array payload, or `nil` for any other kind.
    public var byteArray: [UInt8]? { if case .byteArray(let a) = self { a } else { nil } }

    /// Any integer kind (byte, short, int, long) widened to `Int`; `nil` for other kinds.
    public var integer: Int? {
        switch self {
        case .byte(let v): Int(v)
        case .short(let v): Int(v)
        case .int(let v): Int(v)
        case .long(let v): Int(v)
        default: nil
        }
    }

    /// Any numeric kind as `Double`; `nil` for other kinds.
    public var number: Double? {
        switch self {
        case .float(let v): Double(v)
        case .double(let v): v
        default: integer.map(Double.init)
        }
    }
}
