import NewsModel
import NewsQuery

/// A plan compiled to SQL: a `SELECT` whose rows carry every stored column of one base table
/// (and `v_match` after a time filter), with the order the plan gives them.
struct SQLPiece {
    /// The base table the rows come from.
    var table: BaseTable
    /// The query; its columns are `rid`, `article`, the stored columns, and extras.
    var sql: String
    /// Its parameters, in order.
    var parameters: [SQLValue]
    /// The ordering the plan gives, as `ORDER BY` terms over the query's columns; `rid` last.
    var order: [String]
    /// Whether a time filter added `v_match`.
    var hasMatch = false
}

/// Compiles the parts of a ``Plan`` SQL can do exactly as the in-memory engine does them:
/// scans (of the articles in scope), filters whose predicates compile, a time filter whose
/// window is the same for every article, sorting, limits and picking fields. What does not
/// compile (text-search decoration, profiles, sources, predicates on prefix searches or on
/// fields without an index, a time filter with days in words across articles) is left to the
/// in-memory engine over the rows SQL gives.
///
/// Every atomic condition is `COALESCE(…, 0)`, so `not` over a null behaves as in memory
/// (`venue != "x"` holds for a null venue).
struct PlanCompiler {
    let store: CorpusDatabase
    var dialect: SQLDialect { store.connection.dialect }

    /// The piece for `plan`, or `nil` when it does not compile.
    func compile(_ plan: Plan) throws -> SQLPiece? {
        switch plan {
        case .scan(let table, let scope):
            var piece = SQLPiece(table: table, sql: "SELECT * FROM t_\(table.rawValue)", parameters: [], order: ["rid"])
            if let scope {
                let ords = try store.ords()
                let chosen = scope.sorted().compactMap { ords.indices.contains($0) ? ords[$0] : nil }
                piece.sql += chosen.isEmpty ? " WHERE 1 = 0" : " WHERE article IN (\(chosen.map(String.init).joined(separator: ", ")))"
            }
            return piece
        case .filter(let input, let predicate, _):
            guard var piece = try compile(input), let (condition, parameters) = compile(predicate, table: piece.table, piece: piece) else {
                return nil
            }
            piece.sql = "SELECT * FROM (\(piece.sql)) q WHERE \(renumbered(condition, after: piece.parameters.count))"
            piece.parameters += parameters
            return piece
        case .window(let input, let windows):
            guard var piece = try compile(input), !piece.hasMatch, let window = windows.first,
                  windows.allSatisfy({ $0.limits == window.limits })
            else { return nil }
            let earliest = StoreSchema.value("earliest"), latest = StoreSchema.value("latest")
            let match: String
            switch window.limits {
            case .within(let first, let last):
                match = "CASE WHEN \(earliest) IS NOT NULL AND \(latest) IS NOT NULL AND \(earliest) <= '\(last.iso)' AND \(latest) >= '\(first.iso)' "
                    + "THEN (CASE WHEN '\(first.iso)' <= \(earliest) AND \(latest) <= '\(last.iso)' THEN 'exact' ELSE 'possible' END) END"
            case .before(let day):
                match = "CASE WHEN \(latest) IS NOT NULL AND \(latest) < '\(day.iso)' THEN 'exact' "
                    + "WHEN \(earliest) IS NOT NULL AND \(earliest) < '\(day.iso)' THEN 'possible' END"
            case .after(let day):
                match = "CASE WHEN \(earliest) IS NOT NULL AND \(earliest) > '\(day.iso)' THEN 'exact' "
                    + "WHEN \(latest) IS NOT NULL AND \(latest) > '\(day.iso)' THEN 'possible' END"
            }
            piece.sql = "SELECT * FROM (SELECT w.*, \(match) AS \"v_match\" FROM (\(piece.sql)) w) q WHERE \"v_match\" IS NOT NULL"
            piece.hasMatch = true
            // Exact first, then by earliest day (unstated last), then in the order before.
            piece.order = ["(CASE WHEN \"v_match\" = 'exact' THEN 0 ELSE 1 END)", "(\(earliest) IS NULL)", earliest] + piece.order
            return piece
        case .sort(let input, let keys):
            guard var piece = try compile(input) else { return nil }
            var terms: [String] = []
            for key in keys {
                guard let sortTerms = sortTerms(key, piece: piece) else { return nil }
                terms += sortTerms
            }
            piece.order = terms + piece.order
            return piece
        case .limit(let input, let count):
            guard var piece = try compile(input) else { return nil }
            piece.sql = "SELECT * FROM (\(piece.sql)) q ORDER BY \(piece.order.joined(separator: ", ")) LIMIT \(count)"
            return piece
        case .show(let input, _), .display(let input, _):
            return try compile(input)
        default:
            return nil
        }
    }

    /// The columns of `shape` selected from a piece, in order, and how to read each back.
    func selection(for shape: Table, piece: SQLPiece) -> [String]? {
        var columns: [String] = []
        for column in shape.columns {
            if column.name == "match" && piece.hasMatch {
                columns.append("\"v_match\"")
                continue
            }
            guard BaseTables.shape(of: piece.table).index(of: column.name) != nil else { return nil }
            switch column.type {
            case .span: columns += ["\"v_\(column.name)_start\"", "\"v_\(column.name)_end\""]
            default: columns.append(StoreSchema.value(column.name))
            }
        }
        return columns
    }

    /// A row of `shape`'s columns read back from SQL values in ``selection(for:piece:)``'s order.
    static func decode(_ values: [SQLValue], shape: Table) -> [Value] {
        var row: [Value] = []
        row.reserveCapacity(shape.columns.count)
        var index = 0
        for column in shape.columns {
            let value = values[index]
            index += 1
            switch column.type {
            case .text, .id, .enumeration:
                row.append(value.text.map(Value.text) ?? .null)
            case .date:
                row.append(value.text.flatMap(CalendarDate.init(iso:)).map(Value.date) ?? .null)
            case .integer:
                row.append(value.integer.map { .integer(Int($0)) } ?? .null)
            case .number:
                switch value {
                case .real(let number): row.append(.number(number))
                case .integer(let number): row.append(.number(Double(number)))
                default: row.append(.null)
                }
            case .list:
                row.append(.list(value.text.map(StoreSchema.decodeList) ?? []))
            case .span:
                let end = values[index]
                index += 1
                if let start = value.integer, let end = end.integer { row.append(.span(start: Int(start), end: Int(end))) } else { row.append(.null) }
            }
        }
        return row
    }

    // MARK: - Sorting

    /// The `ORDER BY` terms of one sort key, as ``MemoryExecutor`` sorts: nulls last either way,
    /// closed sets in their order, text by its folded UTF-8 bytes, lists by their folded items.
    private func sortTerms(_ key: SortField, piece: SQLPiece) -> [String]? {
        let direction = key.descending ? " DESC" : ""
        if key.field == "match" && piece.hasMatch {
            return ["(\"v_match\" IS NULL)", "(CASE \"v_match\" WHEN 'exact' THEN 0 WHEN 'possible' THEN 1 END)\(direction)"]
        }
        let shape = BaseTables.shape(of: piece.table)
        guard let index = shape.index(of: key.field) else { return nil }
        let column = shape.columns[index]
        switch column.type {
        case .integer, .number, .date:
            let value = StoreSchema.value(column.name)
            return ["(\(value) IS NULL)", value + direction]
        case .span:
            let start = "\"v_\(column.name)_start\""
            return ["(\(start) IS NULL)", start + direction]
        case .list:
            return [dialect.binary(StoreSchema.sortKey(column.name)) + direction]
        case .text, .id, .enumeration:
            let folded = StoreSchema.folded(column.name)
            guard let order = shape.enumOrders[column.name]?.map(TextAnalyzer.fold), !order.isEmpty else {
                return ["(\(folded) IS NULL)", dialect.binary(folded) + direction]
            }
            let ranks = order.enumerated().map { "WHEN '\(Self.escape($1))' THEN \($0)" }.joined(separator: " ")
            return ["(\(folded) IS NULL)", "(CASE \(folded) \(ranks) ELSE NULL END IS NULL)\(direction)",
                    "(CASE \(folded) \(ranks) ELSE NULL END)\(direction)", dialect.binary(folded) + direction]
        }
    }

    // MARK: - Predicates

    /// The SQL of a predicate over a piece's rows and its parameters (numbered from 1), or `nil`.
    private func compile(_ predicate: Predicate, table: BaseTable, piece: SQLPiece) -> (String, [SQLValue])? {
        var parameters: [SQLValue] = []
        func parameter(_ value: SQLValue) -> String {
            parameters.append(value)
            return "\u{0}\(parameters.count)\u{0}"
        }
        func build(_ predicate: Predicate) -> String? {
            let shape = BaseTables.shape(of: table)
            switch predicate {
            case .and(let lhs, let rhs):
                guard let a = build(lhs), let b = build(rhs) else { return nil }
                return "(\(a) AND \(b))"
            case .or(let lhs, let rhs):
                guard let a = build(lhs), let b = build(rhs) else { return nil }
                return "(\(a) OR \(b))"
            case .not(let inner):
                guard let a = build(inner) else { return nil }
                return "(NOT \(a))"
            case .equal(let field, let wanted):
                if field == "match" && piece.hasMatch {
                    guard case .text(let text) = wanted else { return nil }
                    return "COALESCE(\"v_match\" = \(parameter(.text(TextAnalyzer.fold(text)))), 0 = 1)"
                }
                guard let index = shape.index(of: field) else { return nil }
                let column = shape.columns[index]
                switch (column.type, wanted) {
                case (.text, .text(let text)), (.id, .text(let text)), (.enumeration, .text(let text)):
                    return "COALESCE(\(StoreSchema.folded(column.name)) = \(parameter(.text(TextAnalyzer.fold(text)))), 0 = 1)"
                case (.text, .integer(let number)), (.id, .integer(let number)), (.enumeration, .integer(let number)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.text(String(number)))), 0 = 1)"
                case (.text, .date(let date)), (.id, .date(let date)), (.enumeration, .date(let date)), (.date, .date(let date)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.text(date.iso))), 0 = 1)"
                case (.date, .text(let text)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.text(text))), 0 = 1)"
                case (.integer, .integer(let number)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.integer(Int64(number)))), 0 = 1)"
                case (.integer, .number(let number)), (.number, .number(let number)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.real(number))), 0 = 1)"
                case (.number, .integer(let number)):
                    return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.real(Double(number)))), 0 = 1)"
                case (.list, .text(let text)):
                    return item(table, field, "folded", parameter(.text(TextAnalyzer.fold(text))), parameter)
                case (.list, .integer(let number)):
                    return item(table, field, "value", parameter(.text(String(number))), parameter)
                case (.list, .date(let date)):
                    return item(table, field, "value", parameter(.text(date.iso)), parameter)
                default:
                    return nil
                }
            case .order(let field, let comparison, let wanted):
                guard let index = shape.index(of: field) else { return nil }
                let column = shape.columns[index]
                let value: SQLValue
                switch (column.type, wanted) {
                case (.integer, .integer(let number)): value = .integer(Int64(number))
                case (.integer, .number(let number)), (.number, .number(let number)): value = .real(number)
                case (.number, .integer(let number)): value = .real(Double(number))
                case (.date, .date(let date)): value = .text(date.iso)
                default: return nil
                }
                let op: String
                switch comparison {
                case .less: op = "<"
                case .lessOrEqual: op = "<="
                case .greater: op = ">"
                case .greaterOrEqual: op = ">="
                case .equal: op = "="
                case .notEqual: op = "<>"
                }
                return "COALESCE(\(StoreSchema.value(column.name)) \(op) \(parameter(value)), 0 = 1)"
            case .isNull(let field):
                if field == "match" && piece.hasMatch { return "(\"v_match\" IS NULL)" }
                guard let index = shape.index(of: field) else { return nil }
                let column = shape.columns[index]
                switch column.type {
                case .list: return "(\(StoreSchema.value(column.name)) = '[]')"
                case .span: return "(\"v_\(column.name)_start\" IS NULL)"
                default: return "(\(StoreSchema.value(column.name)) IS NULL)"
                }
            case .actor(let field, let id):
                guard let index = shape.index(of: field) else { return nil }
                let column = shape.columns[index]
                switch column.type {
                case .list: return item(table, field, "value", parameter(.text(id)), parameter)
                case .text, .id: return "COALESCE(\(StoreSchema.value(column.name)) = \(parameter(.text(id))), 0 = 1)"
                default: return nil
                }
            case .has(let fields, let planned):
                guard fields.allSatisfy({ shape.textFields.contains($0) }) else { return nil }
                var tokens: [String] = []
                for term in planned.search.terms {
                    guard case .stem(let stem) = term else { return nil }
                    tokens.append(StoreSchema.encode(stem))
                }
                let phrase = tokens.joined(separator: " ")
                switch dialect {
                case .sqlite:
                    let columns = fields.map { StoreSchema.stems($0) }.joined(separator: " ")
                    let match = parameter(.text("{\(columns)} : \"\(phrase)\""))
                    return "(rid IN (SELECT rowid FROM t_\(table.rawValue)_fts WHERE t_\(table.rawValue)_fts MATCH \(match)))"
                case .postgresql:
                    return StoreSchema.postgresPhrase(tokens, fields: fields, parameter: parameter)
                }
            }
        }
        guard let sql = build(predicate) else { return nil }
        return (sql, parameters)
    }

    /// Whether a list field of the row holds an item whose `column` is the parameter: the rows
    /// found through the items' `(field, value)` index, not a probe per row (`EXISTS` made
    /// `quotes by NAME` read every statement of a corpus).
    private func item(_ table: BaseTable, _ field: String, _ column: String, _ placeholder: String,
                      _ parameter: (SQLValue) -> String) -> String {
        let name = parameter(.text(field))
        return "(rid IN (SELECT i.rid FROM t_\(table.rawValue)_items i WHERE i.field = \(name) AND i.\(column) = \(placeholder)))"
    }

    /// `sql` with its parameter marks numbered after `offset` earlier parameters, in the dialect.
    func renumbered(_ sql: String, after offset: Int) -> String {
        var result = ""
        var parts = sql.split(separator: "\u{0}", omittingEmptySubsequences: false)[...]
        while let part = parts.popFirst() {
            result += part
            if let number = parts.popFirst() {
                result += dialect.placeholder(offset + (Int(number) ?? 0))
            }
        }
        return result
    }

    /// Text written into SQL between single quotes.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "'", with: "''")
    }
}

extension String {
    /// `self` with every `target` replaced (no Foundation needed).
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
