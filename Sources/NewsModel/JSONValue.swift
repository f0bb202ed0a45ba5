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
        var output: [UInt8] = []
        render(into: &output, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// The value as compact JSON: no whitespace between tokens, keys in stored order,
    /// non-ASCII characters written as themselves — what a store keeps.
    public func renderedCompact() -> String {
        var output: [UInt8] = []
        render(into: &output, indent: nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// The pretty-printed JSON text; see ``rendered()``.
    public var description: String { rendered() }

    /// Writes the value as UTF-8; `indent` is the nesting level, `nil` for compact output.
    private func render(into output: inout [UInt8], indent: Int?) {
        switch content {
        case .null: output += Array("null".utf8)
        case .bool(let value): output += Array((value ? "true" : "false").utf8)
        case .number(let literal): output += Array(literal.utf8)
        case .string(let text): JSONValue.writeString(text, into: &output)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += [0x5B, 0x5D]
                return
            }
            output.append(0x5B)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(0x2C) }
                JSONValue.writeBreak(indent.map { $0 + 1 }, into: &output)
                element.render(into: &output, indent: indent.map { $0 + 1 })
            }
            JSONValue.writeBreak(indent, into: &output)
            output.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else {
                output += [0x7B, 0x7D]
                return
            }
            output.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(0x2C) }
                JSONValue.writeBreak(indent.map { $0 + 1 }, into: &output)
                JSONValue.writeString(member.key, into: &output)
                output.append(0x3A)
                if indent != nil { output.append(0x20) }
                member.value.render(into: &output, indent: indent.map { $0 + 1 })
            }
            JSONValue.writeBreak(indent, into: &output)
            output.append(0x7D)
        }
    }

    /// A line break and `level` indentations (pretty output); nothing for compact output.
    private static func writeBreak(_ level: Int?, into output: inout [UInt8]) {
        guard let level else { return }
        output.append(0x0A)
        output += repeatElement(0x20, count: 2 * level)
    }

    /// Writes `text` as a JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else as itself.
    public static func writeString(_ text: String, into output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `text` as a JSON string literal, in UTF-8 bytes.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { buffer in
            var plainStart = 0
            for index in buffer.indices {
                let byte = buffer[index]
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
                output.append(contentsOf: buffer[plainStart..<index])
                switch byte {
                case 0x22: output += [0x5C, 0x22]
                case 0x5C: output += [0x5C, 0x5C]
                case 0x0A: output += [0x5C, 0x6E]
                case 0x0D: output += [0x5C, 0x72]
                case 0x09: output += [0x5C, 0x74]
                case 0x08: output += [0x5C, 0x62]
                case 0x0C: output += [0x5C, 0x66]
                default: output += Array(("\\u" + hex4(UInt32(byte))).utf8)
                }
                plainStart = index + 1
            }
            output.append(contentsOf: buffer[plainStart..<buffer.count])
        }
        output.append(0x22)
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
