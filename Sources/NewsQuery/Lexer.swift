import NewsModel

/// Splits query text into ``Token``s, the first phase of the language front end.
///
/// The lexer never stops: text it cannot read becomes a token of kind ``Token/Kind/error``
/// carrying a ``Diagnostic`` (an unterminated string is ``Diagnostic/Kind/incomplete``, an
/// impossible date ``Diagnostic/Kind/type``, anything else ``Diagnostic/Kind/syntax``), and
/// lexing resumes after it. `#` starts a comment that runs to the end of the line; spaces, tabs
/// and comments separate tokens but are not tokens. Line breaks are tokens (``Token/Kind/newline``):
/// the parser decides where they end a statement.
///
/// Positions count lines from 1, columns in characters from 1, and offsets in Unicode scalars
/// from 0.
public struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var tokenStart = 0
    private var position = SourcePosition(line: 1, column: 1, offset: 0)

    /// Creates a lexer over `source`.
    public init(source: String) {
        characters = Array(source)
    }

    /// Every token of `source`, ending with one ``Token/Kind/end`` token.
    public static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    /// Whether `character` breaks a line: `\n`, `\r\n` or `\r`.
    public static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// Whether `character` may start a word: a letter or `_` — not a combining mark standing
    /// alone (some, like U+06DA, count as letters), which a space before it would swallow into
    /// one character with the space: a word could then not be written back after a space.
    public static func isWordStart(_ character: Character) -> Bool {
        if let first = character.unicodeScalars.first, isCombiningMark(first) { return false }
        return character.isLetter || character == "_"
    }

    /// Whether a scalar is a combining mark (general category Mn, Mc or Me).
    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether `character` may continue a word: a letter, a digit, `.`, `'`, `’`, `-` or `_`.
    public static func isWordPart(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "." || character == "'" || character == "’"
            || character == "-" || character == "_"
    }

    /// The next token; after the end of the input, ``Token/Kind/end`` again.
    public mutating func next() -> Token {
        skipBlanksAndComments()
        let start = position
        tokenStart = index
        guard let character = peek() else {
            return Token(.end, text: "", range: SourceRange(start: start, end: start))
        }
        advance()
        switch character {
        case _ where Lexer.isLineBreak(character): return make(.newline, from: start)
        case "|": return make(.pipe, from: start)
        case "(": return make(.leftParen, from: start)
        case ")": return make(.rightParen, from: start)
        case ",": return make(.comma, from: start)
        case ";": return make(.semicolon, from: start)
        case "?": return make(.question, from: start)
        case "=":
            _ = match("=")
            return make(.comparison, from: start)
        case "!":
            guard match("=") else { return unexpected(character, from: start) }
            return make(.comparison, from: start)
        case "<":
            _ = match("=") || match(">")
            return make(.comparison, from: start)
        case ">":
            _ = match("=")
            return make(.comparison, from: start)
        case "\"": return straightString(from: start)
        case "“": return typographicString(from: start)
        case "$": return variable(from: start)
        case "-" where peek().map(Lexer.isDigit) == true: return number(from: start)
        case _ where Lexer.isDigit(character): return number(from: start)
        case _ where Lexer.isWordStart(character):
            while let next = peek(), Lexer.isWordPart(next) { advance() }
            return make(.word, from: start)
        default: return unexpected(character, from: start)
        }
    }

    // MARK: - Strings, variables, numbers

    /// string = '"' { char | '\"' | '\\' } '"' ;  (may span lines)
    private mutating func straightString(from start: SourcePosition) -> Token {
        var text = ""
        var badEscape: Diagnostic?
        while let character = peek(), character != "\"" {
            let escapeStart = position
            advance()
            guard character == "\\" else {
                text.append(character)
                continue
            }
            guard let escaped = peek() else { break }
            advance()
            if escaped == "\"" || escaped == "\\" {
                text.append(escaped)
            } else if badEscape == nil {
                badEscape = Diagnostic(
                    kind: .syntax, message: "invalid escape '\\\(escaped)' in a string: only \\\" and \\\\ are allowed",
                    range: SourceRange(start: escapeStart, end: position))
            }
        }
        guard match("\"") else { return unterminated(from: start) }
        if let badEscape { return make(.error, from: start, diagnostic: badEscape) }
        return make(.string, from: start, text: text)
    }

    /// string = '“' { char } '”' ;  (no escapes; may span lines)
    private mutating func typographicString(from start: SourcePosition) -> Token {
        var text = ""
        while let character = peek(), character != "”" {
            advance()
            text.append(character)
        }
        guard match("”") else { return unterminated(from: start) }
        return make(.string, from: start, text: text)
    }

    /// A string that reaches the end of the input: incomplete, pointing at the end.
    private func unterminated(from start: SourcePosition) -> Token {
        let opener = SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + 1, offset: start.offset + 1))
        let diagnostic = Diagnostic(
            kind: .incomplete, message: "unterminated string (opened at \(start.line):\(start.column))",
            range: SourceRange(start: position, end: position), notes: [.init("the string starts here", range: opener)])
        return make(.error, from: start, diagnostic: diagnostic)
    }

    /// variable = "$" ( letter | digit | "_" ) { letter | digit | "_" } ;
    private mutating func variable(from start: SourcePosition) -> Token {
        while let next = peek(), next.isLetter || next.isNumber || next == "_" { advance() }
        guard position.offset > start.offset + 1 else {
            return make(.error, from: start, diagnostic: Diagnostic(
                kind: .syntax, message: "expected a name after '$'", range: SourceRange(start: start, end: position)))
        }
        return make(.variable, from: start)
    }

    /// integer = [ "-" ] digit { digit } ;  date = digit{4} "-" digit{2} "-" digit{2} ;
    ///
    /// Letters, digits, `.`, `-` and `_` directly after the digits belong to the same token, so
    /// that `3rd` or `2026-2-4` is one malformed token rather than two valid ones.
    private mutating func number(from start: SourcePosition) -> Token {
        while let next = peek(), Lexer.isWordPart(next) { advance() }
        let lexeme = String(characters[tokenStart..<index])
        let unsigned = lexeme.hasPrefix("-") ? lexeme.dropFirst() : Substring(lexeme)
        if unsigned.allSatisfy(Lexer.isDigit) {
            guard Int(lexeme) != nil else {
                return make(.error, from: start, diagnostic: Diagnostic(
                    kind: .type, message: "number too large: '\(lexeme)'", range: SourceRange(start: start, end: position)))
            }
            return make(.integer, from: start)
        }
        let halves = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        if halves.count == 2, halves.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Lexer.isDigit) }), Double(lexeme) != nil {
            return make(.decimal, from: start)
        }
        let parts = unsigned.split(separator: "-", omittingEmptySubsequences: false)
        let isDateLike = !lexeme.hasPrefix("-") && parts.count > 1 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(Lexer.isDigit) }
        guard isDateLike else {
            return make(.error, from: start, diagnostic: Diagnostic(
                kind: .syntax, message: "malformed number '\(lexeme)'", range: SourceRange(start: start, end: position)))
        }
        if let problem = Lexer.dateProblem(parts.map(String.init)) {
            return make(.error, from: start, diagnostic: Diagnostic(
                kind: .type, message: "invalid date \"\(lexeme)\": \(problem)", range: SourceRange(start: start, end: position)))
        }
        return make(.date, from: start)
    }

    /// Why the `-`-separated digit groups of a date-like token are not a date, or `nil`.
    private static func dateProblem(_ parts: [String]) -> String? {
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return "write dates as YYYY-MM-DD" }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let days = CalendarDate.daysIn(month: month, year: year)
        guard day >= 1 else { return "there is no day 0" }
        guard day <= days else { return "\(Keywords.monthNames[month - 1]) \(year) has \(days) days" }
        return nil
    }

    // MARK: - Characters

    /// An unexpected character, named by its code point when it is invisible.
    private func unexpected(_ character: Character, from start: SourcePosition) -> Token {
        let scalar = character.unicodeScalars.first!
        let invisible: Bool
        switch scalar.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse, .surrogate, .lineSeparator, .paragraphSeparator,
            .nonspacingMark, .spacingMark, .enclosingMark:
            invisible = true
        default: invisible = false
        }
        let name: String
        if invisible {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        } else {
            name = "'\(character)'"
        }
        var notes: [Diagnostic.Note] = []
        if character == "'" || character == "‘" { notes.append(.init("strings are written in double quotes: \"like this\"")) }
        return make(.error, from: start, diagnostic: Diagnostic(
            kind: .syntax, message: "unexpected character \(name)", range: SourceRange(start: start, end: position),
            notes: notes))
    }

    private static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }

    /// Skips spaces, tabs and other non-breaking blanks, and `#` comments up to the line break.
    private mutating func skipBlanksAndComments() {
        while let character = peek() {
            if character == "#" {
                while let next = peek(), !Lexer.isLineBreak(next) { advance() }
            } else if character.isWhitespace && !Lexer.isLineBreak(character) {
                advance()
            } else {
                return
            }
        }
    }

    private func peek() -> Character? {
        index < characters.count ? characters[index] : nil
    }

    private mutating func advance() {
        let character = characters[index]
        index += 1
        position.offset += character.unicodeScalars.count
        if Lexer.isLineBreak(character) {
            position.line += 1
            position.column = 1
        } else {
            position.column += 1
        }
    }

    private mutating func match(_ expected: Character) -> Bool {
        guard peek() == expected else { return false }
        advance()
        return true
    }

    /// A token from `start` to the current position; its lexeme is the source text between.
    private func make(_ kind: Token.Kind, from start: SourcePosition, text: String? = nil, diagnostic: Diagnostic? = nil) -> Token {
        let range = SourceRange(start: start, end: position)
        let lexeme = String(characters[tokenStart..<index])
        return Token(kind, text: text ?? lexeme, lexeme: lexeme, range: range, diagnostic: diagnostic)
    }
}
