import Foundation
import NewsModel
import NewsQuery

/// Running plans: the part that compiles runs as SQL; text searches are matched and ranked,
/// profiles and sources built, and whatever else does not compile run by the in-memory engine
/// over the rows SQL gave.
extension CorpusDatabase {
    public func run(_ plan: Plan, runner: PlanRunner) throws -> Table {
        try execute(plan, runner: runner)
    }

    var compiler: PlanCompiler { PlanCompiler(store: self) }

    private func execute(_ plan: Plan, runner: PlanRunner) throws -> Table {
        let shape = try runner.shape(of: plan)
        if let piece = try compiler.compile(plan), let columns = compiler.selection(for: shape, piece: piece) {
            var table = shape
            table.rows = try fetch(piece, columns: columns, shape: shape, runner: runner)
            if case .filter(let input, let predicate, true) = plan, table.rows.isEmpty {
                // The in-memory engine says which searched word no row has, over the same rows.
                let rows = try execute(input, runner: runner)
                if !rows.rows.isEmpty { _ = try runner.run(.filter(.rows(rows), predicate, suggest: true)) }
            }
            return table
        }
        switch plan {
        case .rows(let table):
            return table
        case .profile(let actor, let scope):
            return runner.profile(of: actor, members: try members(of: actor, scope: scope), single: try articleCount() == 1)
        case .source(let id, let article, let range):
            let ords = try ords()
            guard ords.indices.contains(article) else { throw StoreError("\(name): no article at position \(article)") }
            return try runner.source(of: id, in: try model(ord: ords[article]), range: range)
        case .search(let input, let planned, let ranked):
            return try search(input, planned, ranked: ranked, shape: shape, runner: runner)
        case .count(let input):
            if let piece = try compiler.compile(input) {
                let count = try connection.scalar("SELECT COUNT(*) FROM (\(piece.sql)) q", piece.parameters)?.integer ?? 0
                return Table(columns: shape.columns, rows: [[.integer(Int(count))]])
            }
            return try runner.run(.count(.rows(try execute(input, runner: runner))))
        case .countBy(let input, let field):
            if let piece = try compiler.compile(input), let rows = try countBy(field, piece: piece, runner: runner) {
                // The shape (closed sets included) from the in-memory engine, the counts from SQL.
                let empty = try runner.shape(of: input)
                return try runner.run(.countBy(.rows(empty), field)).replacingRows(rows, runner: runner, field: field)
            }
            return try runner.run(.countBy(.rows(try execute(input, runner: runner)), field))
        default:
            return try runner.run(plan.replacingInput(.rows(try execute(plan.input!, runner: runner))))
        }
    }

    /// The rows of a compiled piece, read back as `shape` has them.
    private func fetch(_ piece: SQLPiece, columns: [String], shape: Table, runner: PlanRunner) throws -> [[Value]] {
        var rows: [[Value]] = []
        var failure: QueryError?
        try connection.query(Self.select(columns, from: piece), piece.parameters) { values in
            if runner.isCancelled {
                failure = runner.cancelled()
                return false
            }
            rows.append(PlanCompiler.decode(values, shape: shape))
            return true
        }
        if let failure { throw failure }
        return rows
    }

    /// The query that reads `columns` of a piece's rows in its order.
    static func select(_ columns: [String], from piece: SQLPiece) -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM (\(piece.sql)) q ORDER BY \(piece.order.joined(separator: ", "))"
    }

    // MARK: - Text searches

    /// The piece a text search reads: the input's rows, narrowed by the full-text index when the
    /// search is stems only (a prefix search reads every statement in scope and matches in memory).
    func searchPiece(_ input: Plan, _ planned: PlannedSearch, runner: PlanRunner) throws -> (SQLPiece, [String])? {
        guard var piece = try compiler.compile(input),
              var columns = compiler.selection(for: try runner.shape(of: input), piece: piece) else { return nil }
        if planned.search.terms.allSatisfy({ if case .stem = $0 { true } else { false } }) {
            let tokens = planned.search.terms.compactMap { term -> String? in
                if case .stem(let stem) = term { StoreSchema.encode(stem) } else { nil }
            }.joined(separator: " ")
            switch connection.dialect {
            case .sqlite:
                piece.sql = "SELECT * FROM (\(piece.sql)) q WHERE rid IN (SELECT rowid FROM t_statements_fts WHERE t_statements_fts MATCH \(p(piece.parameters.count + 1)))"
                piece.parameters.append(.text("{\(StoreSchema.stems("text"))} : \"\(tokens)\""))
            case .postgresql:
                let stems = planned.search.terms.compactMap { term -> String? in
                    if case .stem(let stem) = term { StoreSchema.encode(stem) } else { nil }
                }
                let condition = StoreSchema.postgresPhrase(stems, fields: ["text"]) { value in
                    piece.parameters.append(value)
                    return p(piece.parameters.count)
                }
                piece.sql = "SELECT * FROM (\(piece.sql)) q WHERE \(condition)"
            }
        }
        columns += ["d_statement", "article"]
        return (piece, columns)
    }

    /// `who said` / `quotes mentioning`: the statements SQL's index finds (every statement in
    /// scope for a search the index cannot do exactly), each matched as in memory for its
    /// `match` and `verbatim` fields, ranked in memory for `who said`.
    private func search(_ input: Plan, _ planned: PlannedSearch, ranked: Bool, shape: Table, runner: PlanRunner) throws -> Table {
        guard let (piece, columns) = try searchPiece(input, planned, runner: runner) else {
            throw StoreError("\(name): a text search over rows that are not statements")
        }
        let inputShape = try runner.shape(of: input)
        let textColumn = inputShape.index(of: "text")!
        var rows: [[Value]] = []
        var texts: [Int64: String] = [:]
        var pending: [([Value], String, Int64)] = []
        try connection.query(Self.select(columns, from: piece), piece.parameters) { values in
            let count = values.count
            pending.append((PlanCompiler.decode(Array(values[..<(count - 2)]), shape: inputShape), values[count - 2].text ?? "",
                            values[count - 1].integer ?? 0))
            return !runner.isCancelled
        }
        if runner.isCancelled { throw runner.cancelled() }
        let decoder = JSONDecoder()
        for (row, json, ord) in pending {
            let statement: Statement
            do {
                statement = try decoder.decode(Statement.self, from: Data(json.utf8))
            } catch {
                // Never a row silently left out.
                throw StoreError("\(name): a stored statement cannot be read (\(error)); rebuild the corpus with this newsq")
            }
            let articleText = {
                if let text = texts[ord] { return text }
                let text = (try? self.connection.scalar("SELECT text FROM articles_store WHERE ord = \(self.p(1))", [.integer(ord)])?.text) ?? nil
                texts[ord] = text ?? ""
                return text ?? ""
            }
            guard let (words, verbatim) = runner.matches(of: planned, in: statement, articleText: articleText) else { continue }
            var decorated = row
            decorated.insert(contentsOf: [.list(words), .text(verbatim ? "yes" : "no")], at: textColumn)
            rows.append(decorated)
        }
        var table = shape
        table.rows = rows
        if rows.isEmpty {
            try runner.suggestWords(for: planned, in: try execute(input, runner: runner), fields: ["text"])
        }
        if ranked {
            table = try runner.run(.sort(.rows(table), [SortField(field: "verbatim", descending: false),
                                                       SortField(field: "kind", descending: false),
                                                       SortField(field: "paragraph", descending: false)]))
        }
        return table
    }

    // MARK: - Counting

    /// `count by FIELD` over a compiled piece, grouped in SQL: one row per value in the order
    /// of first appearance, with its count — what the in-memory engine then sorts. `nil` for a
    /// field SQL does not group (the in-memory engine counts those).
    private func countBy(_ field: String, piece: SQLPiece, runner: PlanRunner) throws -> [[Value]]? {
        guard let sql = countBySQL(field, piece: piece) else { return nil }
        let shape = BaseTables.shape(of: piece.table)
        var valueColumn = shape.columns[shape.index(of: field)!]
        if valueColumn.type == .list { valueColumn.type = .text }
        let valueShape = Table(columns: [valueColumn], rows: [])
        var rows: [[Value]] = []
        try connection.query(sql, piece.parameters) { values in
            rows.append(PlanCompiler.decode([values[0]], shape: valueShape) + [.integer(Int(values[1].integer ?? 0))])
            return true
        }
        return rows
    }

    /// The SQL that groups a piece's rows by `field`; `nil` for a field SQL does not group.
    func countBySQL(_ field: String, piece: SQLPiece) -> String? {
        let shape = BaseTables.shape(of: piece.table)
        guard let index = shape.index(of: field) else { return nil }
        let column = shape.columns[index]
        // Each row's place: `rid` itself when the rows are in corpus order (so SQLite flattens the
        // query and reads the items through their index), else its number in the plan's order.
        let ordered = piece.order == ["rid"]
            ? "SELECT q.*, q.rid AS n FROM (\(piece.sql)) q"
            : "SELECT q.*, ROW_NUMBER() OVER (ORDER BY \(piece.order.joined(separator: ", "))) AS n FROM (\(piece.sql)) q"
        let sql: String
        // Every row of the table, in corpus order: the list items alone answer, without a
        // look-up of each item's row.
        let everyRow = piece.sql == "SELECT * FROM t_\(piece.table.rawValue)" && piece.order == ["rid"]
        if everyRow, column.type == .text, let idField = shape.actorFields[field], let ids = shape.index(of: idField), shape.columns[ids].type == .list {
            sql = """
                SELECT COALESCE(g.name, i.value), COUNT(*), MIN(i.rid * 1000 + i.position) AS first FROM t_\(piece.table.rawValue)_items i
                LEFT JOIN actor_groups g ON g.id = i.value WHERE i.field = '\(idField)' GROUP BY COALESCE(g.name, i.value) ORDER BY first
                """
        } else if everyRow, column.type == .list {
            sql = """
                SELECT i.value, COUNT(*), MIN(i.rid * 1000 + i.position) AS first FROM t_\(piece.table.rawValue)_items i
                WHERE i.field = '\(field)' GROUP BY i.value ORDER BY first
                """
        } else if column.type == .text, let idField = shape.actorFields[field], let ids = shape.index(of: idField), shape.columns[ids].type == .list {
            // One count per speaker of a joint statement, by the actor's name.
            sql = """
                SELECT COALESCE(g.name, i.value), COUNT(*), MIN(o.n * 1000 + i.position) AS first FROM (\(ordered)) o
                JOIN t_\(piece.table.rawValue)_items i ON i.rid = o.rid AND i.field = '\(idField)'
                LEFT JOIN actor_groups g ON g.id = i.value GROUP BY COALESCE(g.name, i.value) ORDER BY first
                """
        } else if column.type == .list {
            sql = """
                SELECT i.value, COUNT(*), MIN(o.n * 1000 + i.position) AS first FROM (\(ordered)) o
                JOIN t_\(piece.table.rawValue)_items i ON i.rid = o.rid AND i.field = '\(field)' GROUP BY i.value ORDER BY first
                """
        } else if column.type == .span {
            return nil
        } else {
            let value = StoreSchema.value(field)
            sql = "SELECT o.\(value), COUNT(*), MIN(o.n) AS first FROM (\(ordered)) o GROUP BY o.\(value) ORDER BY first"
        }
        return sql
    }
}

extension Table {
    /// The result of `count by` over no rows, given the grouped rows SQL counted: sorted as
    /// the in-memory engine sorts counts (most frequent first, then by value, then first seen).
    fileprivate func replacingRows(_ rows: [[Value]], runner: PlanRunner, field: String) throws -> Table {
        var table = self
        table.rows = rows
        return try runner.run(.sort(.rows(table), [SortField(field: "count", descending: true),
                                                  SortField(field: columns[0].name, descending: false)]))
    }
}

extension Plan {
    /// The plan a stage reads, for the stages that read one.
    var input: Plan? {
        switch self {
        case .filter(let input, _, _), .search(let input, _, _), .window(let input, _), .sort(let input, _),
             .limit(let input, _), .count(let input), .countBy(let input, _), .show(let input, _),
             .display(let input, _), .nonEmpty(let input, _):
            return input
        case .scan, .rows, .profile, .source:
            return nil
        }
    }

    /// The same stage reading `input` instead.
    func replacingInput(_ input: Plan) -> Plan {
        switch self {
        case .filter(_, let predicate, let suggest): return .filter(input, predicate, suggest: suggest)
        case .search(_, let search, let ranked): return .search(input, search, ranked: ranked)
        case .window(_, let windows): return .window(input, windows)
        case .sort(_, let keys): return .sort(input, keys)
        case .limit(_, let count): return .limit(input, count)
        case .count: return .count(input)
        case .countBy(_, let field): return .countBy(input, field)
        case .show(_, let fields): return .show(input, fields)
        case .display(_, let fields): return .display(input, fields)
        case .nonEmpty(_, let error): return .nonEmpty(input, error)
        case .scan, .rows, .profile, .source: return self
        }
    }
}

extension CorpusDatabase {
    /// Streams a plan that compiles wholly to one SQL query: its rows read in order and handed
    /// over `chunkSize` at a time, so memory holds one chunk; `nil` for any other plan.
    public func stream(_ plan: Plan, runner: PlanRunner, chunkSize: Int, chunk: ([[Value]]) throws -> Bool) throws -> Table? {
        let shape = try runner.shape(of: plan)
        guard let piece = try compiler.compile(plan), let columns = compiler.selection(for: shape, piece: piece) else { return nil }
        var rows: [[Value]] = []
        rows.reserveCapacity(min(chunkSize, 4_096))
        var sent = false
        var stopped = false
        var failure: (any Error)?
        try connection.query(Self.select(columns, from: piece), piece.parameters) { values in
            if runner.isCancelled {
                failure = runner.cancelled()
                return false
            }
            rows.append(PlanCompiler.decode(values, shape: shape))
            guard rows.count >= chunkSize else { return true }
            sent = true
            do {
                stopped = try !chunk(rows)
            } catch {
                failure = error
                return false
            }
            rows.removeAll(keepingCapacity: true)
            return !stopped
        }
        if let failure { throw failure }
        if !stopped && (!rows.isEmpty || !sent) { _ = try chunk(rows) }
        return shape
    }
}
