import NewsModel

/// The base tables a query reads.
public enum BaseTable: String, Sendable, CaseIterable {
    /// One row per statement.
    case statements
    /// One row per actor of each article.
    case actors
    /// One row per event.
    case events
    /// One row per mention.
    case mentions
    /// One row per article.
    case articles
}

/// A text search, compiled, with the pattern as typed (for diagnostics).
public struct PlannedSearch: Sendable {
    /// The pattern as typed, with its range.
    public var pattern: TextPattern
    /// The pattern with `$NAME` arguments substituted.
    public var text: String
    /// The compiled search.
    public var search: TextSearch
}

/// A condition with every name and value resolved: what an executor tests per row.
///
/// Values compare as ``ValueOrder`` says: text without regard to case, diacritics or typographic
/// quotes; a list holds a value when one of its items equals it; a null equals nothing.
public indirect enum Predicate: Sendable {
    /// Both hold.
    case and(Predicate, Predicate)
    /// Either holds.
    case or(Predicate, Predicate)
    /// It does not hold.
    case not(Predicate)
    /// The field equals the value (a list field: holds it).
    case equal(field: String, value: Value)
    /// The field (a number or a date) stands in this order to the value.
    case order(field: String, Comparison, Value)
    /// The field is null (or an empty list).
    case isNull(field: String)
    /// The actor-id field (a corpus id, or a list of them) holds this corpus actor.
    case actor(field: String, id: String)
    /// One of the fields (text or lists of text) has the words.
    case has(fields: [String], PlannedSearch)
}

/// A query with its names, values and dates resolved and checked: what an executor runs. The
/// in-memory engine runs it over the articles' tables (``MemoryExecutor``); a store compiles it
/// to SQL. Every executor gives the same rows in the same order.
public indirect enum Plan: Sendable {
    /// Every row of a base table, of the articles in scope (positions in the corpus; `nil`: all).
    case scan(BaseTable, scope: Set<Int>?)
    /// Rows computed already: a `let` binding, a profile, a source.
    case rows(Table)
    /// `who is`: the profile of a corpus actor, over the articles in scope.
    case profile(Actor, scope: Set<Int>?)
    /// `source of`: the paragraphs a record stands in, in one article.
    case source(id: String, article: Int, range: SourceRange)
    /// The rows for which the predicate holds; `suggest`: when it keeps none of a non-empty
    /// input, a searched word that no row has is reported with the nearest one that some row has.
    case filter(Plan, Predicate, suggest: Bool)
    /// Statement rows whose text has the words, with `match` and `verbatim` added; `ranked`
    /// sorts them verbatim first, then by kind and paragraph (`who said`).
    case search(Plan, PlannedSearch, ranked: Bool)
    /// Event rows cut to time windows (one per article, in corpus order), with `match` added.
    case window(Plan, [TimeWindow])
    /// Sorted by fields, stably; nulls last.
    case sort(Plan, [SortField])
    /// The first N rows.
    case limit(Plan, Int)
    /// One row: how many.
    case count(Plan)
    /// One row per value of the field, most frequent first.
    case countBy(Plan, String)
    /// Only these fields, in this order.
    case show(Plan, [String])
    /// The same rows, shown by default with these fields.
    case display(Plan, [String])
    /// The same rows; none is this error.
    case nonEmpty(Plan, QueryError)
}

/// One key of a sort.
public struct SortField: Sendable, Equatable {
    /// The field's name as the table has it.
    public var field: String
    /// Whether the order is descending.
    public var descending: Bool

    /// A sort key.
    public init(field: String, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}

/// The tables of an empty model: the shapes of the base tables, for checking a query's fields
/// before any row is read.
enum EmptyTables {
    static let model = ArticleModel(
        article: Article(id: "", source: "", dateline: "", date: CalendarDate(year: 2000, month: 1, day: 1)!, text: "",
                         paragraphs: [], sentences: [], sections: []),
        actors: [], statements: [], events: [])

    /// The shape of a base table: its fields and what they mean, without rows.
    static func shape(of table: BaseTable) -> Table {
        let tables = CorpusTables(articles: [ModelTables(model: model)], models: [model])
        switch table {
        case .statements: return tables.statements
        case .actors: return tables.actors
        case .events: return tables.events
        case .mentions: return tables.mentions
        case .articles:
            var articles = tables.articleRows
            articles.rows = []
            return articles
        }
    }
}
