import NewsModel
import Testing

@testable import NewsQuery

/// The parser on valid input: every source form and stage, keywords in any case, line breaks
/// and `;`, precedence, ranges, and canonical printing (`QueryPrinter`) with round trips.
@Suite("Parser")
struct ParserTests {
    /// The statements of `source`, printed canonically and joined with `; `.
    static func printed(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            return try Parser.parse(source).map(QueryPrinter.print).joined(separator: "; ")
        } catch {
            Issue.record("\(source): \(DiagnosticRenderer().render(error))", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The single query of `source`.
    static func query(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Query {
        let statements = try Parser.parse(source)
        guard statements.count == 1, case .query(let query) = statements[0] else {
            Issue.record("expected one query in \(source)", sourceLocation: sourceLocation)
            throw QueryError(diagnostics: [], source: source, sourceName: "<test>")
        }
        return query
    }

    /// The condition of `quotes | where CONDITION` as an S-expression.
    static func tree(_ condition: String) throws -> String {
        guard case .stage(_, .filter(let parsed), _) = try query("quotes | where " + condition) else { return "?" }
        return sexpr(parsed)
    }

    static func sexpr(_ condition: Condition) -> String {
        switch condition {
        case .or(let a, let b): return "(or \(sexpr(a)) \(sexpr(b)))"
        case .and(let a, let b): return "(and \(sexpr(a)) \(sexpr(b)))"
        case .not(let a, _): return "(not \(sexpr(a)))"
        case .compare(let field, let op, let value): return "(\(op.rawValue) \(field.text) \(QueryPrinter.print(value)))"
        case .has(let field, let pattern): return "(has \(field?.text ?? "_") \(QueryPrinter.quote(pattern.text)))"
        case .isNull(let field, let negated, _): return "(\(negated ? "not-null" : "null") \(field.text))"
        }
    }

    /// Input and its canonical form.
    static let canonicalCases: [(String, String)] = [
        // Sources.
        (#"who said "surrender""#, #"who said "surrender""#),
        (#"WHO SAID "x""#, #"who said "x""#),
        ("who said “stand down”", #"who said "stand down""#),
        (#"who said "a \"b\" \\ c""#, #"who said "a \"b\" \\ c""#),
        ("who is Homan", "who is Homan"),
        (#"Who Is "Tom Homan""#, "who is Tom Homan"),
        ("what did Homan say", "quotes by Homan"),
        ("What Did Gov. Walz SAY", "quotes by Gov. Walz"),
        ("quotes", "quotes"),
        ("statements", "quotes"),
        ("quotes by Trump’s border czar", "quotes by Trump’s border czar"),
        ("STATEMENTS BY Homan", "quotes by Homan"),
        ("statements about ICE", "quotes about ICE"),
        (#"quotes mentioning "schools""#, #"quotes mentioning "schools""#),
        ("actors", "actors"),
        ("people", "people"),
        ("organizations", "organizations"),
        ("Organisations", "organizations"),
        ("groups", "groups"),
        ("places", "places"),
        ("events", "events"),
        ("events involving Tom Homan", "events involving Tom Homan"),
        ("events on 2026-02-04", "events on 2026-02-04"),
        ("events in January", "events in January"),
        ("events in jan 2026", "events in January 2026"),
        ("events in SEPT", "events in September"),
        ("events in Minneapolis", "events in Minneapolis"),
        (#"events in "May""#, #"events in "May""#),
        ("events before 2026-02-04", "events before 2026-02-04"),
        ("events after 2026-01-31", "events after 2026-01-31"),
        ("mentions of Homan", "mentions of Homan"),
        ("source of s25", "source of s25"),
        ("source of e-lawsuit", "source of e-lawsuit"),
        ("surge", "surge"),
        ("let surge = quotes by Homan", "let surge = quotes by Homan"),
        ("LET x = actors", "let x = actors"),
        ("explain what did Homan say", "explain quotes by Homan"),
        // Actors that need quotes to print back.
        (#"who is "Homan | Trump""#, #"who is "Homan | Trump""#),
        (#"who is "sort of""#, #"who is "sort of""#),
        // Script arguments.
        ("who is $actor", "who is $actor"),
        ("who said $words", "who said $words"),
        ("quotes | where speaker = $who", "quotes | where speaker = $who"),
        ("source of $id", "source of $id"),
        // Stages.
        ("quotes | where kind = direct", "quotes | where kind = direct"),
        ("quotes where kind == direct", "quotes | where kind = direct"),
        ("quotes | where kind <> direct", "quotes | where kind != direct"),
        ("quotes | where paragraph < 3 and paragraph <= 4 and paragraph > -3 and paragraph >= 0",
         "quotes | where paragraph < 3 and paragraph <= 4 and paragraph > -3 and paragraph >= 0"),
        ("quotes | where date >= 2026-02-04", "quotes | where date >= 2026-02-04"),
        (#"quotes | where speaker = "Tom Homan""#, #"quotes | where speaker = "Tom Homan""#),
        (#"quotes | where kind = "direct""#, "quotes | where kind = direct"),
        (#"quotes | where kind = "and""#, #"quotes | where kind = "and""#),
        (#"quotes | where has "surrender""#, #"quotes | where has "surrender""#),
        (#"quotes | where content HAS “stand down”"#, #"quotes | where content has "stand down""#),
        ("quotes | where has = 3", "quotes | where has = 3"),
        ("quotes | sort by paragraph desc, speaker asc", "quotes | sort by paragraph desc, speaker"),
        ("quotes | SORT BY paragraph DESC", "quotes | sort by paragraph desc"),
        ("quotes | limit 3", "quotes | limit 3"),
        ("quotes | limit 0", "quotes | limit 0"),
        ("quotes | count", "quotes | count"),
        ("quotes | count by speaker", "quotes | count by speaker"),
        ("quotes | show speaker, content", "quotes | show speaker, content"),
        ("quotes | count by speaker | sort by count desc", "quotes | count by speaker | sort by count desc"),
        ("quotes by Homan limit 3", "quotes by Homan | limit 3"),
        ("quotes by Homan where kind = direct sort by paragraph limit 2 show content",
         "quotes by Homan | where kind = direct | sort by paragraph | limit 2 | show content"),
        ("surge | count", "surge | count"),
        // Conditions print with the parentheses they need.
        ("quotes | where not kind = direct", "quotes | where not kind = direct"),
        ("quotes | where not (a = 1 or b = 2)", "quotes | where not (a = 1 or b = 2)"),
        ("quotes | where (a = 1 or b = 2) and c = 3", "quotes | where (a = 1 or b = 2) and c = 3"),
        ("quotes | where a = 1 or (b = 2 or c = 3)", "quotes | where a = 1 or (b = 2 or c = 3)"),
        ("quotes | where (a = 1 or b = 2) or c = 3", "quotes | where a = 1 or b = 2 or c = 3"),
        ("quotes | where a = 1 or (b = 2 and c = 3)", "quotes | where a = 1 or b = 2 and c = 3"),
        ("quotes | where ((a = 1))", "quotes | where a = 1"),
        ("quotes | where not not a = 1", "quotes | where not not a = 1"),
        // Several statements, line breaks, comments.
        ("quotes; actors", "quotes; actors"),
        ("quotes\nactors", "quotes; actors"),
        (";; quotes ;;\n\n actors ;", "quotes; actors"),
        ("# a script\nquotes # all of them\n\n# done\n", "quotes"),
        ("quotes |\n  limit 3", "quotes | limit 3"),
        ("quotes\n  | where kind = direct\n  | limit 3", "quotes | where kind = direct | limit 3"),
        ("quotes\n\n# the direct ones\n| where kind = direct", "quotes | where kind = direct"),
        ("quotes by\nHoman", "quotes by Homan"),
        ("who\nsaid\n\"x\"", #"who said "x""#),
        ("what did Homan\nsay", "quotes by Homan"),
        ("let x =\n  quotes", "let x = quotes"),
        ("explain\nquotes", "explain quotes"),
        ("quotes | where a = 1 and\n b = 2 or\n not\n c = 3", "quotes | where a = 1 and b = 2 or not c = 3"),
        ("quotes | where (a = 1\n or b = 2\n)", "quotes | where a = 1 or b = 2"),
        ("quotes | where kind\n=\ndirect", "quotes | where kind = direct"),
        ("quotes | sort by\n a,\n b desc", "quotes | sort by a, b desc"),
        ("quotes | show a,\n b | count", "quotes | show a, b | count"),
        ("events on\n2026-02-04", "events on 2026-02-04"),
        ("quotes by Homan\nquotes by Walz", "quotes by Homan; quotes by Walz"),
        ("events in January\nquotes", "events in January; quotes"),
        ("\r\nquotes\r\n| limit 1\r\n", "quotes | limit 1"),
    ]

    @Test("Canonical form", arguments: canonicalCases)
    func canonical(source: String, expected: String) {
        #expect(Self.printed(source) == expected)
    }

    /// Printing is a fixed point: the canonical form parses and prints to itself.
    @Test("Round trip", arguments: canonicalCases)
    func roundTrip(source: String, expected: String) {
        #expect(Self.printed(expected) == expected)
    }

    /// Condition source and its tree.
    static let precedenceCases: [(String, String)] = [
        ("a = 1 or b = 2 and c = 3", "(or (= a 1) (and (= b 2) (= c 3)))"),
        ("a = 1 and b = 2 or c = 3", "(or (and (= a 1) (= b 2)) (= c 3))"),
        ("a = 1 or b = 2 or c = 3", "(or (or (= a 1) (= b 2)) (= c 3))"),
        ("a = 1 and b = 2 and c = 3", "(and (and (= a 1) (= b 2)) (= c 3))"),
        ("(a = 1 or b = 2) and c = 3", "(and (or (= a 1) (= b 2)) (= c 3))"),
        ("not a = 1 and b = 2", "(and (not (= a 1)) (= b 2))"),
        ("not a = 1 or not b = 2", "(or (not (= a 1)) (not (= b 2)))"),
        ("not (a = 1 or b = 2)", "(not (or (= a 1) (= b 2)))"),
        ("not not a = 1", "(not (not (= a 1)))"),
        ("NOT a = 1 AND b = 2 OR c = 3", "(or (and (not (= a 1)) (= b 2)) (= c 3))"),
        (#"has "x" or speaker has "y""#, #"(or (has _ "x") (has speaker "y"))"#),
        ("kind != direct and paragraph >= 12", "(and (!= kind direct) (>= paragraph 12))"),
    ]

    @Test("Precedence", arguments: precedenceCases)
    func precedence(source: String, expected: String) throws {
        #expect(try Self.tree(source) == expected)
    }

    @Test func statementShapes() throws {
        let statements = try Parser.parse("let x = quotes; explain x | limit 2\nx")
        #expect(statements.count == 3)
        guard case .bind(let name, .source(.quotes, _)) = statements[0] else { Issue.record("bind"); return }
        #expect(name.text == "x" && name.range.start.column == 5)
        guard case .explain(.stage(.source(.variable(let variable), _), .limit(2, _), _), let range) = statements[1] else {
            Issue.record("explain")
            return
        }
        #expect(variable.text == "x")
        #expect(range.start.column == 17 && range.end.column == 36)
        guard case .query(.source(.variable, let last)) = statements[2] else { Issue.record("query"); return }
        #expect(last.start.line == 2)
    }

    @Test func sourceValues() throws {
        guard case .source(.events(.inMonth(1, 2026, let range)), _) = try Self.query("events in January 2026") else {
            Issue.record("inMonth")
            return
        }
        #expect(range.start.column == 11 && range.end.column == 23)
        guard case .source(.events(.inMonth(3, nil, _)), _) = try Self.query("events in mar") else { Issue.record("mar"); return }
        guard case .source(.events(.on(let date)), _) = try Self.query("events on 2026-02-04") else { Issue.record("on"); return }
        #expect(date.isoDate == CalendarDate(year: 2026, month: 2, day: 4))
        guard case .source(.actors(.person), _) = try Self.query("PEOPLE") else { Issue.record("people"); return }
        guard case .source(.actors(nil), _) = try Self.query("actors") else { Issue.record("actors"); return }
        guard case .source(.whoSaid(let pattern), let whole) = try Self.query("who said “surrender”") else { return }
        #expect(pattern.text == "surrender")
        #expect(pattern.range.start.column == 10 && pattern.range.end.column == 21)
        #expect(whole.start.column == 1 && whole.end.column == 21)
    }

    @Test func actorsRunUpToAStageOrLineEnd() throws {
        guard case .stage(.source(.quotesBy(let actors), let source), .limit(3, let limit), let whole) =
            try Self.query("quotes by Gov. Tim Walz limit 3"), let actor = actors.first, actors.count == 1
        else {
            Issue.record("shape")
            return
        }
        #expect(actor.text == "Gov. Tim Walz")
        #expect(actor.range.start.column == 11 && actor.range.end.column == 24)
        #expect(source.end.column == 24)
        #expect(limit.start.column == 25 && limit.end.column == 32)
        #expect(whole.start.column == 1 && whole.end.column == 32)
    }

    @Test func conditionRanges() throws {
        guard case .stage(_, .filter(.not(.compare(let field, .equal, let value), let range)), _) =
            try Self.query("quotes | where not kind = direct")
        else {
            Issue.record("shape")
            return
        }
        #expect(field.range.start.column == 20)
        #expect(value == .text("direct", range: value.range) && value.range.start.column == 27)
        #expect(range.start.column == 16 && range.end.column == 33)
    }

    @Test func literalKinds() throws {
        let cases: [(String, Literal)] = [
            ("3", .integer(3, range: .init(start: .init(line: 1, column: 20, offset: 19), end: .init(line: 1, column: 21, offset: 20)))),
            ("2026-02-04", .date(CalendarDate(year: 2026, month: 2, day: 4)!, range: .init(
                start: .init(line: 1, column: 20, offset: 19), end: .init(line: 1, column: 30, offset: 29)))),
            (#""a b""#, .text("a b", range: .init(start: .init(line: 1, column: 20, offset: 19), end: .init(line: 1, column: 25, offset: 24)))),
        ]
        for (text, expected) in cases {
            guard case .stage(_, .filter(.compare(_, _, let value)), _) = try Self.query("quotes | where x = " + text) else {
                Issue.record("shape of \(text)")
                continue
            }
            #expect(value == expected)
        }
    }

    @Test func emptyProgramsHaveNoStatements() throws {
        for source in ["", "   ", "\n\n", ";", "# nothing\n; ;"] {
            #expect(try Parser.parse(source).isEmpty)
        }
    }

    @Test func printerQuotesWhatWouldNotParseBack() {
        let range = SourceRange(start: .init(line: 1, column: 1, offset: 0), end: .init(line: 1, column: 1, offset: 0))
        let tricky: [Source] = [
            .quotesBy([ActorReference("Tom  Homan", range: range)]),
            .quotesBy([ActorReference("limit", range: range)]),
            .quotesBy([ActorReference("3 men", range: range)]),
            .events(.inPlace(ActorReference("March Madness", range: range))),
            .whoSaid(TextPattern("say \"x\"", range: range)),
        ]
        #expect(tricky.map(QueryPrinter.print) == [
            #"quotes by "Tom  Homan""#, #"quotes by "limit""#, #"quotes by "3 men""#, #"events in "March Madness""#,
            #"who said "say \"x\"""#,
        ])
        for source in tricky {
            let text = QueryPrinter.print(source)
            #expect(Self.printed(text) == text)
        }
    }
}
