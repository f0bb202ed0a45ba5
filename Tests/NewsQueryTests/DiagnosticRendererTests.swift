import NewsModel
import Testing

@testable import NewsQuery

/// Rendering diagnostics: the header, source line and caret, alignment by display width
/// (wide characters, combining marks, tabs), ranges at the end of the input and across lines,
/// fix-its, notes and colour; and ``DisplayWidth`` itself.
@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    /// A range on line `line` from column `start` to `end` (exclusive) of `source`, with
    /// scalar offsets computed from the text.
    static func range(_ source: String, line: Int, _ start: Int, _ end: Int) -> SourceRange {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        func position(_ column: Int) -> SourcePosition {
            var offset = 0
            for earlier in lines.prefix(line - 1) { offset += earlier.unicodeScalars.count + 1 }
            offset += lines[line - 1].prefix(column - 1).unicodeScalars.count
            return SourcePosition(line: line, column: column, offset: offset)
        }
        return SourceRange(start: position(start), end: position(end))
    }

    /// Renders the parse error of `source`.
    static func renderedParseError(_ source: String, color: Bool = false) -> String {
        do {
            _ = try Parser.parse(source)
            return "no error"
        } catch {
            return DiagnosticRenderer(color: color).render(error)
        }
    }

    @Test func headerSourceLineAndCaret() {
        let source = "quotes by Homen"
        let diagnostic = Diagnostic(
            kind: .name, message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#,
            range: Self.range(source, line: 1, 11, 16), fixIts: [.init(range: Self.range(source, line: 1, 11, 16), replacement: "Homan")])
        let text = DiagnosticRenderer().render(diagnostic, source: source, sourceName: "<input>")
        #expect(text == """
            <input>:1:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
                      ^~~~~
              fix: replace 'Homen' with 'Homan'
              try: quotes by Homan
            """)
    }

    @Test func aHugeMessageIsCutInTheMiddle() {
        let source = "quotes"
        let message = "unknown field '" + String(repeating: "y", count: 5_000) + "' — the end"
        let diagnostic = Diagnostic(kind: .name, message: message, range: Self.range(source, line: 1, 1, 7))
        let header = String(DiagnosticRenderer().render(diagnostic, source: source, sourceName: "s.nq").split(separator: "\n")[0])
        let shown = String(header.dropFirst("s.nq:1:1: error: ".count))
        #expect(shown.count == DiagnosticRenderer.maximumMessageLength)
        #expect(shown.hasPrefix("unknown field 'yyy") && shown.hasSuffix("yyy' — the end"))
        #expect(shown.contains("y…y"))
        // Short messages are untouched.
        #expect(DiagnosticRenderer.elided("unknown field 'x'") == "unknown field 'x'")
    }

    /// Parse errors rendered in full: source and the exact output.
    static let parseCases: [(String, String)] = [
        ("who said surrender", """
            <input>:1:10: error: expected a string in quotes after 'who said', found 'surrender'
            who said surrender
                     ^~~~~~~~~
              fix: replace 'surrender' with '"surrender"'
              try: who said "surrender"
            """),
        // The end of the input: just past the last token.
        ("quotes by Homan |", """
            <input>:1:18: error: expected a stage after '|' (where, sort by, limit, count, show)
            quotes by Homan |
                             ^
            """),
        // Wide characters take two columns each.
        ("who said \"習近平\" |", """
            <input>:1:17: error: expected a stage after '|' (where, sort by, limit, count, show)
            who said "習近平" |
                               ^
            """),
        ("who said \"習近平\" 5", """
            <input>:1:16: error: expected '|' or the end of the statement, found '5'
            who said "習近平" 5
                              ^
            """),
        ("quotes | where speaker = 習近平 主席", """
            <input>:1:26: error: a value of several words needs quotes: write "習近平 主席"
            quotes | where speaker = 習近平 主席
                                     ^~~~~~~~~~~
              fix: replace '習近平 主席' with '"習近平 主席"'
              try: quotes | where speaker = "習近平 主席"
            """),
        // Fullwidth letters are wide; combining marks take no column.
        ("who said \"ＡＢ\" |", """
            <input>:1:16: error: expected a stage after '|' (where, sort by, limit, count, show)
            who said "ＡＢ" |
                             ^
            """),
        ("who said Ze\u{301}lie", """
            <input>:1:10: error: expected a string in quotes after 'who said', found 'Ze\u{301}lie'
            who said Ze\u{301}lie
                     ^~~~~
              fix: replace 'Ze\u{301}lie' with '"Ze\u{301}lie"'
              try: who said "Ze\u{301}lie"
            """),
        // Tabs are copied into the caret line.
        ("quotes\t|\twhere kind direct", """
            <input>:1:21: error: expected a comparison (=, !=, <, <=, >, >=), 'is null' or 'has' after 'kind', found 'direct'
            quotes\t|\twhere kind direct
                  \t \t           ^~~~~~
            """),
        // A later line is shown with its own number.
        ("quotes\n  | sort paragraph", """
            <input>:2:10: error: expected 'by' after 'sort', found 'paragraph'
              | sort paragraph
                     ^~~~~~~~~
              fix: insert 'by '
              try: | sort by paragraph
            """),
        // An unterminated string points at the end of the input and notes where it opened.
        ("who said \"surr", """
            <input>:1:15: error: unterminated string (opened at 1:10)
            who said "surr
                          ^
            <input>:1:10: note: the string starts here
            who said "surr
                     ^
            """),
        ("quotes | show 'x'", """
            <input>:1:15: error: unexpected character '''
            quotes | show 'x'
                          ^
            <input>:1:15: note: strings are written in double quotes: "like this"
            """),
    ]

    @Test("Parse errors", arguments: parseCases)
    func parseErrors(source: String, expected: String) {
        #expect(Self.renderedParseError(source) == expected)
    }

    @Test func rangeAcrossLinesUnderlinesToTheEndOfTheFirstLine() {
        let source = "who said \"one\ntwo\""
        let range = SourceRange(
            start: SourcePosition(line: 1, column: 10, offset: 9), end: SourcePosition(line: 2, column: 5, offset: 18))
        let text = DiagnosticRenderer().render(
            Diagnostic(.warning, kind: .syntax, message: "a string across lines", range: range), source: source, sourceName: "f")
        #expect(text == """
            f:1:10: warning: a string across lines
            who said "one
                     ^~~~
            """)
    }

    @Test func rangeAtTheEndAfterATrailingLineBreak() {
        let source = "quotes\n"
        let end = SourcePosition(line: 2, column: 1, offset: 7)
        let text = DiagnosticRenderer().render(
            Diagnostic(kind: .incomplete, message: "more", range: SourceRange(start: end, end: end)), source: source, sourceName: "f")
        #expect(text == "f:2:1: error: more\n\n^")
    }

    @Test func fixItsAndNotes() {
        let source = "quotes | where (a = 1"
        let open = Self.range(source, line: 1, 16, 17)
        let end = Self.range(source, line: 1, 22, 22)
        let diagnostic = Diagnostic(
            kind: .incomplete, message: "expected ')'", range: end,
            notes: [.init("'(' opened here", range: open), .init("conditions may span lines inside parentheses")],
            fixIts: [.init(range: end, replacement: ")"), .init(range: Self.range(source, line: 1, 16, 17), replacement: "")])
        #expect(DiagnosticRenderer().render(diagnostic, source: source, sourceName: "<input>") == """
            <input>:1:22: error: expected ')'
            quotes | where (a = 1
                                 ^
              fix: insert ')'
              fix: remove '('
              try: quotes | where a = 1)
            <input>:1:16: note: '(' opened here
            quotes | where (a = 1
                           ^
            <input>:1:22: note: conditions may span lines inside parentheses
            """)
    }

    @Test func severalDiagnosticsInOrder() {
        let source = "a b"
        let error = QueryError(
            diagnostics: [
                Diagnostic(kind: .name, message: "one", range: Self.range(source, line: 1, 1, 2)),
                Diagnostic(.warning, kind: .name, message: "two", range: Self.range(source, line: 1, 3, 4)),
            ], source: source, sourceName: "<input>")
        #expect(DiagnosticRenderer().render(error) == "<input>:1:1: error: one\na b\n^\n<input>:1:3: warning: two\na b\n  ^")
    }

    @Test func colourOnlyWhenAsked() {
        let plain = Self.renderedParseError("quotes |")
        #expect(!plain.contains("\u{1B}"))
        let coloured = Self.renderedParseError("quotes |", color: true)
        #expect(coloured == """
            <input>:1:9: \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mexpected a stage after '|' (where, sort by, limit, count, show)\u{1B}[0m
            quotes |
                    \u{1B}[32m^\u{1B}[0m
            """)
        let note = DiagnosticRenderer(color: true).render(
            Diagnostic(.note, kind: .name, message: "n", range: Self.range("x", line: 1, 1, 2)), source: "x", sourceName: "s")
        #expect(note.hasPrefix("s:1:1: \u{1B}[1;36mnote:\u{1B}[0m \u{1B}[1mn\u{1B}[0m"))
    }

    /// Text and its display width.
    static let widthCases: [(String, Int)] = [
        ("", 0),
        ("quotes", 6),
        ("習近平", 6),
        ("한국어", 6),
        ("ひらがな カタカナ", 17),
        ("ＡＢＣ", 6),
        ("ｶﾀｶﾅ", 4),  // halfwidth katakana
        ("Ze\u{301}lie", 5),
        ("\u{301}", 0),
        ("a\u{200B}b", 2),  // zero-width space
        ("👍", 2),
        ("👩‍👩‍👧", 2),
        ("🇺🇸", 2),
        ("☺", 1),
        ("☺\u{FE0F}", 2),
        ("“Trump’s” — café", 16),
        ("\t", 0),
    ]

    @Test("Display width", arguments: widthCases)
    func displayWidth(text: String, expected: Int) {
        #expect(DisplayWidth.of(text) == expected)
    }

    @Test func characterWidths() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("平")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("\u{3000}")) == 2)  // ideographic space
        #expect(DisplayWidth.of(Character("\u{20000}")) == 2)  // CJK Extension B
    }
}

/// Very long source lines are shown as a window around the range, so a diagnostic never
/// prints megabytes.
@Suite("Diagnostic excerpts of long lines")
struct LongLineExcerptTests {
    @Test func aLongLineIsCutAroundTheRange() throws {
        let source = "quotes by " + String(repeating: "x", count: 300) + " | shwo id"
        do {
            _ = try Parser.parse(source)
            Issue.record("expected an error")
        } catch {
            let lines = DiagnosticRenderer().render(error).split(separator: "\n").map(String.init)
            #expect(lines[0] == "<input>:1:314: error: unknown stage 'shwo' — did you mean 'show'?")
            #expect(lines[1].hasPrefix("…x"))
            #expect(lines[1].hasSuffix(" | shwo id"))
            #expect(lines[1].count <= DiagnosticRenderer.maximumExcerptWidth + 2)
            // The caret still stands under 'shwo'.
            let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
            let wordColumn = lines[1].range(of: "shwo").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
            #expect(caretColumn == wordColumn)
            #expect(lines[2].hasSuffix("^~~~"))
        }
    }
}
