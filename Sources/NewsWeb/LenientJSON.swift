/// A forgiving JSON reader for the JSON-LD that web pages embed, which is often not quite JSON:
/// raw line breaks inside strings, trailing commas, a key twice, HTML comments or a `CDATA`
/// wrapper around the script, a stray semicolon after it. Newsq's strict model-file parser
/// (``NewsModel/JSONParser``) refuses all of these, rightly for model files; here the data is
/// evidence, so what can be read is read and the rest is skipped.
///
/// Nesting is capped at ``maximumDepth`` (deeper values read as `null`), so no input can
/// exhaust the stack.
enum LenientJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([LenientJSON])
    /// Members in source order; a repeated key keeps every occurrence (``subscript(_:)`` takes
    /// the first).
    case object([(String, LenientJSON)])

    /// How deep arrays and objects may nest.
    static let maximumDepth = 64

    static func == (lhs: LenientJSON, rhs: LenientJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The member with the given key, for an object.
    subscript(_ key: String) -> LenientJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The string, for a string.
    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The elements of an array; a single value as a one-element list.
    var list: [LenientJSON] {
        if case .array(let elements) = self { return elements }
        return [self]
    }

    /// Reads every top-level value in `text` (usually one).
    static func parse(_ text: String) -> [LenientJSON] {
        var reader = Reader(scalars: Array(text.unicodeScalars))
        var values: [LenientJSON] = []
        while true {
            reader.skipNoise()
            guard reader.index < reader.scalars.count else { break }
            let before = reader.index
            if let value = reader.value(depth: 0) { values.append(value) }
            if reader.index == before { reader.index += 1 }
        }
        return values
    }

    private struct Reader {
        let scalars: [Unicode.Scalar]
        var index = 0

        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func skipSpace() {
            while let scalar = current, scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{FEFF}" {
                index += 1
            }
        }

        /// White space and what pages wrap JSON-LD in: `<!--`, `-->`, `//<![CDATA[`, `]]>`, `;`.
        mutating func skipNoise() {
            while true {
                skipSpace()
                guard let scalar = current else { return }
                if scalar == "{" || scalar == "[" || scalar == "\"" { return }
                index += 1
            }
        }

        mutating func value(depth: Int) -> LenientJSON? {
            skipSpace()
            guard let scalar = current else { return nil }
            switch scalar {
            case "{": return object(depth: depth)
            case "[": return array(depth: depth)
            case "\"", "'": return .string(string())
            case "t", "f", "n":
                var word = ""
                while let s = current, s.properties.isAlphabetic { word.unicodeScalars.append(s); index += 1 }
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: return .null
                }
            default:
                var number = ""
                while let s = current, "+-.0123456789eE".unicodeScalars.contains(s) {
                    number.unicodeScalars.append(s)
                    index += 1
                }
                if number.isEmpty { return nil }
                return Double(number).map { .number($0) } ?? .null
            }
        }

        mutating func object(depth: Int) -> LenientJSON {
            index += 1
            var members: [(String, LenientJSON)] = []
            while true {
                skipSpace()
                guard let scalar = current else { break }
                if scalar == "}" { index += 1; break }
                if scalar == "," { index += 1; continue }
                let key: String
                if scalar == "\"" || scalar == "'" {
                    key = string()
                } else {
                    // An unquoted key, as some pages write.
                    var word = ""
                    while let s = current, s != ":" && s != "}" && s != "," && s != " " { word.unicodeScalars.append(s); index += 1 }
                    if word.isEmpty { index += 1; continue }
                    key = word
                }
                skipSpace()
                guard current == ":" else { continue }
                index += 1
                if depth + 1 >= LenientJSON.maximumDepth {
                    let before = index
                    skipValue()
                    if index == before { index += 1 }
                    members.append((key, .null))
                } else if let value = value(depth: depth + 1) {
                    members.append((key, value))
                } else {
                    break
                }
            }
            return .object(members)
        }

        mutating func array(depth: Int) -> LenientJSON {
            index += 1
            var elements: [LenientJSON] = []
            while true {
                skipSpace()
                guard let scalar = current else { break }
                if scalar == "]" { index += 1; break }
                if scalar == "," { index += 1; continue }
                if depth + 1 >= LenientJSON.maximumDepth {
                    // Too deep: skipped, always moving on (a stray "}" skips nothing).
                    let before = index
                    skipValue()
                    if index == before { index += 1 }
                    elements.append(.null)
                    continue
                }
                let before = index
                if let value = value(depth: depth + 1) { elements.append(value) }
                if index == before { index += 1 }
            }
            return .array(elements)
        }

        /// Skips one value without building it (iteratively, for any depth).
        mutating func skipValue() {
            skipSpace()
            var level = 0
            while let scalar = current {
                if scalar == "\"" || scalar == "'" { _ = string(); if level == 0 { return }; continue }
                if scalar == "{" || scalar == "[" { level += 1 }
                if scalar == "}" || scalar == "]" {
                    if level == 0 { return }
                    level -= 1
                    index += 1
                    if level == 0 { return }
                    continue
                }
                if level == 0 && scalar == "," { return }
                index += 1
            }
        }

        mutating func string() -> String {
            let quote = scalars[index]
            index += 1
            var result = String.UnicodeScalarView()
            while let scalar = current {
                index += 1
                if scalar == quote { break }
                guard scalar == "\\" else {
                    result.append(scalar)
                    continue
                }
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case "n": result.append("\n")
                case "t": result.append("\t")
                case "r": result.append("\r")
                case "b", "f": result.append(" ")
                case "u":
                    var value = hex4()
                    if (0xD800..<0xDC00).contains(value), current == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" {
                        index += 2
                        let low = hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                        }
                    }
                    result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                default: result.append(escaped)
                }
            }
            return String(result)
        }

        mutating func hex4() -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let scalar = current, scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else { break }
                value = value * 16 + digit
                index += 1
            }
            return value
        }
    }
}
