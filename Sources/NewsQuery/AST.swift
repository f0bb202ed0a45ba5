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

    /// The source range of the whole query.
    public var range: SourceRange {
        switch self {
        case .source(_, let range), .stage(_, _, let range): return range
        }
    }
}

/// Where rows come from.
public enum Source: Sendable, Equatable {
    /// `who said "TEXT"` — statements whose content matches TEXT, verbatim first.
    case whoSaid(TextPattern)
    /// `quotes` / `statements` — every statement.
    case quotes
    /// `quotes by ACTOR`, `what did ACTOR say` — an actor's statements.
    case quotesBy(ActorReference)
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
    /// `mentions of ACTOR` — every reference to an actor.
    case mentionsOf(ActorReference)
    /// `source of ID` — the paragraph with the record's span marked.
    case sourceOf(Name)
    /// `NAME` — the rows bound earlier with `let`.
    case variable(Name)
}

/// A filter on the events table.
public enum EventFilter: Sendable, Equatable {
    /// `events involving ACTOR`
    case involving(ActorReference)
    /// `events on DATE`
    case on(DateLiteral)
    /// `events in PLACE` (an actor that is a place)
    case inPlace(ActorReference)
    /// `events in MONTH` (`January`, optionally `January 2026`)
    case inMonth(month: Int, year: Int?, range: SourceRange)
    /// `events before DATE`
    case before(DateLiteral)
    /// `events after DATE`
    case after(DateLiteral)
}

/// A date as typed (`2026-02-04`).
public struct DateLiteral: Sendable, Equatable {
    /// The date.
    public var date: CalendarDate
    /// Where it stands.
    public var range: SourceRange

    /// Creates a date literal.
    public init(_ date: CalendarDate, range: SourceRange) {
        self.date = date
        self.range = range
    }
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
    /// A date (`2026-02-04`).
    case date(CalendarDate, range: SourceRange)

    /// Where the literal stands.
    public var range: SourceRange {
        switch self {
        case .text(_, let range), .integer(_, let range), .date(_, let range): return range
        }
    }
}
