import NewsModel

/// Evaluates a parsed query over a model's tables: picks the source rows, then applies each
/// stage in order. Names are resolved here (actors, fields, `let` names, record ids, dates),
/// each failure becoming a diagnostic at the range of what the user typed.
///
/// The stages are in `Evaluator+Stages.swift`, conditions in `Evaluator+Conditions.swift`.
struct Evaluator {
    let context: EvaluationContext
    let source: String
    let sourceName: String
    /// The articles (positions in the corpus) an `in articles where …` restricts the query to;
    /// `nil` for all.
    var scope: Set<Int>? = nil

    // MARK: - Queries

    /// The rows a query produces.
    ///
    /// - Parameter limit: How many rows the caller will keep (a `limit` stage further down the
    ///   pipeline): a `where` stops once it has that many, and `show` passes it on, so
    ///   `… | where … | limit 3` reads no further than its third match.
    func evaluate(_ query: Query, limit: Int? = nil) throws(QueryError) -> Table {
        if context.shouldStopNow() { throw cancelled() }
        switch query {
        case .source(let source, let range):
            return try rows(of: source, range: range)
        case .inArticles(let condition, let query, _):
            return try scoped(to: condition) { (inner: Evaluator) throws(QueryError) in try inner.evaluate(query, limit: limit) }
        case .stage(let input, let stage, _):
            switch stage {
            case .limit(let count, _) where count >= 0:
                return try apply(stage, to: try evaluate(input, limit: min(count, limit ?? count)))
            case .filter:
                return try apply(stage, to: try evaluate(input), limit: limit)
            case .show:
                return try apply(stage, to: try evaluate(input, limit: limit))
            default:
                return try apply(stage, to: try evaluate(input))
            }
        }
    }

    /// The error a cancelled query stops with (``Interpreter/isCancelled``).
    func cancelled() -> QueryError {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return error(.cancelled, "query cancelled", SourceRange(start: start, end: start))
    }

    /// Runs `body` with an evaluator restricted to the articles that meet `condition` (a
    /// condition on the `articles` table; all of them for `nil`).
    func scoped<Result>(to condition: Condition?, _ body: (Evaluator) throws(QueryError) -> Result) throws(QueryError) -> Result {
        var articles = within(context.tables.articleRows, articleField: "id")
        if let condition { articles = try apply(.filter(condition), to: articles) }
        let id = articles.index(of: "id")!
        var inner = self
        inner.scope = Set(articles.rows.compactMap { row in
            if case .text(let article) = row[id] { context.articleIndex[article] } else { nil }
        })
        return try body(inner)
    }

    /// `table` cut to the articles of ``scope``: the rows whose `articleField` names one of them.
    func within(_ table: Table, articleField: String = "article") -> Table {
        guard let scope, let column = table.index(of: articleField) else { return table }
        var result = table
        result.rows = table.rows.filter { row in
            if case .text(let id) = row[column], let index = context.articleIndex[id] { scope.contains(index) } else { false }
        }
        return result
    }

    // MARK: - Sources

    private func rows(of source: Source, range: SourceRange) throws(QueryError) -> Table {
        let tables = ScopedTables(evaluator: self)
        switch source {
        case .whoSaid(let pattern):
            var table = try matching(pattern, in: tables.statements)
            try sort(&table, by: [("verbatim", false), ("kind", false), ("paragraph", false)])
            return table
        case .quotes:
            return tables.statements
        case .quotesBy(let references):
            var ids: Set<String> = []
            for reference in references { ids.insert(try resolve(reference).id) }
            return try filter(tables.statements, field: "speakers") { $0.contains { ids.contains($0.displayText) } }
        case .quotesAbout(let reference):
            let actor = try resolve(reference)
            return try filter(tables.statements, field: "about") { $0.contains(.text(actor.id)) }
        case .quotesMentioning(let pattern):
            return try matching(pattern, in: tables.statements)
        case .whoIs(let reference):
            return Profile(context: context, scope: scope).table(for: try resolve(reference))
        case .actors(let kind):
            guard let kind else { return tables.actors }
            return try filter(tables.actors, field: "kind") { $0 == [.text(kind.rawValue)] }
        case .events(let filter):
            guard let filter else { return tables.events }
            return try events(filter)
        case .mentions:
            return tables.mentions
        case .mentionsOf(let reference):
            let actor = try resolve(reference)
            return try filter(tables.mentions, field: "actor_id") { $0 == [.text(actor.id)] }
        case .whenDid(let words):
            return try whenDid(words)
        case .howMany(let pattern):
            return try howMany(pattern)
        case .sourceOf(let name, let article):
            let id = try argument(name.text, name.range)
            let index = try articleIndex(for: id, named: article, name: name)
            return try SourceMarker(model: context.models[index]).table(for: id) { message in
                self.error(.name, message, name.range)
            }
        case .articles:
            return tables.articleRows
        case .variable(let name):
            if let bound = context.boundTables[name.text] { return within(bound) }
            switch name.text.lowercased() {
            case "help": throw error(.name, "for help, type :help (or :help queries for the query forms)", name.range)
            case "quit", "exit", "q": throw error(.name, "to leave, type :quit (or press ^D)", name.range)
            default: break
            }
            let known = Array(context.boundTables.keys) + Keywords.commands
            var message = "unknown name '\(name.text)' — no 'let \(name.text) = …' in this session"
            if let near = nearestName(to: name.text, in: known) { message += "; did you mean '\(near)'?" }
            throw error(.name, message, name.range)
        }
    }

    /// The article whose record `source of ID` shows: the one named with `in ARTICLE`, or the
    /// only article that has a record with that id.
    private func articleIndex(for id: String, named article: Name?, name: Name) throws(QueryError) -> Int {
        if let article {
            let text = try argument(article.text, article.range)
            guard let index = context.articleIndex[text] else {
                var message = "no article \"\(text)\" in this corpus"
                if let near = nearestName(to: text, in: context.models.map(\.article.id)) { message += " — did you mean \(near)?" }
                throw error(.name, message, article.range)
            }
            return index
        }
        guard context.models.count > 1 else { return 0 }
        let holders = context.models.indices.filter { SourceMarker(model: context.models[$0]).has(id) }
        guard holders.count > 1 else { return holders.first ?? 0 }
        let names = holders.prefix(5).map { context.models[$0].article.id }.joined(separator: ", ")
        let more = holders.count > 5 ? " and \(holders.count - 5) more" : ""
        throw error(.name, "\(holders.count) articles have a record \(id) (\(names)\(more)) — say which: source of \(id) in \(context.models[holders[0]].article.id)",
                    name.range)
    }

    /// The article text at `range` (scalar offsets), taken from the content span that holds it
    /// (without turning the whole article into scalars), or from the article for a phrase that
    /// runs from one span into the next.
    func text(of range: Range<Int>, in spans: [Span], article: Int = 0) -> String {
        guard let span = spans.first(where: { $0.start <= range.lowerBound && range.upperBound <= $0.end }) else {
            return ScalarText(context.models[article].article.text).text(from: range.lowerBound, to: range.upperBound)
        }
        let scalars = span.text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound - span.start)
        let upper = scalars.index(lower, offsetBy: range.count)
        return String(scalars[lower..<upper])
    }

    /// Statement rows whose text matches a pattern, with a `match` column of the matched words
    /// and a `verbatim` column: `yes` when every match lies inside the speaker's quoted words (a
    /// direct statement, or a partial statement's quoted fragments), `no` when any is the
    /// reporter's paraphrase.
    private func matching(_ pattern: TextPattern, in table: Table) throws(QueryError) -> Table {
        let search = try textSearch(pattern)
        let idColumn = table.index(of: "id")!
        var result = table
        let textColumn = table.index(of: "text")!
        result.columns.insert(contentsOf: [.init("match", .list), .init("verbatim", .enumeration)], at: textColumn)
        result.rows = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let article = context.article(of: row, in: table)
            guard case .text(let id) = row[idColumn], let analyzed = context.index(article).statementContent(id),
                  let statement = context.models[article].statement(id)
            else { continue }
            let ranges = search.matchRanges(in: analyzed)
            guard !ranges.isEmpty else { continue }
            var newRow = row
            let verbatim = ranges.allSatisfy { range in
                switch statement.kind {
                case .direct: return true
                case .reported: return false
                case .partial: return statement.quotes.contains { $0.start <= range.lowerBound && range.upperBound <= $0.end }
                }
            }
            newRow.insert(contentsOf: [.list(ranges.map { text(of: $0, in: statement.contentSpans, article: article) }),
                                       .text(verbatim ? "yes" : "no")], at: textColumn)
            result.rows.append(newRow)
        }
        result.enumOrders["verbatim"] = ["yes", "no"]
        if var display = result.display {
            display.insert(contentsOf: ["match", "verbatim"], at: display.firstIndex(of: "cue") ?? display.count)
            result.display = display
        }
        if result.rows.isEmpty { try suggestWords(for: pattern, search: search, in: table, fields: ["text"]) }
        return result
    }

    // MARK: - Events

    private func events(_ filter: EventFilter) throws(QueryError) -> Table {
        let table = within(context.tables.events)
        switch filter {
        case .involving(let reference):
            let actor = try resolve(reference)
            return try self.filter(table, field: "involves") { $0.contains(.text(actor.id)) }
        case .inPlace(let reference):
            let actor: Actor
            do {
                actor = try resolve(reference)
            } catch {
                if Parser.isPeriod(reference.text) {
                    let message = "no place is called \"\(reference.text)\"; for the time, write it without quotes: events in \(reference.text)"
                    throw QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: reference.range,
                                                              fixIts: [.init(range: reference.range, replacement: reference.text)])],
                                     source: source, sourceName: sourceName)
                }
                throw error
            }
            guard actor.kind == .place else {
                throw self.error(.type, "\(actor.name) is not a place; for events with \(actor.name) taking part, write 'events involving \(reference.text)'", reference.range)
            }
            return try self.filter(table, field: "place_id") { $0 == [.text(actor.id)] }
        default:
            // Days in words resolve against each article's own date.
            let windows = try context.models.map { model throws(QueryError) in try window(of: filter, articleDate: model.article.date) }
            return TimeWindow.apply(to: table) { row in windows[context.article(of: row, in: table)] }
        }
    }

    /// The window of days a time filter selects, its dates resolved against the article date.
    func window(of filter: EventFilter, articleDate: CalendarDate) throws(QueryError) -> TimeWindow {
        let resolver = TimeResolver(articleDate: articleDate)
        func day(_ literal: DateLiteral) throws(QueryError) -> CalendarDate {
            let text = try argument(literal.text, literal.range)
            guard let date = resolver.day(text) else {
                throw error(.type, "'\(text)' is not a day newsq can read; write one of: \(TimeResolver.dayForms)", literal.range)
            }
            return date
        }
        switch filter {
        case .on(let date):
            let day = try day(date)
            return TimeWindow(.within(first: day, last: day))
        case .inMonth(let month, let year, let range):
            guard let (first, last) = resolver.monthWindow(month: month, year: year) else {
                throw error(.type, "no such month", range)
            }
            return TimeWindow(.within(first: first, last: last))
        case .inPeriod(let period):
            let text = try argument(period.text, period.range)
            guard let (first, last) = resolver.window(text) else {
                throw error(.type, "'\(text)' is not a stretch of time newsq can read; write one of: \(TimeResolver.windowForms)", period.range)
            }
            return TimeWindow(.within(first: first, last: last))
        case .between(let from, let to):
            let first = try day(from), last = try day(to)
            guard first <= last else {
                throw error(.type, "the window ends (\(last.iso)) before it starts (\(first.iso)); put the earlier day first",
                            from.range.union(to.range))
            }
            return TimeWindow(.within(first: first, last: last))
        case .before(let date):
            return TimeWindow(.before(try day(date)))
        case .after(let date):
            return TimeWindow(.after(try day(date)))
        case .involving(let reference), .inPlace(let reference):
            throw error(.type, "not a time filter", reference.range)
        }
    }

    /// `when did ACTOR WORDS`: the longest run of leading words that names an actor, then the
    /// events that actor takes part in whose name or summary has the remaining words.
    private func whenDid(_ words: [Name]) throws(QueryError) -> Table {
        let (actor, rest) = try splitActor(words)
        let involving = try filter(within(context.tables.events), field: "involves") { $0.contains(.text(actor.id)) }
        let pattern = TextPattern(rest.map(\.text).joined(separator: " "), range: rest[0].range.union(rest[rest.count - 1].range))
        let search = try textSearch(pattern)
        let name = involving.index(of: "name")!, summary = involving.index(of: "summary")!
        var result = involving
        result.rows = involving.rows.filter { row in
            [row[name], row[summary]].contains { value in
                if case .text(let text) = value { return search.matches(context.analyzed(text)) }
                return false
            }
        }
        result.display = ["id", "kind", "when", "summary"]
        guard !result.rows.isEmpty else {
            let reference = QueryPrinter.print(Source.events(.involving(ActorReference(actor.name, range: words[0].range))))
            throw QueryError(
                diagnostics: [Diagnostic(kind: .name, message: "no event with \(actor.name) taking part has the words \"\(pattern.text)\" — list them: \(reference)",
                                         range: pattern.range)],
                source: source, sourceName: sourceName)
        }
        return result
    }

    /// The actor named by the longest run of leading words that resolves, and the words after it.
    func splitActor(_ words: [Name]) throws(QueryError) -> (Actor, [Name]) {
        var firstError: QueryError?
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let reference = ActorReference(words[..<count].map(\.text).joined(separator: " "),
                                           range: words[0].range.union(words[count - 1].range))
            do {
                return (try resolve(reference), Array(words[count...]))
            } catch {
                if count == 1 { firstError = error }
            }
        }
        throw firstError!
    }

    /// `how many WORDS`: the events whose stated quantities have the words.
    private func howMany(_ pattern: TextPattern) throws(QueryError) -> Table {
        let search = try textSearch(pattern)
        let table = within(context.tables.events)
        let quantities = table.index(of: "quantities")!
        var result = table
        result.rows = table.rows.filter { row in
            guard case .list(let items) = row[quantities] else { return false }
            return items.contains { search.matches(context.analyzed($0)) }
        }
        result.display = ["id", "quantities", "when", "summary"]
        guard !result.rows.isEmpty else {
            let suggestion = "quotes mentioning \(QueryPrinter.quote(pattern.text))"
            throw QueryError(
                diagnostics: [Diagnostic(kind: .name, message: "no quantity the article states has the words \"\(pattern.text)\" — search the statements: \(suggestion)",
                                         range: pattern.range)],
                source: source, sourceName: sourceName)
        }
        return result
    }

    func filter(_ table: Table, field: String, _ keep: ([Value]) -> Bool) throws(QueryError) -> Table {
        let column = table.index(of: field)!
        var result = table
        result.rows = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let values: [Value]
            if case .list(let items) = row[column] { values = items.map(Value.text) } else { values = [row[column]] }
            if keep(values) { result.rows.append(row) }
        }
        return result
    }

    // MARK: - Names

    func resolve(_ reference: ActorReference) throws(QueryError) -> Actor {
        let text = try argument(reference.text, reference.range)
        do {
            return try context.resolver.resolve(text)
        } catch {
            var fixIts: [Diagnostic.FixIt] = []
            var message = error.message
            if case .unknown = error, let event = eventNamed(text) {
                // Not an actor but an event of the article: say so, and how to ask about it.
                message = "\"\(text)\" is an event (\(event.id)), not an actor — ask: source of \(event.id), or events | where has \(QueryPrinter.quote(event.name ?? text))"
            } else if case .unknown(_, let suggestion?) = error {
                fixIts.append(.init(range: reference.range, replacement: suggestion.key))
            }
            throw QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: reference.range, fixIts: fixIts)],
                             source: source, sourceName: sourceName)
        }
    }

    /// The event whose id or name is `text` (compared as names are), if any.
    private func eventNamed(_ text: String) -> Event? {
        let folded = ActorResolver.fold(text)
        return context.models.lazy.flatMap(\.events).first { event in
            ActorResolver.fold(event.id) == folded || event.name.map(ActorResolver.fold) == folded
        }
    }

    /// `$NAME` replaced by the value given with `--arg NAME=VALUE`; other text unchanged.
    func argument(_ text: String, _ range: SourceRange) throws(QueryError) -> String {
        guard text.hasPrefix("$") else { return text }
        let name = String(text.dropFirst())
        if let value = context.arguments[name] { return value }
        throw error(.name, "unknown argument $\(name) — pass it with --arg \(name)=VALUE", range)
    }

    func textSearch(_ pattern: TextPattern) throws(QueryError) -> TextSearch {
        let text = try argument(pattern.text, pattern.range)
        if let compiled = context.searches[text] { return compiled }
        do {
            let compiled = try TextSearch(text)
            if context.searches.count >= 256 { context.searches.removeAll() }
            context.searches[text] = compiled
            return compiled
        } catch {
            throw self.error(.type, "\(error)", pattern.range)
        }
    }

    func error(_ kind: Diagnostic.Kind, _ message: String, _ range: SourceRange) -> QueryError {
        QueryError(diagnostics: [Diagnostic(kind: kind, message: message, range: range)], source: source, sourceName: sourceName)
    }
}

/// The corpus tables as an evaluator in an `in articles where …` sees them: cut to its scope.
struct ScopedTables {
    let evaluator: Evaluator

    var statements: Table { evaluator.within(evaluator.context.tables.statements) }
    var actors: Table { evaluator.within(evaluator.context.tables.actors) }
    var events: Table { evaluator.within(evaluator.context.tables.events) }
    var mentions: Table { evaluator.within(evaluator.context.tables.mentions) }
    var articleRows: Table { evaluator.within(evaluator.context.tables.articleRows, articleField: "id") }
}
