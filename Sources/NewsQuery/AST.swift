import NewsModel

/// A parsed statement: what the user asked, before names are resolved.
///
/// The tree mirrors the grammar in `docs/language.md`. Every node that came from the source
/// keeps its ``SourceRange`` so that later phases can point at it.
public indirect enum QueryStatement: Sendable, Equatable {
    /// `let NAME = QUERY`
    case bind(name: Name, query: Query)
    /// `explain QUERY`
    case explain(Query, range: SourceRange)
    /// A query whose result is shown.
    case query(Query)
}

/// A word as typed, with where it stands.
public struct Name: Sendable, Equatable {
    /// The text as typed.
    public var text: String
    /// Where it stands.
    public var range: SourceRange

    /// Creates a name.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A reference to an actor as typed: bare words (`Gov. Walz`) or a quoted string.
public struct ActorReference: Sendable, Equatable {
    /// The words as typed, joined by single spaces (quotes removed for a string).
    public var text: String
    /// Where they stand.
    public var range: SourceRange

    /// Creates an actor reference.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A query: a source of rows followed by stages that filter, sort, shape or count them.
public indirect enum Query: Sendable, Equatable {
    /// Rows from a source.
    case source(Source, range: SourceRange)
    /// The rows of `input` passed through `stage`.
    case stage(Query, Stage, range: SourceRange)
    /// `in articles [where CONDITION] | QUERY` — the query over the articles that meet the
    /// condition (a condition on the `articles` table), as if the corpus held only them.
    case inArticles(Condition?, Query, range: SourceRange)

    /// The source range of the whole query.
    public var range: SourceRange {
        switch self {
        case .source(_, let range), .stage(_, _, let range), .inArticles(_, _, let range): return range
        }
    }
}

/// Where rows come from.
public enum Source: Sendable, Equatable {
    /// `who said "TEXT"` — statements whose content matches TEXT, verbatim first.
    case whoSaid(TextPattern)
    /// `quotes` / `statements` — every statement.
    case quotes
    /// `quotes by ACTOR`, `what did ACTOR say`, `quotes by A or B`, `quotes by A, B` — the
    /// statements of any of the actors (never empty).
    case quotesBy([ActorReference])
    /// `quotes about ACTOR` — statements about an actor.
    case quotesAbout(ActorReference)
    /// `quotes mentioning "TEXT"` — statements whose content matches TEXT.
    case quotesMentioning(TextPattern)
    /// `who is ACTOR` — an actor's profile.
    case whoIs(ActorReference)
    /// `actors`, `people`, `organizations`, `groups`, `places` — the actor table, all or one kind.
    case actors(Actor.Kind?)
    /// `events` with an optional filter.
    case events(EventFilter?)
    /// `mentions` — every reference to every actor, in text order.
    case mentions
    /// `mentions of ACTOR` — every reference to an actor.
    case mentionsOf(ActorReference)
    /// `when did ACTOR WORDS` — the events the actor takes part in whose name or summary has the
    /// words (`when did Homan take over`), with their times. The words are kept as typed: which
    /// of them name the actor is decided against the model's names when the query runs.
    case whenDid([Name])
    /// `how many WORDS` — the events whose stated quantities have the words (`how many officers`).
    case howMany(TextPattern)
    /// `source of ID [in ARTICLE]` — the paragraph with the record's span marked (in a corpus,
    /// the article is needed when several have a record with that id).
    case sourceOf(Name, article: Name?)
    /// `articles` — one row per article of the corpus.
    case articles
    /// `NAME` — the rows bound earlier with `let`.
    case variable(Name)
}

/// A filter on the events table.
public enum EventFilter: Sendable, Equatable {
    /// `events involving ACTOR` (also `events about ACTOR`)
    case involving(ActorReference)
    /// `events on DAY`
    case on(DateLiteral)
    /// `events in PLACE` (an actor that is a place)
    case inPlace(ActorReference)
    /// `events in MONTH` (`January`, optionally `January 2026`)
    case inMonth(month: Int, year: Int?, range: SourceRange)
    /// `events in PERIOD`: a year (`2026`) or words the article's ``TimeResolver`` reads as a
    /// stretch of days (`early January`, `this week`); resolved when the query runs.
    case inPeriod(DateLiteral)
    /// `events between DAY and DAY`: the days of a window, both ends included.
    case between(DateLiteral, DateLiteral)
    /// `events before DAY`
    case before(DateLiteral)
    /// `events after DAY`
    case after(DateLiteral)
}

/// A day or period as typed: `2026-02-04`, or words resolved against the article date when
/// the query runs (`Wednesday`, `February 4`, `Feb 4 2026`, `early January`).
public struct DateLiteral: Sendable, Equatable {
    /// The words as typed, joined by single spaces (`2026-02-04`, `Feb 4 2026`).
    public var text: String
    /// Where they stand.
    public var range: SourceRange

    /// Creates a date literal.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }

    /// A `YYYY-MM-DD` date.
    public init(_ date: CalendarDate, range: SourceRange) {
        self.init(date.iso, range: range)
    }

    /// The date when the text is a `YYYY-MM-DD` date.
    public var isoDate: CalendarDate? { CalendarDate(iso: text) }
}

/// Text to search for, as typed inside quotes: words, phrases and `word*` prefixes.
public struct TextPattern: Sendable, Equatable {
    /// The text between the quotes.
    public var text: String
    /// Where the string literal stands (quotes included).
    public var range: SourceRange

    /// Creates a pattern.
    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A step applied to rows.
public enum Stage: Sendable, Equatable {
    /// `where CONDITION`
    case filter(Condition)
    /// `sort by FIELD [asc|desc] {, FIELD [asc|desc]}`
    case sort([SortKey])
    /// `limit N`
    case limit(Int, range: SourceRange)
    /// `count`
    case count(range: SourceRange)
    /// `count by FIELD`
    case countBy(Name)
    /// `show FIELD {, FIELD}`
    case show([Name])
}

/// One key of a `sort by`.
public struct SortKey: Sendable, Equatable {
    /// The field to sort on.
    public var field: Name
    /// Whether the order is descending.
    public var descending: Bool

    /// Creates a sort key.
    public init(field: Name, descending: Bool) {
        self.field = field
        self.descending = descending
    }
}

/// A boolean condition over a row's fields.
public indirect enum Condition: Sendable, Equatable {
    /// `A and B`
    case and(Condition, Condition)
    /// `A or B`
    case or(Condition, Condition)
    /// `not A`
    case not(Condition, range: SourceRange)
    /// `FIELD OP VALUE`
    case compare(Name, Comparison, Literal)
    /// `FIELD has "words"`, or `has "words"` on the row's main text (field `nil`).
    case has(Name?, TextPattern)
    /// `FIELD is null` (`negated` false) or `FIELD is not null` (true); also what `FIELD = null`
    /// and `FIELD != null` mean.
    case isNull(Name, negated: Bool, range: SourceRange)
}

/// A comparison operator.
public enum Comparison: String, Sendable, Equatable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// A literal value on the right of a comparison.
public enum Literal: Sendable, Equatable {
    /// A quoted string or a bare word (`direct`, `Homan`).
    case text(String, range: SourceRange)
    /// An integer.
    case integer(Int, range: SourceRange)
    /// A number with a fractional part (`0.6`).
    case decimal(Double, range: SourceRange)
    /// A date (`2026-02-04`).
    case date(CalendarDate, range: SourceRange)

    /// Where the literal stands.
    public var range: SourceRange {
        switch self {
        case .text(_, let range), .integer(_, let range), .decimal(_, let range), .date(_, let range): return range
        }
    }
}
