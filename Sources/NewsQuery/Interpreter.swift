import NewsModel

/// The embeddable query engine: runs newsq statements over one article model.
///
/// All session state lives here: the model, its text index and name index (each built once,
/// on first use), the `let` bindings, and the `$NAME` arguments. Nothing is
/// printed; results and diagnostics are values.
///
/// ```swift
/// let shell = try Interpreter(model: .bundled)
/// let rows = try shell.run(#"who said "surrender""#)
/// rows.column("speaker")   // ["Tom Homan"]
/// ```
public final class Interpreter {
    /// Why an interpreter cannot be made for a model: the model does not validate.
    public struct InvalidModel: Error, Sendable, CustomStringConvertible {
        /// Every problem, with its JSON path.
        public var issues: [ModelIssue]

        /// The problems, one per line.
        public var description: String { issues.map(\.description).joined(separator: "\n") }
    }

    /// The model queries run over: the first of ``models``.
    public let model: ArticleModel
    /// Every article queries run over, in corpus order (one for `newsq` on an article).
    public let models: [ArticleModel]
    /// Values for `$NAME` in queries (`--arg NAME=VALUE` on the command line).
    public var arguments: [String: String] {
        get { context.arguments }
        set { context.arguments = newValue }
    }
    /// Polled while a query runs (every few hundred rows of a filter, sort, text match or
    /// count); when it returns `true` the query stops with a ``QueryError`` whose diagnostic
    /// says "query cancelled" (``QueryError/isCancelled``), and the interpreter stays usable.
    ///
    /// The shell points it at the ^C flag; an embedder may point it at a deadline or a token
    /// another thread sets:
    ///
    /// ```swift
    /// let stop = Atomic<Bool>(false)   // a `let` in a Sendable holder
    /// shell.isCancelled = { stop.load(ordering: .relaxed) }
    /// ```
    public var isCancelled: @Sendable () -> Bool {
        get { context.isCancelled }
        set { context.isCancelled = newValue }
    }
    /// The results bound with `let` so far, by name.
    public var bindings: [String: QueryResult] { context.boundTables.mapValues(\.result) }

    private let context: EvaluationContext

    /// The result bound to `name` with `let`, if any.
    public func binding(_ name: String) -> QueryResult? {
        context.boundTables[name]?.result
    }

    /// Prepares an interpreter for `model`, validating it; its indexes are built on first use.
    public convenience init(model: ArticleModel) throws(InvalidModel) {
        try self.init(models: [model])
    }

    /// Prepares an interpreter for several articles queried as one corpus, in this order,
    /// validating each: rows carry the article they come from, and actors are linked across
    /// articles by name and alias (``CorpusActors``).
    ///
    /// - Throws: ``InvalidModel`` for a model that does not validate (its issues' paths start
    ///   with the article's position, `[2] $.actors…`), or for two articles with one id.
    public init(models: [ArticleModel]) throws(InvalidModel) {
        var issues: [ModelIssue] = []
        var seen: Set<String> = []
        for (index, model) in models.enumerated() {
            let found = ModelValidator().validate(model)
            issues += models.count == 1 ? found : found.map { issue in
                var issue = issue
                issue.path = "[\(index + 1)] \(issue.path)"
                return issue
            }
            if !seen.insert(model.article.id).inserted {
                issues.append(ModelIssue(path: "[\(index + 1)] $.article.id",
                                         message: "the article id \"\(model.article.id)\" is used by an earlier article"))
            }
        }
        guard !models.isEmpty else {
            throw InvalidModel(issues: [ModelIssue(path: "$", message: "a corpus needs at least one article")])
        }
        guard issues.isEmpty else { throw InvalidModel(issues: issues) }
        self.models = models
        self.model = models[0]
        self.store = nil
        self.context = EvaluationContext(models: models)
    }

    /// Prepares an interpreter for a model that is already known to be valid, without
    /// validating it again: `ArticleModel.bundled`, which `BundledModel.build()` validates as it
    /// builds it (and the test suite checks). For the command line's start-up; any other model
    /// goes through ``init(model:)``.
    /// Prepares an interpreter over a corpus kept in a store (a SQLite file, a PostgreSQL
    /// database): plans run there, compiled to SQL. ``model`` and ``models`` describe no article
    /// (``models`` is empty); ask the store about its articles.
    public init(store: any CorpusStore) {
        self.models = []
        self.model = EmptyTables.model
        self.store = store
        self.context = EvaluationContext(store: store)
    }

    /// The store the corpus is kept in, for an interpreter made with ``init(store:)``.
    public let store: (any CorpusStore)?

    package init(validatedModel model: ArticleModel) {
        self.model = model
        self.models = [model]
        self.store = nil
        self.context = EvaluationContext(models: [model])
    }

    /// Runs exactly one statement and returns its result.
    ///
    /// - Throws: ``QueryError`` with the diagnostics when the statement does not parse,
    ///   names something unknown, or when the source holds no statement or more than one.
    public func run(_ source: String, sourceName: String = "<input>") throws(QueryError) -> QueryResult {
        try Self.checkLength(of: source, sourceName: sourceName)
        let statements = try Parser.parse(source, sourceName: sourceName)
        guard statements.count == 1 else {
            let end = Self.endPosition(of: source)
            let message = statements.isEmpty
                ? "no statement to run"
                : "\(statements.count) statements given; run(_:) takes one — use runAll(_:) for several"
            throw QueryError(diagnostics: [Diagnostic(kind: .syntax, message: message,
                                                      range: SourceRange(start: end, end: end))],
                             source: source, sourceName: sourceName)
        }
        return try execute(statements[0], source: source, sourceName: sourceName)
    }

    /// Runs every statement in order and returns their results; stops at the first error.
    public func runAll(_ source: String, sourceName: String = "<input>") throws(QueryError) -> [QueryResult] {
        try Self.checkLength(of: source, sourceName: sourceName)
        let statements = try Parser.parse(source, sourceName: sourceName)
        var results: [QueryResult] = []
        for statement in statements {
            results.append(try execute(statement, source: source, sourceName: sourceName))
        }
        return results
    }

    /// Runs one parsed statement, handing its rows to `chunk` as they are read when the corpus
    /// is in a store that runs the query wholly in SQL — at most `chunkSize` rows at a time,
    /// at least one chunk (maybe empty), all with the same columns — and returning `nil`; any
    /// other statement runs whole and its result is returned (nothing is sent to `chunk`).
    ///
    /// `chunk` returns `false` to stop reading (a closed pipe); ``isCancelled`` stops it with
    /// the "query cancelled" error, as for ``execute(_:source:sourceName:)``. Memory holds one
    /// chunk, however many rows the query has; `limit` is part of the SQL, so reading stops there.
    public func stream(_ statement: QueryStatement, source: String, sourceName: String = "<input>", chunkSize: Int = 1_000,
                       chunk: (QueryResult) -> Bool) throws(QueryError) -> QueryResult? {
        guard store != nil, case .query(let query) = statement else {
            return try execute(statement, source: source, sourceName: sourceName)
        }
        let planner = Planner(context: context, source: source, sourceName: sourceName)
        let plan = try planner.plan(query)
        guard try planner.stream(plan, chunkSize: max(1, chunkSize), chunk: { chunk($0.result) }) else {
            return try planner.run(plan).result
        }
        return nil
    }

    /// Runs one parsed statement.
    public func execute(_ statement: QueryStatement, source: String, sourceName: String = "<input>") throws(QueryError) -> QueryResult {
        let planner = Planner(context: context, source: source, sourceName: sourceName)
        switch statement {
        case .query(let query):
            return try planner.run(try planner.plan(query)).result
        case .bind(let name, let query):
            // The whole table is kept, not just its rows: a bound result supports every stage
            // its source did (`h | where has "ICE"` searches statements' text).
            let table = try planner.run(try planner.plan(query))
            context.boundTables[name.text] = table
            return .message("\(name.text): \(table.rows.count) row\(table.rows.count == 1 ? "" : "s")")
        case .explain(let query, _):
            let text = try Explainer(planner: planner).explain(query)
            return .explanation(text, steps: try planner.storeSteps(try planner.plan(query)))
        }
    }

    /// The longest source ``run(_:sourceName:)`` and ``runAll(_:sourceName:)`` take: 1 MB of
    /// UTF-8. Longer text is refused before it is read, so a runaway script line fails at once.
    public static let maximumSourceBytes = 1 << 20

    /// Refuses a source longer than ``maximumSourceBytes`` with "statement too long: N bytes
    /// (the limit is 1 MB)", at the start of `startLine` (the line the source starts on in its
    /// file, for a shell that passes statements one entry at a time).
    public static func checkLength(of source: String, sourceName: String, startLine: Int = 1) throws(QueryError) {
        let bytes = source.utf8.count
        guard bytes > maximumSourceBytes else { return }
        let start = SourcePosition(line: startLine, column: 1, offset: startLine - 1)
        let message = "statement too long: \(bytes) bytes (the limit is \(maximumSourceBytes >> 20) MB)"
        throw QueryError(diagnostics: [Diagnostic(kind: .syntax, message: message, range: SourceRange(start: start, end: start))],
                         source: String(repeating: "\n", count: startLine - 1) + source.prefix(200),
                         sourceName: sourceName)
    }

    private static func endPosition(of source: String) -> SourcePosition {
        var line = 1, column = 1
        for character in source {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourcePosition(line: line, column: column, offset: source.unicodeScalars.count)
    }
}

/// What evaluation reads and the session writes: the articles, their tables and indexes, the
/// corpus actors and their name resolver, bindings, arguments, and a cache of analyzed text.
///
/// The tables, the name resolver and the text indexes are built on first use, so a one-shot
/// query (`newsq -c`) pays only for what it reads: `quotes by Walz` never stems the article.
final class EvaluationContext {
    let models: [ArticleModel]
    /// The store the corpus is kept in, for an interpreter over a database; `nil` in memory.
    let store: (any CorpusStore)?
    /// The first article (the only one, outside a corpus).
    var model: ArticleModel { models[0] }
    /// The corpus-wide actors.
    private(set) lazy var actors = CorpusActors(models: models)
    /// Each article's tables, in corpus order.
    private(set) lazy var articleTables: [ModelTables] = {
        if models.count == 1 { return [ModelTables(model: models[0])] }
        let ids = actors.ids
        return models.indices.map { ModelTables(model: models[$0], corpusIDs: ids[$0]) }
    }()
    /// The corpus's tables: every article's rows, in corpus order.
    private(set) lazy var tables = CorpusTables(articles: articleTables, models: models)
    /// Names → corpus actors.
    private(set) lazy var resolver = ActorResolver(actors: models.count == 1 ? model.actors : actors.groups.map(\.merged))
    /// Each article's text index, built when first searched.
    private var indexes: [Int: TextIndex] = [:]
    /// Article position by article id.
    private(set) lazy var articleIndex: [String: Int] = Dictionary(
        models.enumerated().map { ($1.article.id, $0) }, uniquingKeysWith: { first, _ in first })
    var boundTables: [String: Table] = [:]
    var arguments: [String: String] = [:]
    /// Compiled text patterns by their text: a `where … has` compiles its pattern once, not
    /// once per row.
    var searches: [String: TextSearch] = [:]
    /// ``Interpreter/isCancelled``.
    var isCancelled: @Sendable () -> Bool = { false }
    /// Calls to ``shouldStop()`` since the last poll of ``isCancelled``.
    private var ticks = 0
    private var analysis: [String: AnalyzedText] = [:]

    init(models: [ArticleModel]) {
        self.models = models
        self.store = nil
    }

    init(store: any CorpusStore) {
        self.models = []
        self.store = store
    }

    // MARK: - The corpus, wherever it is kept

    /// How many articles.
    func articleCount() throws -> Int {
        try store?.articleCount() ?? models.count
    }

    /// The position of the article with the id.
    func position(ofArticle id: String) throws -> Int? {
        if let store { return try store.articlePosition(of: id) }
        return articleIndex[id]
    }

    /// The id of the article at a position.
    func articleID(at position: Int) throws -> String {
        if let store { return try store.articleID(at: position) }
        return models[position].article.id
    }

    /// Every article's date, in corpus order.
    func articleDates() throws -> [CalendarDate] {
        try store?.articleDates() ?? models.map(\.article.date)
    }

    /// The article id nearest `id` in spelling, for a suggestion.
    func articleID(near id: String) throws -> String? {
        if let store { return try store.articleIDs(near: id).first }
        return nearestName(to: id, in: models.map(\.article.id))
    }

    /// The corpus actor a name refers to.
    func resolveActor(_ text: String) throws -> Actor {
        if let store { return try store.resolveActor(text) }
        return try resolver.resolve(text)
    }

    /// The event whose id or name, folded, is `folded`.
    func event(folded: String) throws -> Event? {
        if let store { return try store.event(folded: folded) }
        return models.lazy.flatMap(\.events).first { event in
            ActorResolver.fold(event.id) == folded || event.name.map(ActorResolver.fold) == folded
        }
    }

    /// The positions of the articles that have a record with the id.
    func articles(holdingRecord id: String) throws -> [Int] {
        if let store { return try store.articles(holdingRecord: id) }
        return models.indices.filter { SourceMarker(model: models[$0]).has(id) }
    }

    /// The name of a corpus actor (its first article's name for it).
    func actorName(_ id: String) -> String? {
        if let store { return (try? store.actorName(id)) ?? nil }
        return tables.names[id]
    }

    /// The text index of the article at `index`.
    func index(_ article: Int) -> TextIndex {
        if let built = indexes[article] { return built }
        let built = TextIndex(model: models[article])
        indexes[article] = built
        return built
    }

    /// The position of the article a row comes from (its `article` field), or 0.
    func article(of row: [Value], in table: Table) -> Int {
        guard models.count > 1 || store != nil, let column = table.index(of: "article"), case .text(let id) = row[column] else { return 0 }
        if store != nil { return ((try? position(ofArticle: id)) ?? nil) ?? 0 }
        return articleIndex[id] ?? 0
    }

    /// Whether the running query should stop: ``isCancelled`` is polled once every 256 calls
    /// (each call is one row of work), so the check costs nothing measurable.
    func shouldStop() -> Bool {
        ticks &+= 1
        guard ticks & 255 == 0 else { return false }
        return isCancelled()
    }

    /// Whether the running query should stop, polled now (before and after whole stages).
    func shouldStopNow() -> Bool {
        ticks = 0
        return isCancelled()
    }

    /// The analyzed form of a text, computed once per distinct text.
    func analyzed(_ text: String) -> AnalyzedText {
        if let cached = analysis[text] { return cached }
        let result = TextAnalyzer.analyze(text)
        analysis[text] = result
        return result
    }
}
