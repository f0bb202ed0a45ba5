import NewsModel

/// Turns a parsed query into a ``Plan``: the third phase of the language, after the lexer and
/// the parser. Every name is resolved here (actors, fields, `let` names, record ids, dates) and
/// every condition checked against the fields of the rows it will see, each failure becoming a
/// diagnostic at the range of what the user typed — so every engine reports the same errors
/// before it reads a row.
///
/// Conditions are in `Planner+Conditions.swift`. The planner asks an executor for the shape of
/// the rows at each stage (``MemoryExecutor/shape(of:)``) and for the articles an `in articles
/// where …` keeps.
struct Planner {
    let context: EvaluationContext
    let source: String
    let sourceName: String
    /// The articles (positions in the corpus) an `in articles where …` restricts the query to;
    /// `nil` for all.
    var scope: Set<Int>? = nil

    var executor: MemoryExecutor { MemoryExecutor(context: context, source: source, sourceName: sourceName) }

    /// The shape of the rows a plan gives: its fields, without rows.
    func shape(_ plan: Plan) throws(QueryError) -> Table { try executor.shape(of: plan) }

    // MARK: - Queries

    /// The plan of a query.
    func plan(_ query: Query) throws(QueryError) -> Plan {
        switch query {
        case .source(let source, _):
            return try plan(source)
        case .inArticles(let condition, let query, _):
            return try scoped(to: condition).plan(query)
        case .stage(let input, let stage, _):
            let inner = try plan(input)
            return try plan(stage, after: inner)
        }
    }

    /// This planner restricted to the articles that meet `condition` (a condition on the
    /// `articles` table; all of them for `nil`).
    func scoped(to condition: Condition?) throws(QueryError) -> Planner {
        var articles = Plan.scan(.articles, scope: scope)
        if let condition { articles = .filter(articles, try predicate(condition, over: try shape(articles)), suggest: true) }
        let table = try run(articles)
        let id = table.index(of: "id")!
        var inner = self
        var scope: Set<Int> = []
        for row in table.rows {
            if case .text(let article) = row[id], let position = try corpus({ try context.position(ofArticle: article) }) {
                scope.insert(position)
            }
        }
        inner.scope = scope
        return inner
    }

    /// Runs a plan: in memory, or in the store.
    func run(_ plan: Plan) throws(QueryError) -> Table {
        guard let store = context.store else { return try executor.run(plan) }
        let runner = PlanRunner(executor: executor)
        do {
            return try store.run(plan, runner: runner)
        } catch let error as QueryError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// Streams `plan`'s rows from the store in chunks (each a table shaped as the plan's rows),
    /// when the store runs it wholly itself (``CorpusStore/stream(_:runner:chunkSize:chunk:)``);
    /// `false`, having sent nothing, when it does not.
    func stream(_ plan: Plan, chunkSize: Int, chunk: (Table) -> Bool) throws(QueryError) -> Bool {
        guard let store = context.store, !plan.suggestsWords else { return false }
        let shape = try executor.shape(of: plan)
        do {
            return try store.stream(plan, runner: PlanRunner(executor: executor), chunkSize: chunkSize) { rows in
                var table = shape
                table.rows = rows
                return chunk(table)
            } != nil
        } catch let error as QueryError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// How a store runs `plan`: its SQL and the steps left to memory (`explain` over a store);
    /// empty for a corpus in memory.
    func storeSteps(_ plan: Plan) throws(QueryError) -> [String] {
        guard let store = context.store else { return [] }
        do {
            return try store.explain(plan, runner: PlanRunner(executor: executor))
        } catch let error as QueryError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// A question to the corpus whose store may fail: its failure as a diagnostic.
    func corpus<T>(_ ask: () throws -> T) throws(QueryError) -> T {
        do {
            return try ask()
        } catch let error as QueryError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    /// A store's failure (a lost connection, a damaged file) as a diagnostic.
    func storeError(_ error: any Error) -> QueryError {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return QueryError(diagnostics: [Diagnostic(kind: .name, message: "the corpus cannot be read: \(error)", range: SourceRange(start: start, end: start))],
                          source: source, sourceName: sourceName)
    }

    private func plan(_ stage: Stage, after input: Plan) throws(QueryError) -> Plan {
        let table = try shape(input)
        switch stage {
        case .filter(let condition):
            return .filter(input, try predicate(condition, over: table), suggest: true)
        case .sort(let keys):
            var fields: [SortField] = []
            for key in keys {
                let index = try column(key.field, in: table)
                fields.append(SortField(field: table.columns[index].name, descending: key.descending))
            }
            return .sort(input, fields)
        case .limit(let count, let range):
            guard count >= 0 else { throw error(.type, "limit needs a whole number of rows, not \(count)", range) }
            return .limit(input, count)
        case .count:
            return .count(input)
        case .countBy(let field):
            return .countBy(input, table.columns[try column(field, in: table)].name)
        case .show(let fields):
            var names: [String] = []
            for field in fields { names.append(table.columns[try column(field, in: table)].name) }
            return .show(input, names)
        }
    }

    // MARK: - Sources

    private func plan(_ source: Source) throws(QueryError) -> Plan {
        let statements = Plan.scan(.statements, scope: scope)
        let events = Plan.scan(.events, scope: scope)
        switch source {
        case .whoSaid(let pattern):
            return .search(statements, try textSearch(pattern), ranked: true)
        case .quotes:
            return statements
        case .quotesBy(let references):
            var predicates: [Predicate] = []
            var ids: [String] = []
            for reference in references {
                let id = try resolve(reference).id
                if !ids.contains(id) {
                    ids.append(id)
                    predicates.append(.actor(field: "speakers", id: id))
                }
            }
            return .filter(statements, predicates.dropFirst().reduce(predicates[0]) { .or($0, $1) }, suggest: false)
        case .quotesAbout(let reference):
            return .filter(statements, .actor(field: "about", id: try resolve(reference).id), suggest: false)
        case .quotesMentioning(let pattern):
            return .search(statements, try textSearch(pattern), ranked: false)
        case .whoIs(let reference):
            return .profile(try resolve(reference), scope: scope)
        case .actors(let kind):
            let actors = Plan.scan(.actors, scope: scope)
            guard let kind else { return actors }
            return .filter(actors, .equal(field: "kind", value: .text(kind.rawValue)), suggest: false)
        case .events(nil):
            return events
        case .events(let filter?):
            return try plan(filter, over: events)
        case .mentions:
            return .scan(.mentions, scope: scope)
        case .mentionsOf(let reference):
            return .filter(.scan(.mentions, scope: scope), .actor(field: "actor_id", id: try resolve(reference).id), suggest: false)
        case .whenDid(let words):
            let (actor, rest) = try splitActor(words)
            let pattern = TextPattern(rest.map(\.text).joined(separator: " "), range: rest[0].range.union(rest[rest.count - 1].range))
            let involving = Plan.filter(events, .actor(field: "involves", id: actor.id), suggest: false)
            let matching = Plan.filter(involving, .has(fields: ["name", "summary"], try textSearch(pattern)), suggest: false)
            let reference = QueryPrinter.print(Source.events(.involving(ActorReference(actor.name, range: words[0].range))))
            let empty = QueryError(
                diagnostics: [Diagnostic(kind: .name, message: "no event with \(actor.name) taking part has the words \"\(pattern.text)\" — list them: \(reference)",
                                         range: pattern.range)],
                source: self.source, sourceName: sourceName)
            return .display(.nonEmpty(matching, empty), ["id", "kind", "when", "summary"])
        case .howMany(let pattern):
            let matching = Plan.filter(events, .has(fields: ["quantities"], try textSearch(pattern)), suggest: false)
            let suggestion = "quotes mentioning \(QueryPrinter.quote(pattern.text))"
            let empty = QueryError(
                diagnostics: [Diagnostic(kind: .name, message: "no quantity the article states has the words \"\(pattern.text)\" — search the statements: \(suggestion)",
                                         range: pattern.range)],
                source: self.source, sourceName: sourceName)
            return .display(.nonEmpty(matching, empty), ["id", "quantities", "when", "summary"])
        case .sourceOf(let name, let article):
            let id = try argument(name.text, name.range)
            return .source(id: id, article: try articleIndex(for: id, named: article, name: name), range: name.range)
        case .articles:
            return .scan(.articles, scope: scope)
        case .variable(let name):
            if let bound = context.boundTables[name.text] { return .rows(MemoryExecutor.within(bound, scope: scope, context: context)) }
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
            guard let index = try corpus({ try context.position(ofArticle: text) }) else {
                var message = "no article \"\(text)\" in this corpus"
                if let near = try corpus({ try context.articleID(near: text) }) { message += " — did you mean \(near)?" }
                throw error(.name, message, article.range)
            }
            return index
        }
        guard try corpus({ try context.articleCount() }) > 1 else { return 0 }
        let holders = try corpus { try context.articles(holdingRecord: id) }
        guard holders.count > 1 else { return holders.first ?? 0 }
        var names: [String] = []
        for holder in holders.prefix(5) { names.append(try corpus { try context.articleID(at: holder) }) }
        let more = holders.count > 5 ? " and \(holders.count - 5) more" : ""
        throw error(.name, "\(holders.count) articles have a record \(id) (\(names.joined(separator: ", "))\(more)) — say which: source of \(id) in \(names[0])",
                    name.range)
    }

    // MARK: - Events

    private func plan(_ filter: EventFilter, over events: Plan) throws(QueryError) -> Plan {
        switch filter {
        case .involving(let reference):
            return .filter(events, .actor(field: "involves", id: try resolve(reference).id), suggest: false)
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
            return .filter(events, .actor(field: "place_id", id: actor.id), suggest: false)
        default:
            // Days in words resolve against each article's own date.
            var windows: [TimeWindow] = []
            // Each distinct date once: a corpus of thousands of articles has far fewer dates.
            var byDate: [CalendarDate: TimeWindow] = [:]
            for date in try corpus({ try context.articleDates() }) {
                if let known = byDate[date] {
                    windows.append(known)
                } else {
                    let window = try window(of: filter, articleDate: date)
                    byDate[date] = window
                    windows.append(window)
                }
            }
            return .window(events, windows)
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

    // MARK: - Names

    func resolve(_ reference: ActorReference) throws(QueryError) -> Actor {
        let text = try argument(reference.text, reference.range)
        do {
            return try context.resolveActor(text)
        } catch let error as ActorResolver.Failure {
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
        } catch {
            throw storeError(error)
        }
    }

    /// The event whose id or name is `text` (compared as names are), if any.
    private func eventNamed(_ text: String) -> Event? {
        (try? context.event(folded: ActorResolver.fold(text))) ?? nil
    }

    /// `$NAME` replaced by the value given with `--arg NAME=VALUE`; other text unchanged.
    func argument(_ text: String, _ range: SourceRange) throws(QueryError) -> String {
        guard text.hasPrefix("$") else { return text }
        let name = String(text.dropFirst())
        if let value = context.arguments[name] { return value }
        throw error(.name, "unknown argument $\(name) — pass it with --arg \(name)=VALUE", range)
    }

    /// A pattern compiled (once per distinct text in a session).
    func textSearch(_ pattern: TextPattern) throws(QueryError) -> PlannedSearch {
        let text = try argument(pattern.text, pattern.range)
        if let compiled = context.searches[text] { return PlannedSearch(pattern: pattern, text: text, search: compiled) }
        do {
            let compiled = try TextSearch(text)
            if context.searches.count >= 256 { context.searches.removeAll() }
            context.searches[text] = compiled
            return PlannedSearch(pattern: pattern, text: text, search: compiled)
        } catch {
            throw self.error(.type, "\(error)", pattern.range)
        }
    }

    /// The column a field names, or a diagnostic listing the table's fields.
    func column(_ field: Name, in table: Table) throws(QueryError) -> Int {
        if let index = table.index(of: field.text) { return index }
        let names = table.columns.map(\.name)
        var message = "unknown field '\(field.text)'"
        var fixIts: [Diagnostic.FixIt] = []
        if let near = nearestName(to: field.text, in: names) {
            message += " — did you mean '\(near)'?"
            fixIts.append(.init(range: field.range, replacement: near))
        }
        throw QueryError(
            diagnostics: [Diagnostic(kind: .name, message: message, range: field.range,
                                     notes: [.init("fields here: \(names.joined(separator: ", "))")], fixIts: fixIts)],
            source: source, sourceName: sourceName)
    }

    func error(_ kind: Diagnostic.Kind, _ message: String, _ range: SourceRange) -> QueryError {
        QueryError(diagnostics: [Diagnostic(kind: kind, message: message, range: range)], source: source, sourceName: sourceName)
    }
}
