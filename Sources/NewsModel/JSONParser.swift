/// Parses JSON text (RFC 8259) into a ``JSONValue`` tree whose values remember their line and
/// column.
///
/// The parser is strict: no comments, no trailing commas, no single quotes, no `NaN`; strings
/// must escape control characters, and `\u` escapes must pair their surrogates. A leading byte
/// order mark is skipped. It stops at the first syntax error, which it reports with its line and
/// column and a message that says what it expected. Duplicate keys are not syntax errors: the
/// parser reads the whole document and then reports every duplicate, each with the JSON path of
/// the repeated member. Nesting deeper than ``maximumDepth`` arrays and objects is refused with
/// an error; the parser keeps its own stack, so no input can overflow the call stack.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 512

    /// Why text is not acceptable JSON: one syntax error with its position, or every duplicate
    /// key with its path.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The problems, in document order.
        public var issues: [ModelIssue]

        /// Creates a failure from its problems.
        public init(issues: [ModelIssue]) {
            self.issues = issues
        }

        /// One problem per line.
        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// Parses `text`, which must hold exactly one JSON value (surrounding white space allowed).
    public static func parse(_ text: String) throws(Failure) -> JSONValue {
        var scanner = Scanner(text)
        let value: JSONValue
        do {
            value = try scanner.document()
        } catch {
            throw Failure(issues: [ModelIssue(line: error.line, column: error.column, message: error.message)])
        }
        guard scanner.duplicates.isEmpty else { throw Failure(issues: scanner.duplicates) }
        return value
    }
}

/// A syntax error at a position.
private struct SyntaxError: Error {
    var line: Int
    var column: Int
    var message: String
}

/// The parser's state: the text as scalars, the read position, and the line bookkeeping.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    /// The 1-based line of `index`.
    var line = 1
    /// The scalar offset at which the current line starts.
    var lineStart = 0
    /// A known (offset, column) pair on the current line, so columns are counted incrementally.
    var cursor = (offset: 0, column: 1)
    /// Duplicate-key problems found so far.
    var duplicates: [ModelIssue] = []

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// An array or object that is still open. Frames are mutated in place on the stack, so
    /// appending to a long array never copies it.
    private struct Frame {
        let isObject: Bool
        let line: Int
        let column: Int
        var elements: [JSONValue] = []
        var members: [JSONValue.Member] = []
        /// The key of the member whose value is being read, with its line and column.
        var key: (String, Int, Int) = ("", 0, 0)
        /// Where each key of the object was first seen.
        var seen: [String: (line: Int, column: Int)] = [:]
    }

    // MARK: The document

    mutating func document() throws(SyntaxError) -> JSONValue {
        if scalars.first == "\u{FEFF}" { index = 1; lineStart = 1; cursor = (1, 1) }
        var stack: [Frame] = []
        var result: JSONValue
        // Each pass of the outer loop reads one value; the inner loop then files it in the open
        // containers, closing as many as the text closes, until another value is due.
        parsing: while true {
            skipWhitespace()
            let (line, column) = position()
            var value: JSONValue
            guard let scalar = peek() else {
                throw error(at: index, "unexpected end of input: expected a JSON value")
            }
            switch scalar {
            case "{", "[":
                guard stack.count < JSONParser.maximumDepth else {
                    throw error(at: index, "arrays and objects nest more than \(JSONParser.maximumDepth) deep")
                }
                index += 1
                skipWhitespace()
                if scalar == "{" {
                    if peek() == "}" {
                        index += 1
                        value = JSONValue(.object([]), line: line, column: column)
                    } else {
                        let key = try key(after: "'{'")
                        stack.append(Frame(isObject: true, line: line, column: column, key: key,
                                           seen: [key.0: (key.1, key.2)]))
                        continue parsing
                    }
                } else {
                    if peek() == "]" {
                        index += 1
                        value = JSONValue(.array([]), line: line, column: column)
                    } else {
                        stack.append(Frame(isObject: false, line: line, column: column))
                        continue parsing
                    }
                }
            case "\"":
                value = JSONValue(.string(try string()), line: line, column: column)
            case "-", "0"..."9":
                value = JSONValue(.number(try number()), line: line, column: column)
            default:
                value = JSONValue(try literal(), line: line, column: column)
            }

            filing: while true {
                guard !stack.isEmpty else {
                    result = value
                    break parsing
                }
                let top = stack.count - 1
                if !stack[top].isObject {
                    stack[top].elements.append(value)
                    skipWhitespace()
                    switch peek() {
                    case ",":
                        index += 1
                        skipWhitespace()
                        if peek() == "]" {
                            throw error(at: index, "expected a value after ','; JSON does not allow a trailing comma")
                        }
                        continue parsing
                    case "]":
                        index += 1
                        let frame = stack.removeLast()
                        value = JSONValue(.array(frame.elements), line: frame.line, column: frame.column)
                        continue filing
                    default:
                        throw expected("',' or ']' after an array element")
                    }
                } else {
                    let key = stack[top].key
                    stack[top].members.append(JSONValue.Member(key: key.0, value: value, line: key.1, column: key.2))
                    skipWhitespace()
                    switch peek() {
                    case ",":
                        index += 1
                        skipWhitespace()
                        if peek() == "}" {
                            throw error(at: index, "expected a key after ','; JSON does not allow a trailing comma")
                        }
                        let next = try self.key(after: "','")
                        if let first = stack[top].seen[next.0] {
                            duplicates.append(ModelIssue(
                                path: JSONPath.member(path(of: stack.dropLast()), next.0),
                                message: "duplicate key \"\(next.0)\" at \(next.1):\(next.2) (first at \(first.line):\(first.column)); a key may appear once in an object"))
                        } else {
                            stack[top].seen[next.0] = (next.1, next.2)
                        }
                        stack[top].key = next
                        continue parsing
                    case "}":
                        index += 1
                        let frame = stack.removeLast()
                        value = JSONValue(.object(frame.members), line: frame.line, column: frame.column)
                        continue filing
                    default:
                        throw expected("',' or '}' after an object member")
                    }
                }
            }
        }
        skipWhitespace()
        if index < scalars.count {
            throw error(at: index, "trailing characters after the JSON document")
        }
        return result
    }

    /// The JSON path of the value being read inside `frames`, the open containers outside it.
    private func path(of frames: ArraySlice<Frame>) -> String {
        var path = JSONPath.root
        for frame in frames {
            path = frame.isObject ? JSONPath.member(path, frame.key.0) : JSONPath.element(path, frame.elements.count)
        }
        return path
    }

    /// Reads `"key"` and the `:` after it; returns the key and its position.
    private mutating func key(after what: String) throws(SyntaxError) -> (String, Int, Int) {
        let (line, column) = position()
        switch peek() {
        case "\"":
            break
        case nil:
            throw error(at: index, "unexpected end of input: expected a key in double quotes after \(what)")
        case "'":
            throw error(at: index, "expected a key in double quotes after \(what); JSON does not allow single quotes")
        default:
            throw expected("a key in double quotes after \(what)")
        }
        let key = try string()
        skipWhitespace()
        guard peek() == ":" else {
            throw expected("':' after the key \"\(ModelIssueText.clip(key))\"")
        }
        index += 1
        return (key, line, column)
    }

    // MARK: Scalars

    private mutating func string() throws(SyntaxError) -> String {
        let open = index
        index += 1
        var text = String.UnicodeScalarView()
        var runStart = index
        while true {
            guard index < scalars.count else {
                throw error(at: open, "unterminated string: the input ends before its closing '\"'")
            }
            let scalar = scalars[index]
            if scalar == "\"" {
                text.append(contentsOf: scalars[runStart..<index])
                index += 1
                return String(text)
            }
            if scalar == "\\" {
                text.append(contentsOf: scalars[runStart..<index])
                text.append(try escape())
                runStart = index
                continue
            }
            if scalar.value < 0x20 {
                if scalar == "\n" || scalar == "\r" {
                    throw error(at: open, "unterminated string: the line ends before its closing '\"' (write a line break inside a string as \\n)")
                }
                throw error(at: index, "control character U+\(JSONValue.hex4(scalar.value)) must be escaped in a string (as \\u\(JSONValue.hex4(scalar.value)))")
            }
            index += 1
        }
    }

    /// Reads one escape sequence starting at the backslash.
    private mutating func escape() throws(SyntaxError) -> Unicode.Scalar {
        let start = index
        index += 1
        guard index < scalars.count else {
            throw error(at: start, "unterminated string: the input ends inside an escape sequence")
        }
        let letter = scalars[index]
        index += 1
        switch letter {
        case "\"": return "\""
        case "\\": return "\\"
        case "/": return "/"
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let unit = try hexUnit(escapeStart: start)
            switch unit {
            case 0xD800...0xDBFF:
                guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
                    throw error(at: start, "unpaired surrogate \\u\(JSONValue.hex4(unit)): a high surrogate must be followed by a \\u escape of a low surrogate (DC00–DFFF)")
                }
                let lowStart = index
                index += 2
                let low = try hexUnit(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(at: lowStart, "unpaired surrogate \\u\(JSONValue.hex4(unit)): \\u\(JSONValue.hex4(low)) is not a low surrogate (DC00–DFFF)")
                }
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!
            case 0xDC00...0xDFFF:
                throw error(at: start, "unpaired surrogate \\u\(JSONValue.hex4(unit)): a low surrogate must follow a high surrogate (D800–DBFF)")
            default:
                return Unicode.Scalar(unit)!
            }
        default:
            let shown = Self.show(letter).hasPrefix("'") ? "\\\(letter)" : "'\\' followed by \(Self.show(letter))"
            throw error(at: start, "invalid escape \(shown) in string; use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX")
        }
    }

    /// Reads the four hex digits of a `\u` escape whose backslash is at `escapeStart`.
    private mutating func hexUnit(escapeStart: Int) throws(SyntaxError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = Self.hexDigit(scalars[index]) else {
                throw error(at: escapeStart, "expected four hex digits after \\u")
            }
            unit = unit << 4 | digit
            index += 1
        }
        return unit
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    // number = [ "-" ] int [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
    private mutating func number() throws(SyntaxError) -> String {
        let start = index
        if peek() == "-" {
            index += 1
            guard let next = peek(), Self.isDigit(next) else {
                throw expected("a digit after '-'")
            }
        }
        if peek() == "0" {
            index += 1
            if let next = peek(), Self.isDigit(next) {
                throw error(at: start, "a number may not start with a leading zero")
            }
        } else {
            skipDigits()
        }
        if peek() == "." {
            index += 1
            guard let next = peek(), Self.isDigit(next) else { throw expected("a digit after the decimal point") }
            skipDigits()
        }
        if peek() == "e" || peek() == "E" {
            index += 1
            if peek() == "+" || peek() == "-" { index += 1 }
            guard let next = peek(), Self.isDigit(next) else { throw expected("a digit in the exponent") }
            skipDigits()
        }
        var literal = String.UnicodeScalarView()
        literal.append(contentsOf: scalars[start..<index])
        return String(literal)
    }

    private mutating func skipDigits() {
        while let scalar = peek(), Self.isDigit(scalar) { index += 1 }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// Reads `true`, `false` or `null`, or explains what stands where a value should.
    private mutating func literal() throws(SyntaxError) -> JSONValue.Content {
        let start = index
        while let scalar = peek(), scalar.isASCII, scalar.properties.isAlphabetic || Self.isDigit(scalar) || scalar == "_" {
            index += 1
        }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<index])
        switch String(word) {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "":
            index = start
            switch peek() {
            case "'": throw error(at: start, "unexpected \"'\": JSON strings are written in double quotes")
            case "/": throw error(at: start, "unexpected '/': JSON does not allow comments")
            case "+": throw error(at: start, "unexpected '+': a JSON number has no leading '+'")
            case ".": throw error(at: start, "unexpected '.': a JSON number needs a digit before the decimal point")
            default: throw expected("a JSON value")
            }
        case let word:
            throw error(at: start, "unexpected word \"\(ModelIssueText.clip(word))\"; a JSON value is an object, array, string, number, true, false or null")
        }
    }

    // MARK: Position

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    /// Skips JSON white space (space, tab, line feed, carriage return), counting lines.
    private mutating func skipWhitespace() {
        while index < scalars.count {
            switch scalars[index] {
            case " ", "\t":
                index += 1
            case "\n":
                index += 1
                newLine()
            case "\r":
                index += 1
                if peek() != "\n" { newLine() }
            default:
                return
            }
        }
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
        cursor = (index, 1)
    }

    /// The line and column of the read position.
    private mutating func position() -> (Int, Int) {
        (line, column(at: index))
    }

    /// The 1-based column, in characters, of an offset on the current line.
    private mutating func column(at offset: Int) -> Int {
        if offset < cursor.offset { cursor = (lineStart, 1) }
        let run = scalars[cursor.offset..<offset]
        let column: Int
        if run.allSatisfy(\.isASCII) {
            column = cursor.column + run.count
        } else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: run)
            column = cursor.column + String(view).count
        }
        cursor = (offset, column)
        return column
    }

    private mutating func error(at offset: Int, _ message: String) -> SyntaxError {
        SyntaxError(line: line, column: column(at: offset), message: message)
    }

    /// "expected X" at the read position, or "unexpected end of input: expected X" at the end.
    private mutating func expected(_ what: String) -> SyntaxError {
        guard let scalar = peek() else {
            return error(at: index, "unexpected end of input: expected \(what)")
        }
        return error(at: index, "expected \(what), found \(Self.show(scalar))")
    }

    /// A scalar as a message shows it: `'x'`, or `U+0007` for invisible ones.
    static func show(_ scalar: Unicode.Scalar) -> String {
        let properties = scalar.properties
        if scalar.value < 0x20 || scalar.value == 0x7F || properties.isWhitespace
            || properties.generalCategory == .format || properties.generalCategory == .control
        {
            return "U+\(JSONValue.hex4(scalar.value))"
        }
        return "'\(scalar)'"
    }
}

/// Text helpers shared by the parser and the reader.
enum ModelIssueText {
    /// `text`, shortened to 60 characters with an ellipsis.
    static func clip(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
