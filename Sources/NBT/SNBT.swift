/// Stringified NBT as Minecraft prints it (`/data get`, structure `.snbt`): `1b`, `2s`, `3`, `4L`,
/// `5.0f`, `6.0d`, `"text"`, `[B; 1b, 2b]`, `[I; 1, 2]`, `[L; 1L]`, `[a, b]`, `{key: value}`.
///
/// ```swift
/// print(SNBT.format(.compound(level.root)))                  // pretty, 4-space indent
/// print(SNBT.format(tag, options: .init(indent: 0)))          // one line
/// ```
/// Pretty output puts each compound entry and each element of a list of compounds/lists/arrays on
/// its own line; lists of numbers or strings stay on one line. Keys are quoted only when they contain
/// characters outside `[A-Za-z0-9._+-]`. Floats and doubles follow Java's `toString` (`1.0E10f`).
public enum SNBT {
    /// Formatting choices.
    public struct Options: Sendable {
        /// Spaces per nesting level; 0 prints everything on one line.
        public var indent: Int
        /// Largest number of array (and list) elements printed before `… N more`; `nil` prints all.
        public var maxElements: Int?

        public init(indent: Int = 4, maxElements: Int? = 64) {
            self.indent = indent
            self.maxElements = maxElements
        }
    }

    /// The SNBT text of `tag`. - Complexity: O(size of the printed text).
    public static func format(_ tag: Tag, options: Options = Options()) -> String {
        var out = ""
        write(tag, depth: 0, options: options, to: &out)
        return out
    }

    /// The SNBT text of a document's root compound (the root name is not part of SNBT).
    public static func format(_ document: NBTReader.Document, options: Options = Options()) -> String {
        format(.compound(document.root), options: options)
    }

    private static func write(_ tag: Tag, depth: Int, options: Options, to out: inout String) {
        switch tag {
        case .byte(let v): out += "\(v)b"
        case .short(let v): out += "\(v)s"
        case .int(let v): out += "\(v)"
        case .long(let v): out += "\(v)L"
        case .float(let v): out += javaDecimal(v.description) + "f"
        case .double(let v): out += javaDecimal(v.description) + "d"
        case .string(let s): out += quoted(s)
        case .byteArray(let a): writeArray(a, prefix: "B", options: options, to: &out) { "\(Int8(bitPattern: $0))b" }
        case .intArray(let a): writeArray(a, prefix: "I", options: options, to: &out) { "\($0)" }
        case .longArray(let a): writeArray(a, prefix: "L", options: options, to: &out) { "\($0)L" }
        case .list(let type, let items): writeList(type, items, depth: depth, options: options, to: &out)
        case .compound(let c): writeCompound(c, depth: depth, options: options, to: &out)
        }
    }

    private static func writeArray<T>(
        _ a: [T], prefix: String, options: Options, to out: inout String, element: (T) -> String
    ) {
        let shown = min(a.count, options.maxElements ?? a.count)
        out += "[\(prefix);"
        for i in 0..<shown { out += (i == 0 ? " " : ", ") + element(a[i]) }
        if shown < a.count { out += (shown == 0 ? " " : ", ") + "… \(a.count - shown) more" }
        out += "]"
    }

    private static func writeList(_ type: TagType, _ items: [Tag], depth: Int, options: Options, to out: inout String) {
        let shown = min(items.count, options.maxElements ?? items.count)
        let multiline = options.indent > 0 && !items.isEmpty && [.compound, .list, .byteArray, .intArray, .longArray].contains(type)
        out += "["
        for i in 0..<shown {
            if i > 0 { out += "," }
            if multiline { newline(depth + 1, options, &out) } else if i > 0 { out += " " }
            write(items[i], depth: depth + 1, options: options, to: &out)
        }
        if shown < items.count {
            if shown > 0 { out += "," }
            if multiline { newline(depth + 1, options, &out) } else if shown > 0 { out += " " }
            out += "… \(items.count - shown) more"
        }
        if multiline { newline(depth, options, &out) }
        out += "]"
    }

    private static func writeCompound(_ c: Compound, depth: Int, options: Options, to out: inout String) {
        out += "{"
        for (i, (key, value)) in c.enumerated() {
            if i > 0 { out += options.indent > 0 ? "," : ", " }
            if options.indent > 0 { newline(depth + 1, options, &out) }
            out += quotedKey(key) + ": "
            write(value, depth: depth + 1, options: options, to: &out)
        }
        if options.indent > 0 && !c.isEmpty { newline(depth, options, &out) }
        out += "}"
    }

    private static func newline(_ depth: Int, _ options: Options, _ out: inout String) {
        out += "\n" + String(repeating: " ", count: depth * options.indent)
    }

    /// A key as Minecraft prints it: bare when made of `[A-Za-z0-9._+-]`, else quoted.
    static func quotedKey(_ key: String) -> String {
        let bare = !key.isEmpty && key.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2E || b == 0x5F || b == 0x2B || b == 0x2D
        }
        return bare ? key : quoted(key)
    }

    /// A string in double quotes, or single quotes when it holds `"` but no `'` (Minecraft's
    /// `StringTag.quoteAndEscape`); backslash and the chosen quote are escaped, and so are control
    /// characters (`\n`, `\t`, `\r`, `\b`, `\f`, else `\xHH`, as 1.21.5's SNBT reads them) so
    /// every value stays on its line.
    static func quoted(_ s: String) -> String {
        let quote: Unicode.Scalar = s.contains("\"") && !s.contains("'") ? "'" : "\""
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\", quote: out += "\\" + String(scalar)
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out.unicodeScalars.append(quote)
        return out
    }

    /// Rewrites Swift's shortest round-trip decimal (`1e+10`, `0.0001`, `5.0`) in the form of Java's
    /// `Float/Double.toString`: plain for 1e-3 ≤ |x| < 1e7, else `d.dddE±n`, always one fraction digit.
    static func javaDecimal(_ swift: String) -> String {
        switch swift {
        case "nan", "-nan": return "NaN"
        case "inf": return "Infinity"
        case "-inf": return "-Infinity"
        default: break
        }
        var text = Substring(swift)
        let negative = text.hasPrefix("-")
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
            text = text[..<e]
        }
        // digits with the decimal point after `pointAt` digits: value = 0.d1d2… × 10^pointAt
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts.first.map(String.init) ?? "0"
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(intPart + fracPart)
        var pointAt = intPart.count + exponent
        while digits.first == "0" && digits.count > 1 { digits.removeFirst(); pointAt -= 1 }
        while digits.last == "0" && digits.count > 1 { digits.removeLast() }
        let sign = negative ? "-" : ""
        if digits == ["0"] { return sign + "0.0" }
        if pointAt > -3 && pointAt <= 7 {
            if pointAt <= 0 { return sign + "0." + String(repeating: "0", count: -pointAt) + String(digits) }
            if pointAt >= digits.count {
                return sign + String(digits) + String(repeating: "0", count: pointAt - digits.count) + ".0"
            }
            return sign + String(digits[..<pointAt]) + "." + String(digits[pointAt...])
        }
        let fraction = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + fraction + "E\(pointAt - 1)"
    }
}
