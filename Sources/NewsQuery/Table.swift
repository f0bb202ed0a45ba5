import NewsModel

/// The evaluator's working table: every field of the rows, plus what the evaluator needs to
/// know about them (which fields a plain table shows, which field `has` searches by default,
/// the order of enumeration values). Turned into a ``QueryResult`` at the end of a query.
public struct Table: Sendable {
    /// Every field the rows carry.
    public var columns: [QueryResult.Column]
    /// The rows; one value per column.
    public var rows: [[Value]]
    /// The fields an aligned table shows by default, or `nil` for all.
    public var display: [String]?
    /// The fields that `has "words"` searches when no field is named (statements: `text`;
    /// events: `summary` and `name`), the first of them the table's main text.
    public var textFields: [String] = []
    /// What one row is, for messages ("no statement has the word …"): `statement`, `event`…
    public var noun: String?
    /// For enumeration fields, the values in their natural order (direct, partial, reported).
    public var enumOrders: [String: [String]] = [:]
    /// Fields whose values are actor ids, keyed by the field that shows the actor's name.
    public var actorFields: [String: String] = [:]

    /// The index of a field, case-insensitively.
    public func index(of field: String) -> Int? {
        let lowered = field.lowercased()
        return columns.firstIndex { $0.name.lowercased() == lowered }
    }

    /// The result users see.
    public var result: QueryResult {
        QueryResult(columns: columns, rows: rows, displayColumns: display)
    }

    /// Creates a table.
    public init(columns: [QueryResult.Column], rows: [[Value]], display: [String]? = nil, textFields: [String] = [],
         noun: String? = nil, enumOrders: [String: [String]] = [:], actorFields: [String: String] = [:]) {
        self.columns = columns
        self.rows = rows
        self.display = display
        self.textFields = textFields
        self.noun = noun
        self.enumOrders = enumOrders
        self.actorFields = actorFields
    }
}
