import NewsModel

/// The answer to a query: a typed table of rows.
///
/// Columns have names and types; every row has one ``Value`` per column. Results are plain
/// values (`Equatable`, `Codable`) so that embedding programs and tests can compare them, and
/// renderers (``ResultRenderer``) turn them into text.
public struct QueryResult: Sendable, Equatable, Codable {
    /// A column's name and the type of its values.
    public struct Column: Sendable, Equatable, Codable {
        /// The field name, as used in `where`, `sort by`, `show` and JSON keys.
        public var name: String
        /// The type of the column's values (`null` may appear in any column).
        public var type: ColumnType

        /// Creates a column.
        public init(_ name: String, _ type: ColumnType) {
            self.name = name
            self.type = type
        }
    }

    /// The type of a column's values.
    public enum ColumnType: String, Sendable, Equatable, Codable {
        /// Free text (a quotation, a summary, a name).
        case text
        /// A record id (`s25`, `e-lawsuit`, `m12`, `tom-homan`).
        case id
        /// A value from a fixed set (`direct`, `person`).
        case enumeration
        /// A whole number (paragraph, count).
        case integer
        /// A number with a fractional part (an extracted statement's confidence).
        case number
        /// A calendar date.
        case date
        /// A list of texts (aliases, roles).
        case list
        /// A stretch of the article, as Unicode-scalar offsets.
        case span
    }

    /// The columns, in display order.
    public var columns: [Column]
    /// The rows; each has one value per column.
    public var rows: [[Value]]
    /// A line the `table` format shows instead of the rows: `let`'s confirmation (a result
    /// without columns), or the query `explain` prints.
    public var message: String?
    /// The columns an aligned table shows by default, when fewer than all (`nil`: all). JSON,
    /// CSV and the other formats always carry every column; `show` picks columns explicitly.
    public var displayColumns: [String]?

    /// Creates a result.
    public init(columns: [Column], rows: [[Value]], message: String? = nil, displayColumns: [String]? = nil) {
        self.columns = columns
        self.rows = rows
        self.message = message
        self.displayColumns = displayColumns
    }

    /// The result cut down to its ``displayColumns`` (itself when it has none).
    public func forDisplay() -> QueryResult {
        guard let names = displayColumns else { return self }
        let indices = names.compactMap { columnIndex($0) }
        return QueryResult(columns: indices.map { columns[$0] }, rows: rows.map { row in indices.map { row[$0] } },
                           message: message)
    }

    /// A result that only carries a message (`let`'s "h: 16 rows"): shown in the `table`
    /// format, and nowhere in the machine formats (json, jsonl, csv, plain), whose standard
    /// output holds only result rows.
    public static func message(_ text: String) -> QueryResult {
        QueryResult(columns: [], rows: [], message: text)
    }

    /// The answer to `explain QUERY`: one row with the field `query`, the desugared query as
    /// newsq text that runs and gives the same rows. The `table` format shows just that line.
    ///
    /// Over a store, `steps` say how it runs: the SQL sent (values written in, so it runs as
    /// shown in `sqlite3` or `psql`) and what is left to memory. They are the `sql` field (one
    /// step per line), and the `table` format shows each on its own line as an SQL comment
    /// (`# SQL: SELECT …`: a newsq comment), so the explanation stays runnable newsq text.
    public static func explanation(_ query: String, steps: [String] = []) -> QueryResult {
        guard !steps.isEmpty else {
            return QueryResult(columns: [.init("query", .text)], rows: [[.text(query)]], message: query)
        }
        return QueryResult(columns: [.init("query", .text), .init("sql", .text)],
                           rows: [[.text(query), .text(steps.joined(separator: "\n"))]],
                           message: ([query] + steps.map { "# " + $0 }).joined(separator: "\n"))
    }

    /// The index of the column with `name` (case-insensitive), if any.
    public func columnIndex(_ name: String) -> Int? {
        let lowered = name.lowercased()
        return columns.firstIndex { $0.name.lowercased() == lowered }
    }

    /// The values of one column, top to bottom; empty when there is no such column.
    public func column(_ name: String) -> [Value] {
        guard let index = columnIndex(name) else { return [] }
        return rows.map { $0[index] }
    }

    /// The rows as dictionaries from column name to value.
    public var records: [[String: Value]] {
        rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), row))
        }
    }
}

/// One cell of a ``QueryResult``.
public enum Value: Sendable, Equatable, Hashable {
    /// No value (a venue the article does not name).
    case null
    /// Text, an id or an enumeration value.
    case text(String)
    /// A whole number.
    case integer(Int)
    /// A number with a fractional part.
    case number(Double)
    /// A calendar date.
    case date(CalendarDate)
    /// A list of texts.
    case list([String])
    /// A stretch of the article: Unicode-scalar offsets, start inclusive, end exclusive.
    case span(start: Int, end: Int)

    /// The value as one line of text: lists joined by "; " (items such as roles hold commas:
    /// "Mayor, Minneapolis"), spans as `start..<end`, null empty. Tables and plain output show
    /// a null as `null`.
    public var displayText: String {
        switch self {
        case .null: return ""
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .number(let number):
            // The shortest text that reads back as the number, with a fraction always shown.
            let text = String(number)
            return text.hasSuffix(".0") ? String(text.dropLast(2)) + ".0" : text
        case .date(let date): return date.iso
        case .list(let items): return items.joined(separator: "; ")
        case .span(let start, let end): return "\(start)..<\(end)"
        }
    }

    /// Whether the value is `null`.
    public var isNull: Bool { self == .null }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByNilLiteral {
    /// A text value from a literal, so tests can write `["Tom Homan"]`.
    public init(stringLiteral value: String) { self = .text(value) }
    /// An integer value from a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// `nil` is `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension Value: CustomStringConvertible {
    /// The display text.
    public var description: String { displayText }
}

extension Value: Codable {
    private enum SpanKeys: String, CodingKey { case start, end }

    /// Decodes JSON null, a string, an integer, an array of strings or a `{start, end}` object.
    /// Strings in `YYYY-MM-DD` form stay text: a column's type says when they are dates.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let items = try? container.decode([String].self) {
            self = .list(items)
        } else {
            let span = try decoder.container(keyedBy: SpanKeys.self)
            self = .span(start: try span.decode(Int.self, forKey: .start), end: try span.decode(Int.self, forKey: .end))
        }
    }

    /// Encodes as the natural JSON value; dates as `YYYY-MM-DD` strings, spans as `{start, end}`.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .text(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .integer(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .date(let date):
            var container = encoder.singleValueContainer()
            try container.encode(date.iso)
        case .list(let items):
            var container = encoder.singleValueContainer()
            try container.encode(items)
        case .span(let start, let end):
            var container = encoder.container(keyedBy: SpanKeys.self)
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        }
    }
}
