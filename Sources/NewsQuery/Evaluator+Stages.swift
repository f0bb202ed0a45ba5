import NewsModel

/// The stages of a query: `where`, `sort by`, `limit`, `count`, `count by`, `show`.
extension Evaluator {
    func apply(_ stage: Stage, to table: Table, limit: Int? = nil) throws(QueryError) -> Table {
        switch stage {
        case .filter(let condition):
            try check(condition, against: table)
            var result = table
            var kept: [[Value]] = []
            let wanted = limit ?? Int.max
            for row in table.rows where kept.count < wanted {
                if context.shouldStop() { throw cancelled() }
                if try test(condition, row, table) { kept.append(row) }
            }
            result.rows = kept
            if kept.isEmpty && !table.rows.isEmpty { try suggestWords(for: condition, in: table) }
            return result
        case .sort(let keys):
            var result = table
            var resolved: [(String, Bool)] = []
            for key in keys {
                _ = try column(key.field, in: table)
                resolved.append((key.field.text, key.descending))
            }
            try sort(&result, by: resolved)
            return result
        case .limit(let count, let range):
            guard count >= 0 else { throw error(.type, "limit needs a whole number of rows, not \(count)", range) }
            var result = table
            result.rows = Array(table.rows.prefix(count))
            return result
        case .count:
            return Table(columns: [.init("count", .integer)], rows: [[.integer(table.rows.count)]])
        case .countBy(let field):
            return try countBy(field, in: table)
        case .show(let fields):
            var indices: [Int] = []
            for field in fields { indices.append(try column(field, in: table)) }
            var rows: [[Value]] = []
            rows.reserveCapacity(table.rows.count)
            for row in table.rows {
                if context.shouldStop() { throw cancelled() }
                rows.append(indices.map { row[$0] })
            }
            // The search fields survive only if `show` kept them (found by the fuzzer:
            // `quotes | show id | where has "x"` looked for a column that was gone).
            let kept = indices.map { table.columns[$0] }
            let textFields = table.textFields.filter { name in kept.contains { $0.name.lowercased() == name.lowercased() } }
            return Table(columns: kept, rows: rows, textFields: textFields, noun: table.noun, enumOrders: table.enumOrders,
                         actorFields: table.actorFields)
        }
    }

    /// `count by FIELD`: one row per value, most frequent first. Each item of a list counts; a
    /// field that names the speakers of joint statements (`speaker`: "Tim Walz and Jacob Frey")
    /// counts each speaker once, by name.
    private func countBy(_ field: Name, in table: Table) throws(QueryError) -> Table {
        let index = try column(field, in: table)
        let name = table.columns[index].name
        // A text field that shows the names of a list of actor ids counts per actor.
        var perActor: Int?
        if table.columns[index].type == .text, let idField = table.actorFields[name], let ids = table.index(of: idField),
           table.columns[ids].type == .list
        {
            perActor = ids
        }
        let names = context.tables.names
        var counts: [Value: Int] = [:]
        var order: [Value] = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let values: [Value]
            if let perActor, case .list(let ids) = row[perActor] {
                values = ids.map { .text(names[$0] ?? $0) }
            } else if case .list(let items) = row[index] {
                values = items.map(Value.text)
            } else {
                values = [row[index]]
            }
            for value in values {
                if counts[value] == nil { order.append(value) }
                counts[value, default: 0] += 1
            }
        }
        var column = table.columns[index]
        if column.type == .list { column.type = .text }
        let rows = order.map { [$0, Value.integer(counts[$0]!)] }
        var result = Table(columns: [column, .init("count", .integer)], rows: rows,
                           enumOrders: table.enumOrders.filter { $0.key == column.name })
        try sort(&result, by: [("count", true), (column.name, false)])
        return result
    }

    /// Sorts by fields (ascending unless the flag says descending); nulls last either way.
    /// Each row's sort keys are computed once (text folded, enumerations ranked) before sorting.
    func sort(_ table: inout Table, by keys: [(field: String, descending: Bool)]) throws(QueryError) {
        let resolved = keys.map { key in
            let index = table.index(of: key.field)!
            let order = table.enumOrders[table.columns[index].name]?.map(TextAnalyzer.fold)
            return (index: index, order: order, descending: key.descending)
        }
        var decorated: [(offset: Int, row: [Value], keys: [SortValue])] = []
        decorated.reserveCapacity(table.rows.count)
        for (offset, row) in table.rows.enumerated() {
            if context.shouldStop() { throw cancelled() }
            decorated.append((offset: offset, row: row, keys: resolved.map { SortValue(row[$0.index], enumOrder: $0.order) }))
        }
        // The comparison cannot throw: once cancelled it answers at once, so the sort runs out
        // in a moment, and the cancellation is reported after it.
        var stopped = false
        let sorted = decorated.sorted { lhs, rhs in
            if stopped || context.shouldStop() {
                stopped = true
                return lhs.offset < rhs.offset
            }
            for (position, key) in resolved.enumerated() {
                let a = lhs.keys[position], b = rhs.keys[position]
                if a == b { continue }
                if a == .null { return false }
                if b == .null { return true }
                return key.descending ? b < a : a < b
            }
            return lhs.offset < rhs.offset
        }
        if stopped { throw cancelled() }
        table.rows = sorted.map(\.row)
    }

    /// The column a field names, or a diagnostic listing the table's fields.
    func column(_ field: Name, in table: Table) throws(QueryError) -> Int {
        if let index = table.index(of: field.text) { return index }
        let names = table.columns.map(\.name)
        var message = "unknown field '\(field.text)'"
        var fixIts: [Diagnostic.FixIt] = []
        if let near = nearestName(to: field.text, in: names) {
            message += " — did you mean '\(near)'?"
            fixIts.append(.init(range: field.range, replacement: near))
        }
        throw QueryError(
            diagnostics: [Diagnostic(kind: .name, message: message, range: field.range,
                                     notes: [.init("fields here: \(names.joined(separator: ", "))")], fixIts: fixIts)],
            source: source, sourceName: sourceName)
    }
}
