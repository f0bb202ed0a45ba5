import NewsModel
import Testing

@testable import NewsQuery

/// The lexer: every token kind, word shapes, strings, numbers and dates, positions, comments
/// and every lexical error.
@Suite("Lexer")
struct LexerTests {
    /// A token as `kind:text`, for compact expectations.
    static func summary(_ token: Token) -> String {
        "\(token.kind.rawValue):\(token.text)"
    }

    /// The tokens of `source` as `kind:text`, without the final end token.
    static func summaries(_ source: String) -> [String] {
        Lexer.tokenize(source).dropLast().map(summary)
    }

    static let tokenCases: [(String, [String])] = [
        ("quotes", ["word:quotes"]),
        ("Gov. Walz", ["word:Gov.", "word:Walz"]),
        ("Trump’s border czar", ["word:Trump’s", "word:border", "word:czar"]),
        ("e-lawsuit s25 tom-homan _x O'Brien", ["word:e-lawsuit", "word:s25", "word:tom-homan", "word:_x", "word:O'Brien"]),
        ("U.S.", ["word:U.S."]),
        ("習近平 Zoë", ["word:習近平", "word:Zoë"]),
        (#""surrender""#, ["string:surrender"]),
        (#""say \"no\" \\ now""#, [#"string:say "no" \ now"#]),
        ("“stand down”", ["string:stand down"]),
        (#"“a "b" c”"#, [#"string:a "b" c"#]),
        ("\"two\nlines\"", ["string:two\nlines"]),
        ("700 -3 0", ["integer:700", "integer:-3", "integer:0"]),
        ("2026-02-04 2024-02-29", ["date:2026-02-04", "date:2024-02-29"]),
        ("| ( ) , ;", ["pipe:|", "leftParen:(", "rightParen:)", "comma:,", "semicolon:;"]),
        ("= == != <> < <= > >=", [
            "comparison:=", "comparison:==", "comparison:!=", "comparison:<>", "comparison:<", "comparison:<=",
            "comparison:>", "comparison:>=",
        ]),
        ("$actor $1 $_x", ["variable:$actor", "variable:$1", "variable:$_x"]),
        ("a\nb\r\nc\rd", ["word:a", "newline:\n", "word:b", "newline:\r\n", "word:c", "newline:\r", "word:d"]),
        ("paragraph>3", ["word:paragraph", "comparison:>", "integer:3"]),
        ("(kind=direct)", ["leftParen:(", "word:kind", "comparison:=", "word:direct", "rightParen:)"]),
        ("show a,b;", ["word:show", "word:a", "comma:,", "word:b", "semicolon:;"]),
        ("quotes # a comment \"not a string\nactors", ["word:quotes", "newline:\n", "word:actors"]),
        ("# only a comment", []),
        ("  \t ", []),
        ("", []),
    ]

    @Test("Tokens", arguments: tokenCases)
    func tokens(source: String, expected: [String]) {
        #expect(Self.summaries(source) == expected)
    }

    @Test func tokenValues() throws {
        let tokens = Lexer.tokenize(#"-3 2026-02-04 == <> "a\"b""#)
        #expect(tokens[0].integerValue == -3)
        #expect(tokens[1].dateValue == CalendarDate(year: 2026, month: 2, day: 4))
        #expect(tokens[2].comparison == .equal)
        #expect(tokens[3].comparison == .notEqual)
        #expect(tokens[4].text == #"a"b"#)
        #expect(tokens[4].lexeme == #""a\"b""#)
        #expect(tokens[0].comparison == nil && tokens[2].integerValue == nil && tokens[0].dateValue == nil)
        #expect(Lexer.tokenize("WHO")[0].isKeyword("who"))
    }

    /// Positions: line and column count characters, offsets count Unicode scalars.
    static let positionCases: [(String, Int, Int, Int, Int)] = [
        // source, token index, line, column, offset
        ("quotes by Homan", 2, 1, 11, 10),
        ("who said \"習近平\" |", 3, 1, 16, 15),
        // "é" as e + combining acute: one character, two scalars.
        ("who is Ze\u{301}lie |", 3, 1, 14, 14),
        ("👩‍👩‍👧 x", 1, 1, 3, 6),
        ("quotes\n  | limit 3", 3, 2, 5, 11),
        ("a\r\nb", 2, 2, 1, 3),
        ("\"x\ny\" z", 1, 2, 4, 6),
    ]

    @Test("Positions", arguments: positionCases)
    func positions(source: String, index: Int, line: Int, column: Int, offset: Int) {
        let token = Lexer.tokenize(source)[index]
        #expect(token.range.start == SourcePosition(line: line, column: column, offset: offset))
    }

    @Test func rangesCoverTokens() {
        let tokens = Lexer.tokenize("where kind <> “direct” ")
        #expect(tokens.map(\.range.start.column) == [1, 7, 12, 15, 24])
        #expect(tokens.map(\.range.end.column) == [6, 11, 14, 23, 24])
        let end = tokens.last!
        #expect(end.kind == .end && end.range.start == end.range.end && end.range.start.offset == 23)
    }

    /// Lexical errors: source, message, kind, line, column of the error token's diagnostic.
    static let errorCases: [(String, String, Diagnostic.Kind, Int, Int)] = [
        ("quotes @", "unexpected character '@'", .syntax, 1, 8),
        ("a ! b", "unexpected character '!'", .syntax, 1, 3),
        ("who said 'x'", "unexpected character '''", .syntax, 1, 10),
        ("x \u{7}", "unexpected character U+0007", .syntax, 1, 3),
        // A combining mark with nothing before it on its line is not a word (found by fuzzing:
        // written back after a space, it merged with the space and the statement changed).
        ("explain\n\u{6DA}\u{489}", "unexpected character U+06DA", .syntax, 2, 1),
        ("\u{301}quotes", "unexpected character U+0301", .syntax, 1, 1),
        ("- 3", "unexpected character '-'", .syntax, 1, 1),
        ("who said \"surrender", "unterminated string (opened at 1:10)", .incomplete, 1, 20),
        ("who said “surrender\nmore", "unterminated string (opened at 1:10)", .incomplete, 2, 5),
        (#"who said "a\nb""#, #"invalid escape '\n' in a string: only \" and \\ are allowed"#, .syntax, 1, 12),
        ("events on 2026-02-30", #"invalid date "2026-02-30": February 2026 has 28 days"#, .type, 1, 11),
        ("events on 2024-02-30", #"invalid date "2024-02-30": February 2024 has 29 days"#, .type, 1, 11),
        ("events on 2026-04-31", #"invalid date "2026-04-31": April 2026 has 30 days"#, .type, 1, 11),
        ("events on 2026-13-01", #"invalid date "2026-13-01": there is no month 13"#, .type, 1, 11),
        ("events on 2026-02-00", #"invalid date "2026-02-00": there is no day 0"#, .type, 1, 11),
        ("events on 2026-2-4", #"invalid date "2026-2-4": write dates as YYYY-MM-DD"#, .type, 1, 11),
        ("limit 3rd", "malformed number '3rd'", .syntax, 1, 7),
        ("limit 2.5.1", "malformed number '2.5.1'", .syntax, 1, 7),
        ("limit 99999999999999999999", "number too large: '99999999999999999999'", .type, 1, 7),
        ("where x = $", "expected a name after '$'", .syntax, 1, 11),
    ]

    @Test("Errors", arguments: errorCases)
    func errors(source: String, message: String, kind: Diagnostic.Kind, line: Int, column: Int) throws {
        let bad = try #require(Lexer.tokenize(source).first { $0.kind == .error })
        let diagnostic = try #require(bad.diagnostic)
        #expect(diagnostic.message == message)
        #expect(diagnostic.kind == kind)
        #expect(diagnostic.range.start.line == line)
        #expect(diagnostic.range.start.column == column)
    }

    @Test func lexingGoesOnAfterAnError() {
        #expect(Self.summaries("a @ b").map { $0.hasPrefix("error:") ? "error" : $0 } == ["word:a", "error", "word:b"])
        let note = Lexer.tokenize("'x'")[0].diagnostic?.notes.first?.message
        #expect(note == "strings are written in double quotes: \"like this\"")
    }

    @Test func unterminatedStringNotesWhereItOpened() throws {
        let diagnostic = try #require(Lexer.tokenize("who said \"x").last { $0.kind == .error }?.diagnostic)
        #expect(diagnostic.notes.first?.message == "the string starts here")
        #expect(diagnostic.notes.first?.range?.start.column == 10)
        #expect(diagnostic.range.start == diagnostic.range.end)
    }
}
