import NewsModel

/// One field of a table a query can return: what `:schema` lists.
public struct FieldDescription: Sendable, Equatable {
    /// The table: `statements`, `actors`, `events`, `mentions`, `profile`, `source`.
    public var table: String
    /// The field's name (the JSON key).
    public var field: String
    /// The type of its values.
    public var type: QueryResult.ColumnType
    /// For a field whose values are a closed set (`kind`, `form`, `match`…), the values in
    /// their natural order; `nil` for any other field.
    public var values: [String]?
    /// Whether the aligned table shows the field without `show`.
    public var shown: Bool
    /// When the field is there only for some queries, which (`who said`, time filters).
    public var only: String?

    /// Creates a field description.
    public init(table: String, field: String, type: QueryResult.ColumnType, values: [String]?, shown: Bool,
                only: String? = nil) {
        self.table = table
        self.field = field
        self.type = type
        self.values = values
        self.shown = shown
        self.only = only
    }
}

extension Interpreter {
    /// Every field of every table, in table order: the statements (with the `match` and
    /// `verbatim` fields text searches add), actors, events (with the `match` of time filters),
    /// mentions, profiles and sources.
    public func schema() -> [FieldDescription] {
        let tables = ModelTables(model: model)
        var fields: [FieldDescription] = []
        func add(_ name: String, _ table: Table, extra: [(QueryResult.Column, [String]?, String)] = []) {
            for column in table.columns {
                fields.append(FieldDescription(
                    table: name, field: column.name, type: column.type, values: table.enumOrders[column.name],
                    shown: table.display.map { $0.contains(column.name) } ?? true))
            }
            for (column, values, only) in extra {
                fields.append(FieldDescription(table: name, field: column.name, type: column.type, values: values,
                                               shown: true, only: only))
            }
        }
        let searches = "who said, quotes mentioning"
        add("statements", tables.statements, extra: [
            (.init("match", .list), nil, searches), (.init("verbatim", .enumeration), ["yes", "no"], searches),
        ])
        add("actors", tables.actors)
        add("events", tables.events, extra: [(.init("match", .enumeration), ["exact", "possible"], "events on/in/between/before/after")])
        add("mentions", tables.mentions)
        add("profile", Table(columns: [.init("field", .text), .init("value", .text)], rows: []))
        add("source", Table(columns: [.init("id", .id), .init("record", .text), .init("paragraph", .integer), .init("text", .text)],
                            rows: [], display: ["paragraph", "text"]))
        return fields
    }
}
