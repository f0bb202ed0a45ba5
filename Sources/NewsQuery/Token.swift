import NewsModel

/// One lexical unit of query text: a word, a string, a number, a date, an operator or
/// punctuation, with where it stands.
///
/// ``Lexer`` produces tokens; ``Parser`` consumes them. A token that could not be read (an
/// unterminated string, an unexpected character) has kind ``Kind/error`` and carries its
/// ``diagnostic``, so that lexing never stops and the parser reports problems in source order.
public struct Token: Sendable, Equatable {
    /// What sort of token it is.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// A bare word: a letter or `_`, then letters, digits, `.`, `'`, `’`, `-`, `_`
        /// (`quotes`, `Gov.`, `Trump’s`, `e-lawsuit`, `s25`). Keywords are words.
        case word
        /// A string in straight (`"…"`, with `\"` and `\\` escapes) or typographic (`“…”`)
        /// quotes; ``Token/text`` holds the unescaped content.
        case string
        /// A whole number, possibly negative (`700`, `-3`).
        case integer
        /// A number with a fractional part (`0.6`, `-1.25`).
        case decimal
        /// A calendar date written `YYYY-MM-DD`; ``Token/text`` holds it as typed.
        case date
        /// A script argument, `$NAME`; ``Token/text`` includes the `$`.
        case variable
        /// `|`
        case pipe
        /// `(`
        case leftParen
        /// `)`
        case rightParen
        /// `,`
        case comma
        /// `;`
        case semicolon
        /// `?`, allowed at the end of a statement (`who is Homan?`) and ignored there.
        case question
        /// A comparison operator: `=`, `==`, `!=`, `<>`, `<`, `<=`, `>`, `>=`.
        case comparison
        /// A line break (`\n`, `\r\n` or `\r`).
        case newline
        /// The end of the input (an empty range just past the last character).
        case end
        /// Text that is not a token; ``Token/diagnostic`` says why.
        case error
    }

    /// What sort of token it is.
    public var kind: Kind
    /// The token's value: the word or operator as typed, a string's unescaped content, a
    /// number's digits, a date as typed, a variable with its `$`.
    public var text: String
    /// The token exactly as it stands in the source (quotes and escapes included).
    public var lexeme: String
    /// Where the token stands.
    public var range: SourceRange
    /// For an ``Kind/error`` token, the problem; `nil` otherwise.
    public var diagnostic: Diagnostic?

    /// Creates a token.
    public init(_ kind: Kind, text: String, lexeme: String? = nil, range: SourceRange, diagnostic: Diagnostic? = nil) {
        self.kind = kind
        self.text = text
        self.lexeme = lexeme ?? text
        self.range = range
        self.diagnostic = diagnostic
    }

    /// The value of an ``Kind/integer`` token; `nil` for other kinds.
    public var integerValue: Int? { kind == .integer ? Int(text) : nil }

    /// The value of a ``Kind/decimal`` token; `nil` for other kinds.
    public var decimalValue: Double? { kind == .decimal ? Double(text) : nil }

    /// The value of a ``Kind/date`` token; `nil` for other kinds.
    public var dateValue: CalendarDate? { kind == .date ? CalendarDate(iso: text) : nil }

    /// The operator of a ``Kind/comparison`` token (`==` is `=`, `<>` is `!=`); `nil` for
    /// other kinds.
    public var comparison: Comparison? {
        guard kind == .comparison else { return nil }
        switch text {
        case "==": return .equal
        case "<>": return .notEqual
        default: return Comparison(rawValue: text)
        }
    }

    /// Whether this is the word `keyword`, compared case-insensitively (`keyword` in lower case).
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    /// The token as quoted in a message: `'surrender'`, `'"x"'`, or a description for a line
    /// break or the end of input. Long lexemes are shortened with `…`.
    public var quoted: String {
        switch kind {
        case .newline: return "the end of the line"
        case .end: return "the end of the input"
        default:
            let limit = 32
            let shown = lexeme.count > limit ? String(lexeme.prefix(limit - 1)) + "…" : lexeme
            return "'\(shown)'"
        }
    }
}
