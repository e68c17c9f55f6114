/// The twelve NBT tag kinds plus `end`, with the ids they carry on disk.
public enum TagType: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case end = 0
    case byte = 1
    case short = 2
    case int = 3
    case long = 4
    case float = 5
    case double = 6
    case byteArray = 7
    case string = 8
    case list = 9
    case compound = 10
    case intArray = 11
    case longArray = 12

    public var description: String {
        switch self {
        case .end: "TAG_End"
        case .byte: "TAG_Byte"
        case .short: "TAG_Short"
        case .int: "TAG_Int"
        case .long: "TAG_Long"
        case .float: "TAG_Float"
        case .double: "TAG_Double"
        case .byteArray: "TAG_Byte_Array"
        case .string: "TAG_String"
        case .list: "TAG_List"
        case .compound: "TAG_Compound"
        case .intArray: "TAG_Int_Array"
        case .longArray: "TAG_Long_Array"
        }
    }
}
