import NewsModel

/// Turns query text into ``QueryStatement``s: the second phase of the language front end, a
/// recursive-descent parser over the tokens of ``Lexer``.
///
/// The grammar is in `docs/language.md`; each parse function opens with its rule. Keywords are
/// words compared case-insensitively. A line break ends a statement only where the statement
/// could end: after a token that needs more (`|`, `and`, `where`, `by`, `=`, `,`…) and inside
/// parentheses line breaks are skipped, and a line that starts with `|` continues the query
/// above it. `;` always ends a statement.
///
/// Parsing stops at the first problem, which is thrown as a ``QueryError`` holding one
/// ``Diagnostic``. Reaching the end of the input where more is needed is
/// ``Diagnostic/Kind/incomplete`` (a REPL asks for another line); anything else is
/// ``Diagnostic/Kind/syntax`` (or ``Diagnostic/Kind/type`` for a value of the wrong form).
public struct Parser {
    /// A parse failure on its way out; converted to a ``QueryError`` by ``parseProgram()``.
    struct Failure: Error {
        var diagnostic: Diagnostic
    }

    private let source: String
    private let sourceName: String
    private let tokens: [Token]
    private var index = 0
    private var parenDepth = 0
    /// How many `(` and `not` enclose the condition being parsed.
    private var nesting = 0
    /// How many comparisons and searches the current statement's conditions hold.
    private var terms = 0

    /// The most `(` and `not` one condition may nest: deeper input is refused with a
    /// diagnostic rather than exhausting the stack.
    public static let maximumNesting = 100
    /// The most stages one query may have.
    public static let maximumStages = 200
    /// The most comparisons and searches one statement's conditions may hold.
    public static let maximumTerms = 1000
    /// The end of the last token consumed: where an incomplete statement is reported.
    private var lastEnd = SourcePosition(line: 1, column: 1, offset: 0)

    /// Creates a parser over `source`, whose diagnostics name it `sourceName`.
    public init(source: String, sourceName: String = "<input>") {
        self.source = source
        self.sourceName = sourceName
        self.tokens = Lexer.tokenize(source)
    }

    /// Parses all of `source`; throws the first problem.
    public static func parse(_ source: String, sourceName: String = "<input>") throws(QueryError) -> [QueryStatement] {
        var parser = Parser(source: source, sourceName: sourceName)
        return try parser.parseProgram()
    }

    /// program = [ statement ] { separator [ statement ] } ;
    /// separator = ";" | NEWLINE ;
    public mutating func parseProgram() throws(QueryError) -> [QueryStatement] {
        var statements: [QueryStatement] = []
        do throws(Failure) {
            while true {
                while token.kind == .semicolon || token.kind == .newline { advance() }
                if token.kind == .end { break }
                statements.append(try parseStatement())
                // A question mark may end a statement: `who is Homan?`.
                if token.kind == .question, [.semicolon, .newline, .end].contains(lookahead.kind) { advance() }
                switch token.kind {
                case .semicolon, .newline, .end: continue
                case .rightParen: throw Failure(diagnostic: Diagnostic(kind: .syntax, message: "unmatched ')'", range: token.range))
                default:
                    var failure = unexpected(token, expected: endOfStatementExpectation)
                    if case .query(.source(.variable(let name), _)) = statements.last, token.text == "=" {
                        failure.diagnostic.notes.append(.init("to name a query, write 'let \(name.text) = QUERY'"))
                    }
                    throw failure
                }
            }
        } catch {
            throw QueryError(diagnostics: [error.diagnostic], source: source, sourceName: sourceName)
        }
        return statements
    }

    /// What may follow the query just parsed, for the message when something else does.
    private var endOfStatementExpectation = "expected '|' or the end of the statement"

    // MARK: - Statements and queries

    /// statement = "let" WORD "=" query | "explain" query | query ;
    private mutating func parseStatement() throws(Failure) -> QueryStatement {
        let start = token.range.start
        if token.isKeyword("let") {
            advance()
            let nameToken = required()
            guard nameToken.kind == .word else { throw unexpected(nameToken, expected: "expected a name after 'let'") }
            if Keywords.reserved.contains(nameToken.text.lowercased()) {
                throw Failure(diagnostic: Diagnostic(
                    kind: .syntax, message: "'\(nameToken.text)' is a keyword and cannot name a variable",
                    range: nameToken.range))
            }
            advance()
            let equals = required()
            guard equals.kind == .comparison, equals.text == "=" else {
                throw unexpected(equals, expected: "expected '=' after 'let \(nameToken.text)'")
            }
            advance()
            let query = try parseQuery(after: "=")
            return .bind(name: Name(nameToken.text, range: nameToken.range), query: query)
        }
        if token.isKeyword("explain") {
            advance()
            let query = try parseQuery(after: "explain")
            return .explain(query, range: SourceRange(start: start, end: lastEnd))
        }
        return .query(try parseQuery(after: nil))
    }

    /// query = [ "in" "articles" [ "where" condition ] "|" ] source { [ "|" ] stage } ;
    private mutating func parseQuery(after context: String?) throws(Failure) -> Query {
        let start = required().range.start
        if token.isKeyword("in") && lookahead.isKeyword("articles") {
            advance()
            advance()
            var condition: Condition?
            if token.isKeyword("where") {
                advance()
                condition = try parseCondition(after: "in articles where")
            }
            let pipe = required()
            guard pipe.kind == .pipe else {
                throw unexpected(pipe, expected: "expected '|' and a query after 'in articles\(condition == nil ? "" : " where …")'")
            }
            advance()
            let query = try parseQuery(after: "|")
            return .inArticles(condition, query, range: SourceRange(start: start, end: lastEnd))
        }
        var query = try parseSource(after: context)
        endOfStatementExpectation = "expected '|' or the end of the statement"
        terms = 0
        var stages = 0
        while true {
            if stages == Self.maximumStages, token.kind == .pipe || token.kind == .word {
                throw Failure(diagnostic: Diagnostic(
                    kind: .syntax, message: "too many stages: a query may have at most \(Self.maximumStages); split it with 'let'",
                    range: token.range))
            }
            if token.kind == .pipe {
                advance()
                let next = required()
                guard next.kind == .word, Keywords.stages.contains(next.text.lowercased()) else {
                    throw unknownStage(next)
                }
            } else if token.kind == .newline, nextTokenAfterLineBreaks.kind == .pipe {
                skipNewlines()
                continue
            } else if !(token.kind == .word && Keywords.stages.contains(token.text.lowercased())) {
                return query
            }
            let stage = try parseStage()
            stages += 1
            query = .stage(query, stage, range: SourceRange(start: query.range.start, end: lastEnd))
        }
    }

    /// The problem with what follows a `|`: a misspelt stage, or something else.
    private func unknownStage(_ found: Token) -> Failure {
        let expectation = "expected a stage after '|' (where, sort by, limit, count, show)"
        if found.kind == .word, let near = nearestName(to: found.text.lowercased(), in: Keywords.stages.sorted()) {
            return Failure(diagnostic: Diagnostic(
                kind: .syntax, message: "unknown stage '\(found.text)' — did you mean '\(near)'?", range: found.range,
                fixIts: [.init(range: found.range, replacement: near)]))
        }
        return unexpected(found, expected: expectation)
    }

    // MARK: - Sources

    /// source = "who" ( "said" pattern | ( "is" | "was" ) actor | "mentioned" ( pattern | actor ) )
    ///        | "what" ( "did" | "does" ) actor ( "say" | "says" | "said" ) [ "about" actor ]
    ///        | ( "quotes" | "statements" ) [ ( "by" | "from" ) actors [ "about" actor ]
    ///                                      | "about" actor | "mentioning" pattern ]
    ///        | "actors" | "people" | "organizations" | "organisations" | "groups" | "places"
    ///        | "events" [ event-filter ] | "mentions" [ "of" actor ]
    ///        | "when" "did" WORD { WORD } | "how" "many" ( pattern | WORD { WORD } )
    ///        | "source" "of" ( WORD | VARIABLE ) | variable ;
    private mutating func parseSource(after context: String?) throws(Failure) -> Query {
        let first = required()
        let start = first.range.start
        let keyword = first.kind == .word ? first.text.lowercased() : ""
        guard first.kind == .word, keyword != "let", keyword != "explain" else {
            throw unexpected(first, expected: context.map { "expected a query after '\($0)'" } ?? "expected a query")
        }
        var about: (Name, ActorReference)?
        let source: Source
        switch keyword {
        case "who":
            advance()
            let verb = required()
            if verb.isKeyword("said") {
                advance()
                source = .whoSaid(try parsePattern(after: "who said"))
            } else if verb.isKeyword("is") || verb.isKeyword("was") {
                advance()
                source = .whoIs(try parseActor(after: "who \(verb.text.lowercased())"))
            } else if verb.isKeyword("mentioned") {
                advance()
                let next = required()
                if next.kind == .string {
                    source = .quotesMentioning(try parsePattern(after: "who mentioned"))
                } else {
                    source = .quotesAbout(try parseActor(after: "who mentioned"))
                }
            } else {
                throw unexpected(verb, expected: "expected 'said', 'is' or 'mentioned' after 'who'")
            }
        case "what":
            advance()
            let did = required()
            guard did.isKeyword("did") || did.isKeyword("does") else {
                throw unexpected(did, expected: "expected 'did' after 'what' (what did ACTOR say)")
            }
            advance()
            let actor = try parseActor(after: "what \(did.text.lowercased())", stops: ["say", "says", "said"])
            let say = required()
            guard say.isKeyword("say") || say.isKeyword("says") || say.isKeyword("said") else {
                if say.kind == .error { throw unexpected(say, expected: "") }
                let fix = Diagnostic.FixIt(range: SourceRange(start: actor.range.end, end: actor.range.end), replacement: " say")
                let range = say.kind == .end ? SourceRange(start: lastEnd, end: lastEnd) : say.range
                throw Failure(diagnostic: Diagnostic(
                    kind: say.kind == .end ? .incomplete : .syntax, message: "'say' missing: write 'what did ACTOR say'",
                    range: range, fixIts: [fix]))
            }
            advance()
            source = .quotesBy([actor])
            about = try parseAbout()
        case "quotes", "statements":
            advance()
            if token.isKeyword("by") || token.isKeyword("from") {
                let by = advance().text.lowercased()
                source = .quotesBy(try parseActors(after: "\(keyword) \(by)"))
                about = try parseAbout()
            } else if token.isKeyword("about") {
                advance()
                source = .quotesAbout(try parseActor(after: "\(keyword) about"))
            } else if token.isKeyword("mentioning") {
                advance()
                source = .quotesMentioning(try parsePattern(after: "\(keyword) mentioning"))
            } else {
                source = .quotes
            }
        case "actors", "people", "organizations", "organisations", "groups", "places":
            advance()
            source = .actors(Keywords.actorKind(keyword))
        case "events":
            advance()
            source = .events(try parseEventFilter())
        case "mentions":
            advance()
            if token.isKeyword("of") {
                advance()
                source = .mentionsOf(try parseActor(after: "mentions of"))
            } else if token.kind == .word || token.kind == .string, !Keywords.stages.contains(token.text.lowercased()) {
                throw unexpected(token, expected: "expected 'of' after 'mentions' (mentions of ACTOR)",
                                 fixIts: [.init(range: SourceRange(start: token.range.start, end: token.range.start), replacement: "of ")])
            } else {
                source = .mentions
            }
        case "when" where lookahead.isKeyword("did"):
            advance()
            advance()
            let words = try parseWords(after: "when did", what: "an actor and what they did (when did Homan take over)")
            guard words.count >= 2 else {
                throw Failure(diagnostic: Diagnostic(
                    kind: .syntax, message: "say what happened after the actor: 'when did \(words[0].text) take over'",
                    range: words[0].range))
            }
            source = .whenDid(words)
        case "how" where lookahead.isKeyword("many") || lookahead.isKeyword("much"):
            advance()
            advance()
            if token.kind == .string || token.kind == .variable {
                source = .howMany(try parsePattern(after: "how many"))
            } else {
                let words = try parseWords(after: "how many", what: "what to count (how many officers)")
                let range = words[0].range.union(words[words.count - 1].range)
                source = .howMany(TextPattern(words.map(\.text).joined(separator: " "), range: range))
            }
        case "source":
            advance()
            let of = required()
            guard of.isKeyword("of") else { throw unexpected(of, expected: "expected 'of' after 'source'") }
            advance()
            let id = required()
            guard id.kind == .word || id.kind == .variable else {
                throw unexpected(id, expected: "expected a record id (like s25 or e-lawsuit) after 'source of'")
            }
            advance()
            var article: Name?
            if token.isKeyword("in") {
                advance()
                let name = required()
                guard name.kind == .word || name.kind == .variable || name.kind == .string else {
                    throw unexpected(name, expected: "expected an article id after 'source of \(id.text) in'")
                }
                advance()
                article = Name(name.text, range: name.range)
            }
            source = .sourceOf(Name(id.text, range: id.range), article: article)
        case "articles":
            advance()
            source = .articles
        case _ where Keywords.stages.contains(keyword):
            throw Failure(diagnostic: Diagnostic(
                kind: .syntax, message: "expected a query before '\(first.text)'", range: first.range))
        default:
            source = .variable(try parseVariable())
        }
        let query = Query.source(source, range: SourceRange(start: start, end: about?.0.range.start ?? lastEnd))
        guard let (field, actor) = about else { return query }
        // `… about ACTOR` is a filter on the statements' `about` field.
        return .stage(query, .filter(.compare(field, .equal, .text(actor.text, range: actor.range))),
                      range: SourceRange(start: start, end: lastEnd))
    }

    /// An optional `about ACTOR` after `quotes by …` or `what did … say`: the word `about` (as the
    /// field it filters on) and the actor.
    private mutating func parseAbout() throws(Failure) -> (Name, ActorReference)? {
        guard token.isKeyword("about") else { return nil }
        let word = advance()
        return (Name("about", range: word.range), try parseActor(after: "about"))
    }

    /// actors = actor { ( "or" | "," ) actor } ;
    private mutating func parseActors(after context: String) throws(Failure) -> [ActorReference] {
        var actors = [try parseActor(after: context, stops: ["or", "about"])]
        while token.kind == .comma || token.isKeyword("or") {
            let separator = advance()
            actors.append(try parseActor(after: separator.text, stops: ["or", "about"]))
        }
        return actors
    }

    /// WORD { WORD } — bare words (and numbers) up to a stage keyword, `|`, `;`, `?`, a line
    /// break or the end, each with its range.
    private mutating func parseWords(after context: String, what: String) throws(Failure) -> [Name] {
        var words: [Name] = []
        while (token.kind == .word && !Keywords.stages.contains(token.text.lowercased())) || token.kind == .integer {
            let word = advance()
            words.append(Name(word.text, range: word.range))
        }
        guard !words.isEmpty else { throw unexpected(required(), expected: "expected \(what) after '\(context)'") }
        return words
    }

    /// variable = WORD ;  (a name bound with `let`; followed by more words, a mistyped command)
    private mutating func parseVariable() throws(Failure) -> Name {
        let word = advance()
        switch token.kind {
        case .word where !Keywords.stages.contains(token.text.lowercased()), .string, .integer, .date, .variable:
            var message = "unknown command '\(word.text)'"
            var fixIts: [Diagnostic.FixIt] = []
            var notes: [Diagnostic.Note] = []
            if token.kind == .word, Keywords.commands.contains(token.text.lowercased()) {
                // `list actors`, `show quotes by Homan`: the query is there without the first word.
                message += " — the query starts at '\(token.text)'"
                fixIts.append(.init(range: SourceRange(start: word.range.start, end: token.range.start), replacement: ""))
            } else if let near = nearestName(to: word.text.lowercased(), in: Keywords.commands) {
                message += " — did you mean '\(near)'?"
                fixIts.append(.init(range: word.range, replacement: near))
            } else {
                notes.append(.init("a statement starts with " + Keywords.commands.joined(separator: ", ")
                    + ", or the name of a variable"))
            }
            throw Failure(diagnostic: Diagnostic(kind: .syntax, message: message, range: word.range, notes: notes, fixIts: fixIts))
        default:
            return Name(word.text, range: word.range)
        }
    }

    /// event-filter = ( "involving" | "about" ) actor | "on" day | "before" day | "after" day
    ///              | "between" day "and" day | "in" ( MONTH [ INTEGER ] | period | actor ) ;
    /// day = DATE | WORD { WORD | INTEGER | "," } ;  (`Wednesday`, `Feb 4 2026`)
    private mutating func parseEventFilter() throws(Failure) -> EventFilter? {
        let keyword = token.kind == .word ? token.text.lowercased() : ""
        switch keyword {
        case "involving", "about":
            advance()
            return .involving(try parseActor(after: "events \(keyword)"))
        case "on", "before", "after":
            advance()
            let day = try parseDay(after: "events \(keyword)")
            return keyword == "on" ? .on(day) : keyword == "before" ? .before(day) : .after(day)
        case "between":
            advance()
            let first = try parseDay(after: "events between", stopAtAnd: true)
            let and = required()
            guard and.isKeyword("and") else { throw unexpected(and, expected: "expected 'and' after 'events between \(first.text)'") }
            advance()
            return .between(first, try parseDay(after: "events between \(first.text) and"))
        case "in":
            advance()
            let place = required()
            if place.kind == .word, let month = Keywords.month(named: place.text),
               lookahead.kind != .word || Keywords.stages.contains(lookahead.text.lowercased())
            {
                advance()
                var year: Int?
                if token.kind == .integer, let value = token.integerValue {
                    advance()
                    year = value
                }
                return .inMonth(month: month, year: year, range: SourceRange(start: place.range.start, end: lastEnd))
            }
            if place.kind == .integer || place.kind == .word {
                let (text, range) = run(while: Self.isDayWord)
                if Self.formResolver.window(text) != nil {
                    while Self.isDayWord(token) { advance() }
                    return .inPeriod(DateLiteral(text, range: range))
                }
            }
            return .inPlace(try parseActor(after: "events in"))
        default:
            return nil
        }
    }

    /// A resolver for checking the form of dates as they are parsed; dates are resolved
    /// against the article's own date when the query runs.
    private static let formResolver = TimeResolver(articleDate: CalendarDate(year: 2000, month: 6, day: 15)!)

    /// Whether `text` reads as a stretch of time (`May`, `2026`, `early January`) rather than a
    /// place, for `events in …`.
    static func isPeriod(_ text: String) -> Bool {
        formResolver.window(text) != nil
    }

    /// Whether a token may be part of a day or period written in words (`Feb 4, 2026`).
    private static func isDayWord(_ token: Token) -> Bool {
        (token.kind == .word && !Keywords.stages.contains(token.text.lowercased()) && !token.isKeyword("and"))
            || token.kind == .integer || token.kind == .comma
    }

    /// day = DATE | WORD { WORD | INTEGER | "," } ;  checked for a form ``TimeResolver/day(_:)``
    /// reads, so a date that cannot be resolved is reported where it stands, with the forms
    /// that can.
    private mutating func parseDay(after context: String, stopAtAnd: Bool = false) throws(Failure) -> DateLiteral {
        let first = required()
        if first.kind == .date, let value = first.dateValue {
            advance()
            return DateLiteral(value, range: first.range)
        }
        let expectation = "expected a day after '\(context)' (\(TimeResolver.dayForms))"
        guard first.kind == .word || first.kind == .integer, Self.isDayWord(first) else {
            throw unexpected(first, expected: expectation, kind: first.kind == .error ? .syntax : .syntax)
        }
        let (text, range) = run(while: Self.isDayWord)
        guard Self.formResolver.day(text) != nil else {
            throw Failure(diagnostic: Diagnostic(
                kind: .type, message: "'\(text)' is not a day newsq can read; write one of: \(TimeResolver.dayForms)",
                range: range))
        }
        while Self.isDayWord(token) { advance() }
        return DateLiteral(text, range: range)
    }

    /// actor = STRING | VARIABLE | WORD { WORD } ;
    ///
    /// Bare words run up to a stage keyword, a line break or any token that is not a word (and
    /// up to any of `stops`: `say` in `what did … say`, `or` and `about` in `quotes by …`).
    private mutating func parseActor(after context: String, stops: Set<String> = []) throws(Failure) -> ActorReference {
        let first = required()
        func isActorWord(_ token: Token) -> Bool {
            token.kind == .word && !Keywords.stages.contains(token.text.lowercased()) && !stops.contains(token.text.lowercased())
        }
        switch first.kind {
        case .string, .variable:
            advance()
            return ActorReference(first.text, range: first.range)
        case .word where isActorWord(first):
            var words: [String] = []
            while isActorWord(token) { words.append(advance().text) }
            return ActorReference(words.joined(separator: " "), range: SourceRange(start: first.range.start, end: lastEnd))
        default:
            throw unexpected(first, expected: "expected an actor after '\(context)'")
        }
    }

    /// pattern = STRING | VARIABLE ;  (bare words are an error with a fix-it that quotes them)
    private mutating func parsePattern(after context: String) throws(Failure) -> TextPattern {
        let first = required()
        if first.kind == .string || first.kind == .variable {
            advance()
            return TextPattern(first.text, range: first.range)
        }
        let expectation = "expected a string in quotes after '\(context)'"
        func isBare(_ token: Token) -> Bool {
            token.kind == .integer || token.kind == .date || (token.kind == .word && !Keywords.stages.contains(token.text.lowercased()))
        }
        guard isBare(first) else { throw unexpected(first, expected: expectation) }
        let (text, range) = run(while: isBare)
        throw Failure(diagnostic: Diagnostic(
            kind: .syntax, message: "\(expectation), found '\(text)'", range: range,
            fixIts: [.init(range: range, replacement: QueryPrinter.quote(text))]))
    }

    /// The current token and those after it that satisfy `include`, as typed (joined by
    /// spaces), and the range they cover; for messages that quote what the user wrote.
    private func run(while include: (Token) -> Bool) -> (text: String, range: SourceRange) {
        var words = [token.lexeme]
        var range = token.range
        var i = index + 1
        while include(tokens[i]) {
            words.append(tokens[i].lexeme)
            range = range.union(tokens[i].range)
            i += 1
        }
        return (words.joined(separator: " "), range)
    }

    // MARK: - Stages

    /// stage = "where" condition | "sort" "by" sort-key { "," sort-key } | "limit" INTEGER
    ///       | "count" [ "by" field ] | "show" field { "," field } ;
    private mutating func parseStage() throws(Failure) -> Stage {
        let keyword = advance()
        endOfStatementExpectation = "expected '|' or the end of the statement"
        switch keyword.text.lowercased() {
        case "where":
            let condition = try parseCondition(after: "where")
            endOfStatementExpectation = "expected 'and', 'or', '|' or the end of the statement"
            return .filter(condition)
        case "sort":
            let by = required()
            guard by.isKeyword("by") else {
                // At the end of the input, inserting "by" would not finish the stage: no fix.
                let fixIts = by.kind == .end ? [] : [Diagnostic.FixIt(range: SourceRange(start: by.range.start, end: by.range.start),
                                                                       replacement: "by ")]
                throw unexpected(by, expected: "expected 'by' after 'sort'", fixIts: fixIts)
            }
            advance()
            var keys = [try parseSortKey(after: "sort by")]
            while token.kind == .comma {
                advance()
                keys.append(try parseSortKey(after: ","))
            }
            return .sort(keys)
        case "limit":
            let count = required()
            let expectation = "limit needs a whole number"
            guard count.kind == .integer, let value = count.integerValue else { throw unexpected(count, expected: expectation) }
            guard value >= 0 else { throw unexpected(count, expected: expectation, kind: .type) }
            advance()
            return .limit(value, range: SourceRange(start: keyword.range.start, end: lastEnd))
        case "count":
            guard token.isKeyword("by") else { return .count(range: keyword.range) }
            advance()
            return .countBy(try parseField(after: "count by"))
        default:
            var fields = [try parseField(after: "show")]
            while token.kind == .comma {
                advance()
                fields.append(try parseField(after: ","))
            }
            return .show(fields)
        }
    }

    /// sort-key = field [ "asc" | "desc" ] ;
    private mutating func parseSortKey(after context: String) throws(Failure) -> SortKey {
        let field = try parseField(after: context)
        var descending = false
        if token.isKeyword("asc") {
            advance()
        } else if token.isKeyword("desc") {
            advance()
            descending = true
        }
        return SortKey(field: field, descending: descending)
    }

    /// field = WORD ;  (any word, keywords included: `sort by count`)
    private mutating func parseField(after context: String) throws(Failure) -> Name {
        let field = required()
        guard field.kind == .word else { throw unexpected(field, expected: "expected a field name after '\(context)'") }
        advance()
        return Name(field.text, range: field.range)
    }

    // MARK: - Conditions

    /// condition = and-cond { "or" and-cond } ;
    private mutating func parseCondition(after context: String) throws(Failure) -> Condition {
        var condition = try parseAnd(after: context)
        while token.isKeyword("or") {
            advance()
            condition = .or(condition, try parseAnd(after: "or"))
        }
        return condition
    }

    /// and-cond = not-cond { "and" not-cond } ;
    private mutating func parseAnd(after context: String) throws(Failure) -> Condition {
        var condition = try parseNot(after: context)
        while token.isKeyword("and") {
            advance()
            condition = .and(condition, try parseNot(after: "and"))
        }
        return condition
    }

    /// not-cond = "not" not-cond | primary ;
    private mutating func parseNot(after context: String) throws(Failure) -> Condition {
        let first = required()
        guard first.isKeyword("not") else { return try parsePrimary(after: context) }
        try enterNesting(at: first)
        advance()
        let operand = try parseNot(after: "not")
        nesting -= 1
        return .not(operand, range: SourceRange(start: first.range.start, end: lastEnd))
    }

    /// Counts one more level of `(` or `not`, refusing input nested deeper than the limit.
    private mutating func enterNesting(at token: Token) throws(Failure) {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw Failure(diagnostic: Diagnostic(
                kind: .syntax,
                message: "condition nested too deeply: at most \(Self.maximumNesting) levels of '(' and 'not'",
                range: token.range))
        }
    }

    /// primary = "(" condition ")" | field ( COMPARE value | "is" [ "not" ] "null" | "has" pattern )
    ///         | "has" pattern ;
    private mutating func parsePrimary(after context: String) throws(Failure) -> Condition {
        let first = required()
        if first.kind == .leftParen {
            try enterNesting(at: first)
            parenDepth += 1  // line breaks are skipped up to the matching ')'
            advance()
            let condition = try parseCondition(after: "(")
            guard token.kind == .rightParen else {
                let at = first.range.start
                throw unexpected(token, expected: "expected ')' (to close '(' at \(at.line):\(at.column))")
            }
            parenDepth -= 1
            nesting -= 1
            advance()
            return condition
        }
        terms += 1
        guard terms <= Self.maximumTerms else {
            throw Failure(diagnostic: Diagnostic(
                kind: .syntax, message: "condition too long: at most \(Self.maximumTerms) comparisons in one statement",
                range: first.range))
        }
        guard first.kind == .word else { throw unexpected(first, expected: "expected a condition after '\(context)'") }
        if first.isKeyword("has") && lookahead.kind != .comparison {
            advance()
            return .has(nil, try parsePattern(after: "has"))
        }
        advance()
        let field = Name(first.text, range: first.range)
        let op = required()
        if op.isKeyword("has") {
            advance()
            return .has(field, try parsePattern(after: "has"))
        }
        if op.isKeyword("is") {
            // FIELD is [ not ] null
            advance()
            var negated = false
            if token.isKeyword("not") {
                advance()
                negated = true
            }
            let null = required()
            guard null.isKeyword("null") else {
                throw unexpected(null, expected: "expected 'null' after '\(first.text) is\(negated ? " not" : "")' (compare values with =)")
            }
            advance()
            return .isNull(field, negated: negated, range: SourceRange(start: first.range.start, end: lastEnd))
        }
        guard op.kind == .comparison, let comparison = op.comparison else {
            throw unexpected(op, expected: "expected a comparison (=, !=, <, <=, >, >=), 'is null' or 'has' after '\(first.text)'")
        }
        advance()
        // `FIELD = null` and `FIELD != null` mean `is null` and `is not null` (a bare `null`:
        // the string "null" is text).
        let value = required()
        if value.isKeyword("null"), !isPlainWordAfterValue(lookahead) {
            guard comparison == .equal || comparison == .notEqual else {
                throw Failure(diagnostic: Diagnostic(
                    kind: .type, message: "null has no order: use '\(first.text) is null' or '\(first.text) is not null'",
                    range: value.range))
            }
            advance()
            return .isNull(field, negated: comparison == .notEqual, range: SourceRange(start: first.range.start, end: lastEnd))
        }
        return .compare(field, comparison, try parseValue(after: op.text))
    }

    /// Whether a token after a bare value word continues it (a value of several words).
    private func isPlainWordAfterValue(_ token: Token) -> Bool {
        token.kind == .word && !Keywords.conditionFollowers.contains(token.text.lowercased())
    }

    /// value = STRING | INTEGER | DATE | WORD | VARIABLE ;
    private mutating func parseValue(after op: String) throws(Failure) -> Literal {
        let value = required()
        switch value.kind {
        case .string, .variable:
            advance()
            return .text(value.text, range: value.range)
        case .integer:
            advance()
            return .integer(value.integerValue!, range: value.range)
        case .decimal:
            advance()
            return .decimal(value.decimalValue!, range: value.range)
        case .date:
            advance()
            return .date(value.dateValue!, range: value.range)
        case .word:
            func isPlainWord(_ token: Token) -> Bool {
                token.kind == .word && !Keywords.conditionFollowers.contains(token.text.lowercased())
            }
            if isPlainWord(lookahead) {
                let (text, range) = run(while: isPlainWord)
                throw Failure(diagnostic: Diagnostic(
                    kind: .syntax, message: "a value of several words needs quotes: write \(QueryPrinter.quote(text))",
                    range: range, fixIts: [.init(range: range, replacement: QueryPrinter.quote(text))]))
            }
            advance()
            return .text(value.text, range: value.range)
        default:
            throw unexpected(value, expected: "expected a value after '\(op)'")
        }
    }

    // MARK: - Token access

    /// The current token.
    var token: Token { tokens[index] }

    /// The first token after the current one and any line breaks.
    private var nextTokenAfterLineBreaks: Token {
        var i = index
        while tokens[i].kind == .newline { i += 1 }
        return tokens[i]
    }

    /// The token after the current one (after line breaks too, inside parentheses).
    var lookahead: Token {
        var i = min(index + 1, tokens.count - 1)
        while parenDepth > 0, tokens[i].kind == .newline { i += 1 }
        return tokens[i]
    }

    /// Consumes the current token and returns it; inside parentheses, skips line breaks after it.
    @discardableResult
    mutating func advance() -> Token {
        let consumed = tokens[index]
        if consumed.kind != .end {
            index += 1
            if consumed.kind != .newline { lastEnd = consumed.range.end }
        }
        if parenDepth > 0 { skipNewlines() }
        return consumed
    }

    /// Skips line breaks: the statement is incomplete here, so they cannot end it.
    mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    /// The current token where something is required (line breaks skipped).
    mutating func required() -> Token {
        skipNewlines()
        return token
    }

    /// The failure for finding `found` where `expected` was: the lexer's own diagnostic for a
    /// bad token, incomplete at the end of the input, otherwise a syntax error quoting `found`.
    func unexpected(_ found: Token, expected: String, kind: Diagnostic.Kind = .syntax, fixIts: [Diagnostic.FixIt] = []) -> Failure {
        switch found.kind {
        case .error:
            return Failure(diagnostic: found.diagnostic!)
        case .end:
            return Failure(diagnostic: Diagnostic(
                kind: .incomplete, message: expected, range: SourceRange(start: lastEnd, end: lastEnd), fixIts: fixIts))
        default:
            return Failure(diagnostic: Diagnostic(
                kind: kind, message: "\(expected), found \(found.quoted)", range: found.range, fixIts: fixIts))
        }
    }
}
