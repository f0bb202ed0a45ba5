import NewsModel
import Testing

@testable import NewsQuery

/// The parser on invalid input: every message, its kind and where it points (checked through
/// the rendered caret), fix-its, incomplete versus syntax for the same prefix, and which error
/// wins when there are several.
@Suite("Parser errors")
struct ParserErrorTests {
    /// The single diagnostic parsing `source` throws.
    static func diagnostic(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> QueryError? {
        do {
            let statements = try Parser.parse(source)
            Issue.record("parsed without error: \(statements.map(QueryPrinter.print))", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.diagnostics.count == 1, sourceLocation: sourceLocation)
            #expect(error.source == source && error.sourceName == "<input>", sourceLocation: sourceLocation)
            return error
        }
    }

    /// Source, message, kind, line, column (sources are ASCII, so the caret's display column is
    /// the column).
    static let cases: [(String, String, Diagnostic.Kind, Int, Int)] = [
        ("who said surrender", "expected a string in quotes after 'who said', found 'surrender'", .syntax, 1, 10),
        ("who said", "expected a string in quotes after 'who said'", .incomplete, 1, 9),
        ("who said |", "expected a string in quotes after 'who said', found '|'", .syntax, 1, 10),
        ("who knows", "expected 'said', 'is' or 'mentioned' after 'who', found 'knows'", .syntax, 1, 5),
        ("who is", "expected an actor after 'who is'", .incomplete, 1, 7),
        ("what did Homan", "'say' missing: write 'what did ACTOR say'", .incomplete, 1, 15),
        ("what did Homan\n", "'say' missing: write 'what did ACTOR say'", .incomplete, 1, 15),
        ("what did Homan | limit 3", "'say' missing: write 'what did ACTOR say'", .syntax, 1, 16),
        ("what Homan say", "expected 'did' after 'what' (what did ACTOR say), found 'Homan'", .syntax, 1, 6),
        ("what did say", "expected an actor after 'what did', found 'say'", .syntax, 1, 10),
        ("quotes by", "expected an actor after 'quotes by'", .incomplete, 1, 10),
        ("quotes by |", "expected an actor after 'quotes by', found '|'", .syntax, 1, 11),
        ("statements about", "expected an actor after 'statements about'", .incomplete, 1, 17),
        ("quotes mentioning surrender now",
         "expected a string in quotes after 'quotes mentioning', found 'surrender now'", .syntax, 1, 19),
        ("events on", "expected a day after 'events on' (2026-02-04, Wednesday, today, yesterday, February 4, Feb 4 2026, 4 February 2026)", .incomplete, 1, 10),
        ("events on someday", "'someday' is not a day newsq can read; write one of: 2026-02-04, Wednesday, today, yesterday, February 4, Feb 4 2026, 4 February 2026", .type, 1, 11),
        ("events on February 30", "'February 30' is not a day newsq can read; write one of: 2026-02-04, Wednesday, today, yesterday, February 4, Feb 4 2026, 4 February 2026", .type, 1, 11),
        ("events between 2026-02-04 2026-02-05", "expected 'and' after 'events between 2026-02-04', found '2026-02-05'", .syntax, 1, 27),
        ("quotes | where venue is nothing", "expected 'null' after 'venue is' (compare values with =), found 'nothing'", .syntax, 1, 25),
        ("quotes | where venue < null", "null has no order: use 'venue is null' or 'venue is not null'", .type, 1, 24),
        ("how many", "expected what to count (how many officers) after 'how many'", .incomplete, 1, 9),
        ("when did Homan", "say what happened after the actor: 'when did Homan take over'", .syntax, 1, 10),
        ("events before 2026-02-30", #"invalid date "2026-02-30": February 2026 has 28 days"#, .type, 1, 15),
        ("events in", "expected an actor after 'events in'", .incomplete, 1, 10),
        ("mentions Homan", "expected 'of' after 'mentions' (mentions of ACTOR), found 'Homan'", .syntax, 1, 10),
        ("source of", "expected a record id (like s25 or e-lawsuit) after 'source of'", .incomplete, 1, 10),
        ("source s25", "expected 'of' after 'source', found 's25'", .syntax, 1, 8),
        ("quots by Homan", "unknown command 'quots' — did you mean 'quotes'?", .syntax, 1, 1),
        ("frobnicate the article", "unknown command 'frobnicate'", .syntax, 1, 1),
        ("where kind = direct", "expected a query before 'where'", .syntax, 1, 1),
        ("| limit 3", "expected a query, found '|'", .syntax, 1, 1),
        ("events in January\n2026", "expected a query, found '2026'", .syntax, 2, 1),
        ("let", "expected a name after 'let'", .incomplete, 1, 4),
        ("let 3 = quotes", "expected a name after 'let', found '3'", .syntax, 1, 5),
        ("let quotes = actors", "'quotes' is a keyword and cannot name a variable", .syntax, 1, 5),
        ("let x quotes", "expected '=' after 'let x', found 'quotes'", .syntax, 1, 7),
        ("let x =", "expected a query after '='", .incomplete, 1, 8),
        ("explain", "expected a query after 'explain'", .incomplete, 1, 8),
        ("explain let x = quotes", "expected a query after 'explain', found 'let'", .syntax, 1, 9),
        ("quotes |", "expected a stage after '|' (where, sort by, limit, count, show)", .incomplete, 1, 9),
        ("quotes by Homan |\n", "expected a stage after '|' (where, sort by, limit, count, show)", .incomplete, 1, 18),
        ("quotes by Homan | 5", "expected a stage after '|' (where, sort by, limit, count, show), found '5'", .syntax, 1, 19),
        ("quotes | lmit 3", "unknown stage 'lmit' — did you mean 'limit'?", .syntax, 1, 10),
        ("quotes | where kind = direct |", "expected a stage after '|' (where, sort by, limit, count, show)", .incomplete, 1, 31),
        ("quotes | where", "expected a condition after 'where'", .incomplete, 1, 15),
        ("quotes | where kind = direct and", "expected a condition after 'and'", .incomplete, 1, 33),
        ("quotes | where a = 1 or", "expected a condition after 'or'", .incomplete, 1, 24),
        ("quotes | where a = 1 or\n\n", "expected a condition after 'or'", .incomplete, 1, 24),
        ("quotes | where not", "expected a condition after 'not'", .incomplete, 1, 19),
        ("quotes | where ()", "expected a condition after '(', found ')'", .syntax, 1, 17),
        ("quotes | where (kind = direct", "expected ')' (to close '(' at 1:16)", .incomplete, 1, 30),
        ("quotes | where (kind = direct | limit 3", "expected ')' (to close '(' at 1:16), found '|'", .syntax, 1, 31),
        ("quotes\n| where (a = 1\n", "expected ')' (to close '(' at 2:9)", .incomplete, 2, 15),
        ("quotes | where (a = 1))", "unmatched ')'", .syntax, 1, 23),
        ("quotes)", "unmatched ')'", .syntax, 1, 7),
        ("quotes | where kind direct",
         "expected a comparison (=, !=, <, <=, >, >=), 'is null' or 'has' after 'kind', found 'direct'", .syntax, 1, 21),
        ("quotes | where kind =", "expected a value after '='", .incomplete, 1, 22),
        ("quotes | where kind = |", "expected a value after '=', found '|'", .syntax, 1, 23),
        ("quotes | where speaker = Tom Homan", #"a value of several words needs quotes: write "Tom Homan""#, .syntax, 1, 26),
        ("quotes | where has surrender", "expected a string in quotes after 'has', found 'surrender'", .syntax, 1, 20),
        ("quotes | where a = 1 b", "expected 'and', 'or', '|' or the end of the statement, found 'b'", .syntax, 1, 22),
        ("quotes | sort paragraph", "expected 'by' after 'sort', found 'paragraph'", .syntax, 1, 15),
        ("quotes | sort", "expected 'by' after 'sort'", .incomplete, 1, 14),
        ("quotes | sort by", "expected a field name after 'sort by'", .incomplete, 1, 17),
        ("quotes | sort by a,", "expected a field name after ','", .incomplete, 1, 20),
        ("quotes | limit -3", "limit needs a whole number, found '-3'", .type, 1, 16),
        ("quotes | limit three", "limit needs a whole number, found 'three'", .syntax, 1, 16),
        ("quotes | limit", "limit needs a whole number", .incomplete, 1, 15),
        ("quotes | count by", "expected a field name after 'count by'", .incomplete, 1, 18),
        ("quotes | show", "expected a field name after 'show'", .incomplete, 1, 14),
        ("quotes | show 3", "expected a field name after 'show', found '3'", .syntax, 1, 15),
        ("quotes | show a b", "expected '|' or the end of the statement, found 'b'", .syntax, 1, 17),
        ("actors foo", "expected '|' or the end of the statement, found 'foo'", .syntax, 1, 8),
        (#"who said "x" "y""#, #"expected '|' or the end of the statement, found '"y"'"#, .syntax, 1, 14),
        // Lexical errors surface where the parser reaches them.
        ("quotes; who said \"x", "unterminated string (opened at 1:18)", .incomplete, 1, 20),
        ("quotes by Homen | where @", "unexpected character '@'", .syntax, 1, 25),
        ("what did Homan @", "unexpected character '@'", .syntax, 1, 16),
        // The first statement's error wins, even over a later incomplete one.
        ("quots by x; who said", "unknown command 'quots' — did you mean 'quotes'?", .syntax, 1, 1),
        ("who said x\nquotes |", "expected a string in quotes after 'who said', found 'x'", .syntax, 1, 10),
    ]

    @Test("Messages, kinds and positions", arguments: cases)
    func messages(source: String, message: String, kind: Diagnostic.Kind, line: Int, column: Int) throws {
        let error = try #require(Self.diagnostic(source))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.message == message)
        #expect(diagnostic.kind == kind)
        #expect(diagnostic.range.start.line == line)
        #expect(diagnostic.range.start.column == column)
        #expect(error.isIncomplete == (kind == .incomplete))
        let rendered = DiagnosticRenderer().render(error).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rendered.first.map(String.init) == "<input>:\(line):\(column): error: \(message)")
        #expect(rendered.count >= 3)
        if rendered.count >= 3 {
            #expect(rendered[2].prefix { $0 == " " }.count == column - 1)
            #expect(rendered[2].dropFirst(column - 1).hasPrefix("^"))
        }
    }

    /// The same prefix is incomplete at the end of the input and a syntax error before a token.
    static let prefixCases: [(String, String)] = [
        ("quotes by Homan |", "quotes by Homan | 5"),
        ("who said", "who said surrender"),
        ("quotes | where (a = 1", "quotes | where (a = 1 b"),
        ("quotes | where a = 1 and", "quotes | where a = 1 and )"),
        ("quotes | sort", "quotes | sort paragraph"),
        ("quotes | limit", "quotes | limit x"),
        ("let x =", "let x = |"),
        ("what did Homan", "what did Homan;"),
    ]

    @Test("Incomplete versus syntax", arguments: prefixCases)
    func incompleteVersusSyntax(prefix: String, longer: String) throws {
        let short = try #require(Self.diagnostic(prefix))
        let long = try #require(Self.diagnostic(longer))
        #expect(short.diagnostics.first?.kind == .incomplete)
        #expect(long.diagnostics.first?.kind == .syntax)
        #expect(short.isIncomplete && !long.isIncomplete)
    }

    /// Source and the fix-its of its diagnostic, rendered.
    static let fixItCases: [(String, [String])] = [
        ("who said surrender", [#"replace 'surrender' with '"surrender"'"#]),
        ("quotes mentioning stand down | limit 1", [#"replace 'stand down' with '"stand down"'"#]),
        ("quots by Homan", ["replace 'quots' with 'quotes'"]),
        ("quotes | lmit 3", ["replace 'lmit' with 'limit'"]),
        ("quotes | where speaker = Tom Homan", [#"replace 'Tom Homan' with '"Tom Homan"'"#]),
        ("quotes | sort paragraph", ["insert 'by '"]),
        ("what did Homan | limit 1", ["insert ' say'"]),
        ("frobnicate the article", []),
    ]

    @Test("Fix-its", arguments: fixItCases)
    func fixIts(source: String, expected: [String]) throws {
        let error = try #require(Self.diagnostic(source))
        let fixIts = error.diagnostics[0].fixIts.map { DiagnosticRenderer.describe($0, in: source) }
        #expect(fixIts == expected)
    }

    @Test func fixItRangesPointAtTheWords() throws {
        let error = try #require(Self.diagnostic("what did Homan | limit 1"))
        let fix = try #require(error.diagnostics[0].fixIts.first)
        #expect(fix.range.start.column == 15 && fix.range.end.column == 15)
        let sort = try #require(Self.diagnostic("quotes | sort paragraph"))
        #expect(sort.diagnostics[0].fixIts.first?.range.start.column == 15)
    }

    @Test func unknownCommandWithoutSuggestionListsCommands() throws {
        let error = try #require(Self.diagnostic("frobnicate the article"))
        #expect(error.diagnostics[0].notes.map(\.message) == [
            "a statement starts with who, what, when, how, quotes, statements, actors, people, organizations, "
                + "organisations, groups, places, events, mentions, source, articles, let, explain, or the name of a variable",
        ])
    }

    @Test func anAssignmentWithoutLetGetsANote() throws {
        let error = try #require(Self.diagnostic("surge = quotes by Homan"))
        #expect(error.message == "expected '|' or the end of the statement, found '='")
        #expect(error.diagnostics[0].notes.map(\.message) == ["to name a query, write 'let surge = QUERY'"])
    }

    @Test func aLoneUnknownWordIsAVariable() throws {
        let statements = try Parser.parse("quots\nquots | limit 2\nquots where x = 1")
        #expect(statements.map(QueryPrinter.print) == ["quots", "quots | limit 2", "quots | where x = 1"])
    }

    @Test func sourceNameIsKept() {
        do {
            _ = try Parser.parse("quotes |", sourceName: "script.nq")
            Issue.record("expected an error")
        } catch {
            #expect(error.sourceName == "script.nq")
            #expect(DiagnosticRenderer().render(error).hasPrefix("script.nq:1:9: error: expected a stage"))
        }
    }
}
