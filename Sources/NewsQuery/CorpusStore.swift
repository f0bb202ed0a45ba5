import NewsModel

/// A corpus kept outside memory — a SQLite file, a PostgreSQL database — that an ``Interpreter``
/// queries through the same language as an article in memory.
///
/// The interpreter plans every statement itself (names, values and dates resolved and checked,
/// ``Plan``); the store answers the planner's questions about the corpus (its articles, names,
/// records) and runs the plans — compiling what it can to SQL and handing the rest to the
/// in-memory engine (`runner`). A store must give exactly the rows the in-memory engine gives
/// for the same articles in the same order: the differential tests check it.
///
/// NewsQuery defines this protocol and never imports a store; `NewsStore` implements it.
public protocol CorpusStore: AnyObject {
    /// How many articles the corpus holds.
    func articleCount() throws -> Int
    /// The position (0-based, in corpus order) of the article with the id, if any.
    func articlePosition(of id: String) throws -> Int?
    /// The id of the article at a position.
    func articleID(at position: Int) throws -> String
    /// Every article's date, in corpus order (days in words resolve against them).
    func articleDates() throws -> [CalendarDate]
    /// Article ids near `id` by spelling, for a suggestion; the nearest first.
    func articleIDs(near id: String) throws -> [String]
    /// The corpus actor a name refers to, resolved as ``ActorResolver`` resolves names.
    func resolveActor(_ text: String) throws -> Actor
    /// The event whose id or name (folded as names are) is `folded`, if any article has one.
    func event(folded: String) throws -> Event?
    /// The positions of the articles that have a statement, event, mention or actor with the id.
    func articles(holdingRecord id: String) throws -> [Int]
    /// The name of a corpus actor (its first article's name for it).
    func actorName(_ id: String) throws -> String?
    /// Runs a plan; `runner` runs plans (or the part of a plan the store cannot) in memory.
    func run(_ plan: Plan, runner: PlanRunner) throws -> Table
    /// How ``run(_:runner:)`` would run a plan, for `explain`: the SQL it sends (runnable as
    /// shown, values written in) and the steps it leaves to the in-memory engine, in order.
    func explain(_ plan: Plan, runner: PlanRunner) throws -> [String]
    /// Runs a plan that the store runs wholly itself, handing its rows over in chunks of at
    /// most `chunkSize` as they are read (at least one chunk, maybe empty), in the order
    /// ``run(_:runner:)`` gives them; `chunk` returns `false` to stop reading. Returns the
    /// rows' shape (a table without rows), or `nil` — having sent nothing — for a plan it does
    /// not stream (the caller runs it whole).
    func stream(_ plan: Plan, runner: PlanRunner, chunkSize: Int, chunk: ([[Value]]) throws -> Bool) throws -> Table?
}

extension CorpusStore {
    /// A store that does not say how it runs plans explains nothing more.
    public func explain(_ plan: Plan, runner: PlanRunner) throws -> [String] { [] }

    /// A store that does not stream runs every plan whole.
    public func stream(_ plan: Plan, runner: PlanRunner, chunkSize: Int, chunk: ([[Value]]) throws -> Bool) throws -> Table? { nil }
}

extension Plan {
    /// Whether a filter in the plan reports a searched word no row has when it keeps no rows
    /// (such a plan is not streamed: its emptiness decides an error).
    public var suggestsWords: Bool {
        switch self {
        case .filter(_, _, true): return true
        case .scan, .rows, .profile, .source: return false
        case .filter(let input, _, _), .search(let input, _, _), .window(let input, _), .sort(let input, _),
             .limit(let input, _), .count(let input), .countBy(let input, _), .show(let input, _),
             .display(let input, _), .nonEmpty(let input, _):
            return input.suggestsWords
        }
    }
}

/// The in-memory engine as a store sees it: runs plans whose leaves are rows (``Plan/rows(_:)``),
/// profiles and sources the store has computed — the part of a plan SQL cannot do.
public struct PlanRunner {
    let executor: MemoryExecutor

    /// Runs a plan over rows already read.
    public func run(_ plan: Plan) throws(QueryError) -> Table {
        try executor.run(plan)
    }

    /// The shape (fields, no rows) of what a plan gives.
    public func shape(of plan: Plan) throws(QueryError) -> Table {
        try executor.shape(of: plan)
    }

    /// The profile of a corpus actor, computed from the articles that have it (loaded by the
    /// store); `single`: the corpus has one article, whose record ids are written bare.
    public func profile(of actor: Actor, members: [(model: ArticleModel, actor: String)], single: Bool) -> Table {
        Profile.table(for: actor, members: members, names: { executor.context.actorName($0) }, single: single)
    }

    /// `source of ID` in one article's model (loaded by the store).
    public func source(of id: String, in model: ArticleModel, range: SourceRange) throws(QueryError) -> Table {
        try SourceMarker(model: model).table(for: id) { message in
            QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: range)],
                       source: executor.source, sourceName: executor.sourceName)
        }
    }

    /// Whether the query has been cancelled (^C): a store polls it between rows.
    public var isCancelled: Bool { executor.context.shouldStop() }

    /// The error a cancelled query stops with.
    public func cancelled() -> QueryError { executor.cancelled() }

    /// A search's matched words and whether they are all the speaker's quoted words, for one
    /// statement row read from a store (its content and quote spans; the article's text only for
    /// a phrase that runs across two spans).
    public func matches(of search: PlannedSearch, in statement: Statement, articleText: () -> String) -> (words: [String], verbatim: Bool)? {
        SearchMatch.matches(of: search.search, in: statement, articleText: articleText)
    }

    /// Throws the "no statement has the word …" error when a word of the search is in none of
    /// `table`'s rows (an empty search over them), as the in-memory engine does.
    public func suggestWords(for search: PlannedSearch, in table: Table, fields: [String]) throws(QueryError) {
        try executor.suggestWords(for: search, in: table, fields: fields)
    }
}
