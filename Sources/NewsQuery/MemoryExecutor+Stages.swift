import NewsModel

/// The stages of a plan over rows in memory: filters, sorting, counting, picking fields.
extension MemoryExecutor {
    /// The rows for which `predicate` holds (at most `limit`); with `suggest`, a filter that
    /// keeps none of a non-empty input reports a searched word no row has.
    func filter(_ table: Table, _ predicate: Predicate, suggest: Bool, limit: Int?) throws(QueryError) -> Table {
        var result = table
        var kept: [[Value]] = []
        let wanted = limit ?? Int.max
        for row in table.rows where kept.count < wanted {
            if context.shouldStop() { throw cancelled() }
            if test(predicate, row, table) { kept.append(row) }
        }
        result.rows = kept
        if suggest && kept.isEmpty && !table.rows.isEmpty && !shapeOnly { try suggestWords(for: predicate, in: table) }
        return result
    }

    /// Whether `predicate` holds for `row` of `table`.
    func test(_ predicate: Predicate, _ row: [Value], _ table: Table) -> Bool {
        switch predicate {
        case .and(let lhs, let rhs):
            return test(lhs, row, table) && test(rhs, row, table)
        case .or(let lhs, let rhs):
            return test(lhs, row, table) || test(rhs, row, table)
        case .not(let inner):
            return !test(inner, row, table)
        case .equal(let field, let wanted):
            switch row[table.index(of: field)!] {
            case .null: return false
            case .list(let items): return items.contains { ValueOrder.equal(.text($0), wanted) }
            case let value: return ValueOrder.equal(value, wanted)
            }
        case .order(let field, let comparison, let wanted):
            let value = row[table.index(of: field)!]
            if value == .null { return false }
            switch comparison {
            case .less: return ValueOrder.less(value, wanted)
            case .lessOrEqual: return !ValueOrder.less(wanted, value)
            case .greater: return ValueOrder.less(wanted, value)
            case .greaterOrEqual: return !ValueOrder.less(value, wanted)
            case .equal: return ValueOrder.equal(value, wanted)
            case .notEqual: return !ValueOrder.equal(value, wanted)
            }
        case .isNull(let field):
            let value = row[table.index(of: field)!]
            return value == .null || value == .list([])
        case .actor(let field, let id):
            switch row[table.index(of: field)!] {
            case .list(let ids): return ids.contains(id)
            case .text(let held): return held == id
            default: return false
            }
        case .has(let fields, let planned):
            return fields.contains { name in
                let value = row[table.index(of: name)!]
                let texts: [String]
                switch value {
                case .null, .span: texts = []
                case .list(let items): texts = items
                default: texts = [value.displayText]
                }
                return texts.contains { planned.search.matches(context.analyzed($0)) }
            }
        }
    }

    /// For a filter that kept no rows: a word it searches for that no row of the table has (in
    /// a searched field) is reported with the nearest word the rows do have. Searches under
    /// `not` are left alone (they match when the word is absent).
    private func suggestWords(for predicate: Predicate, in table: Table) throws(QueryError) {
        switch predicate {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            try suggestWords(for: lhs, in: table)
            try suggestWords(for: rhs, in: table)
        case .has(let fields, let planned):
            try suggestWords(for: planned, in: table, fields: fields)
        case .not, .equal, .order, .isNull, .actor:
            break
        }
    }

    /// `count by FIELD`: one row per value, most frequent first. Each item of a list counts; a
    /// field that names the speakers of joint statements (`speaker`: "Tim Walz and Jacob Frey")
    /// counts each speaker once, by name.
    func countBy(_ name: String, in table: Table) throws(QueryError) -> Table {
        let index = table.index(of: name)!
        // A text field that shows the names of a list of actor ids counts per actor.
        var perActor: Int?
        if table.columns[index].type == .text, let idField = table.actorFields[name], let ids = table.index(of: idField),
           table.columns[ids].type == .list
        {
            perActor = ids
        }
        var counts: [Value: Int] = [:]
        var order: [Value] = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let values: [Value]
            if let perActor, case .list(let ids) = row[perActor] {
                values = ids.map { .text(context.actorName($0) ?? $0) }
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
        try sort(&result, by: [SortField(field: "count", descending: true), SortField(field: column.name, descending: false)])
        return result
    }

    /// `show FIELD, …`: those fields, in that order.
    func show(_ fields: [String], of table: Table) throws(QueryError) -> Table {
        let indices = fields.map { table.index(of: $0)! }
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

    /// Sorts by fields (ascending unless the flag says descending); nulls last either way.
    /// Each row's sort keys are computed once (text folded, enumerations ranked) before sorting.
    func sort(_ table: inout Table, by keys: [SortField]) throws(QueryError) {
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
}
