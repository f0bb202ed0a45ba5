/// A JSON value as read from a file, remembering where it starts.
///
/// ``JSONParser`` produces these trees; ``ModelReader`` walks them into an ``ArticleModel``; and
/// ``ModelFile`` builds them from a model and renders them as text. `line` and `column` are
/// 1-based (the column counts characters from the start of the line); a value built in code
/// rather than parsed has both set to 0.
///
/// Objects keep their members in document order, so a rendered document lists keys in the order
/// they were given. Equality compares contents only — two values that print the same are equal
/// wherever they stand in their files.
public struct JSONValue: Sendable, CustomStringConvertible {
    /// What a JSON value holds.
    public enum Content: Sendable, Equatable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number, kept as its literal text (`700`, `-0.25`, `1e-7`) so no precision is lost
        /// before the reader decides whether it wants an integer or a double.
        case number(String)
        /// A string, escapes resolved.
        case string(String)
        /// An array, elements in order.
        case array([JSONValue])
        /// An object, members in document order.
        case object([Member])
    }

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Equatable {
        /// The key, escapes resolved.
        public var key: String
        /// The value.
        public var value: JSONValue
        /// The 1-based line of the key's opening quote (0 when built in code).
        public var line: Int
        /// The 1-based column of the key's opening quote (0 when built in code).
        public var column: Int

        /// Creates a member; `line` and `column` locate the key in its file, if it has one.
        public init(key: String, value: JSONValue, line: Int = 0, column: Int = 0) {
            self.key = key
            self.value = value
            self.line = line
            self.column = column
        }

        /// Members are equal when their keys and values are; positions are ignored.
        public static func == (lhs: Member, rhs: Member) -> Bool {
            lhs.key == rhs.key && lhs.value == rhs.value
        }
    }

    /// What the value holds.
    public var content: Content
    /// The 1-based line on which the value starts (0 when built in code).
    public var line: Int
    /// The 1-based column, in characters, at which the value starts (0 when built in code).
    public var column: Int

    /// Creates a value; `line` and `column` locate it in its file, if it has one.
    public init(_ content: Content, line: Int = 0, column: Int = 0) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// `null`.
    public static let null = JSONValue(.null)

    /// A string value.
    public static func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }

    /// A boolean value.
    public static func bool(_ value: Bool) -> JSONValue { JSONValue(.bool(value)) }

    /// An integer value.
    public static func int(_ value: Int) -> JSONValue { JSONValue(.number(String(value))) }

    /// A number value, written so that reading it back gives exactly `value`: integral values
    /// of magnitude below 2^53 without a fraction (`700`, not `700.0`), others in Swift's
    /// shortest round-tripping form (`0.25`, `1e-07`). JSON has no NaN or infinity; those are
    /// written as `null`, which no reader accepts as a number.
    public static func double(_ value: Double) -> JSONValue {
        JSONValue(value.isFinite ? .number(numberLiteral(value)) : .null)
    }

    /// An array value.
    public static func array(_ elements: [JSONValue]) -> JSONValue { JSONValue(.array(elements)) }

    /// An object value with members in the given order.
    public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
        JSONValue(.object(members.map { Member(key: $0.0, value: $0.1) }))
    }

    /// The JSON literal for a finite double that reads back as exactly the same double.
    static func numberLiteral(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        if let integer = exactInteger(value) { return String(integer) }
        return value.description
    }

    /// The integer `value` equals exactly, when its magnitude is below 2^53 (beyond that, not
    /// every integer is a double). Worked out from the bits: `rounded()` and `Int(exactly:)`
    /// need libm, which this Foundation-free module does not link.
    static func exactInteger(_ value: Double) -> Int? {
        guard value.isFinite, abs(value) < 9_007_199_254_740_992 else { return nil }
        if value == 0 { return 0 }
        let exponent = Int(value.exponent)
        guard exponent >= 0 else { return nil }
        let fractionBits = Double.significandBitCount - exponent
        if fractionBits > 0, value.significandBitPattern & ((1 << UInt64(fractionBits)) - 1) != 0 {
            return nil
        }
        return Int(value)
    }

    // MARK: Reading

    /// What sort of value this is, for messages: `an object`, `a string`, `true`, `null`…
    public var kindDescription: String {
        switch content {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let text) = content { return text }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = content { return elements }
        return nil
    }

    /// The members, if this is an object.
    public var objectValue: [Member]? {
        if case .object(let members) = content { return members }
        return nil
    }

    /// The member value for `key`, if this is an object that has one. Setting a value replaces
    /// the first member with that key or appends a new member; setting `nil` removes every
    /// member with that key. Setting on a value that is not an object does nothing.
    public subscript(key: String) -> JSONValue? {
        get { objectValue?.first { $0.key == key }?.value }
        set {
            guard case .object(var members) = content else { return }
            if let newValue {
                if let index = members.firstIndex(where: { $0.key == key }) {
                    members[index].value = newValue
                } else {
                    members.append(Member(key: key, value: newValue))
                }
            } else {
                members.removeAll { $0.key == key }
            }
            content = .object(members)
        }
    }

    /// The element at `index`, if this is an array that long. Setting a value replaces the
    /// element; setting `nil` removes it. Setting out of range or on a non-array does nothing.
    public subscript(index: Int) -> JSONValue? {
        get {
            guard let elements = arrayValue, elements.indices.contains(index) else { return nil }
            return elements[index]
        }
        set {
            guard case .array(var elements) = content, elements.indices.contains(index) else { return }
            if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
            content = .array(elements)
        }
    }

    // MARK: Writing

    /// The value as pretty-printed JSON: two-space indentation, one member or element per
    /// line, keys in stored order, `": "` after keys, non-ASCII characters written as
    /// themselves. No trailing newline.
    public func rendered() -> String {
        var output = ""
        render(into: &output, indent: 0)
        return output
    }

    /// The pretty-printed JSON text; see ``rendered()``.
    public var description: String { rendered() }

    private func render(into output: inout String, indent: Int) {
        switch content {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let literal): output += literal
        case .string(let text): JSONValue.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                JSONValue.writeIndent(indent + 1, into: &output)
                element.render(into: &output, indent: indent + 1)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            JSONValue.writeIndent(indent, into: &output)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            output += "{\n"
            for (index, member) in members.enumerated() {
                JSONValue.writeIndent(indent + 1, into: &output)
                JSONValue.writeString(member.key, into: &output)
                output += ": "
                member.value.render(into: &output, indent: indent + 1)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            JSONValue.writeIndent(indent, into: &output)
            output += "}"
        }
    }

    private static func writeIndent(_ level: Int, into output: inout String) {
        output += String(repeating: "  ", count: level)
    }

    /// Writes `text` as a JSON string literal: `"` and `\` escaped, control characters as
    /// `\n`, `\t`… or `\u00XX`, everything else (non-ASCII included) as itself.
    ///
    /// The one JSON string writer of the project: model files, query results and the benchmark's
    /// machine-readable output all escape the same way.
    public static func writeString(_ text: String, into output: inout String) {
        output += "\""
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            case "\u{08}": escape = "\\b"
            case "\u{0C}": escape = "\\f"
            default: escape = scalar.value < 0x20 ? "\\u" + hex4(scalar.value) : nil
            }
            if let escape {
                output.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                output += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        output.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        output += "\""
    }

    /// Four uppercase hex digits, zero-padded.
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

extension JSONValue: Equatable {
    /// Values are equal when their contents are; positions are ignored.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.content == rhs.content
    }
}

/// Builds JSONPath strings (`$.statements[3].speaker`) for messages.
enum JSONPath {
    /// The document root.
    static let root = "$"

    /// `base.key`, or `base['key']` when the key is not a plain identifier.
    static func member(_ base: String, _ key: String) -> String {
        let scalars = key.unicodeScalars
        let plain = !scalars.isEmpty && scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)) }
            && !("0"..."9").contains(scalars.first!)
        if plain { return "\(base).\(key)" }
        var quoted = ""
        for scalar in scalars {
            switch scalar {
            case "'": quoted += "\\'"
            case "\\": quoted += "\\\\"
            default:
                if scalar.value < 0x20 { quoted += "\\u" + JSONValue.hex4(scalar.value) } else { quoted.unicodeScalars.append(scalar) }
            }
        }
        return "\(base)['\(quoted)']"
    }

    /// `base[index]`.
    static func element(_ base: String, _ index: Int) -> String {
        "\(base)[\(index)]"
    }
}
