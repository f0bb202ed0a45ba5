import NewsModel

/// Evaluates a parsed query over a model's tables: picks the source rows, then applies each
/// stage in order. Names are resolved here (actors, fields, `let` names, record ids), each
/// failure becoming a diagnostic at the range of what the user typed.
struct Evaluator {
    let context: EvaluationContext
    let source: String
    let sourceName: String

    // MARK: - Queries

    /// The rows a query produces.
    ///
    /// - Parameter limit: How many rows the caller will keep (a `limit` stage further down the
    ///   pipeline): a `where` stops once it has that many, and `show` passes it on, so
    ///   `… | where … | limit 3` reads no further than its third match.
    func evaluate(_ query: Query, limit: Int? = nil) throws(QueryError) -> Table {
        if context.shouldStopNow() { throw cancelled() }
        switch query {
        case .source(let source, let range):
            return try rows(of: source, range: range)
        case .stage(let input, let stage, _):
            switch stage {
            case .limit(let count, _) where count >= 0:
                return try apply(stage, to: try evaluate(input, limit: min(count, limit ?? count)))
            case .filter:
                return try apply(stage, to: try evaluate(input), limit: limit)
            case .show:
                return try apply(stage, to: try evaluate(input, limit: limit))
            default:
                return try apply(stage, to: try evaluate(input))
            }
        }
    }

    /// The error a cancelled query stops with (``Interpreter/isCancelled``).
    func cancelled() -> QueryError {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return error(.cancelled, "query cancelled", SourceRange(start: start, end: start))
    }

    // MARK: - Sources

    private func rows(of source: Source, range: SourceRange) throws(QueryError) -> Table {
        let tables = context.tables
        switch source {
        case .whoSaid(let pattern):
            var table = try matching(pattern, in: tables.statements)
            try sort(&table, by: [("kind", false), ("paragraph", false)])
            return table
        case .quotes:
            return tables.statements
        case .quotesBy(let reference):
            let actor = try resolve(reference)
            return try filter(tables.statements, field: "speakers") { $0.contains(.text(actor.id)) }
        case .quotesAbout(let reference):
            let actor = try resolve(reference)
            return try filter(tables.statements, field: "about") { $0.contains(.text(actor.id)) }
        case .quotesMentioning(let pattern):
            return try matching(pattern, in: tables.statements)
        case .whoIs(let reference):
            return Profile(model: context.model, tables: tables).table(for: try resolve(reference))
        case .actors(let kind):
            guard let kind else { return tables.actors }
            return try filter(tables.actors, field: "kind") { $0 == [.text(kind.rawValue)] }
        case .events(let filter):
            guard let filter else { return tables.events }
            return try events(filter)
        case .mentionsOf(let reference):
            let actor = try resolve(reference)
            return try filter(tables.mentions, field: "actor_id") { $0 == [.text(actor.id)] }
        case .sourceOf(let name):
            let id = try argument(name.text, name.range)
            return try SourceMarker(model: context.model).table(for: id) { message in
                self.error(.name, message, name.range)
            }
        case .variable(let name):
            if let bound = context.bindings[name.text] { return Table(bound) }
            let known = Array(context.bindings.keys) + Keywords.commands
            var message = "unknown name '\(name.text)' — no 'let \(name.text) = …' in this session"
            if let near = nearestName(to: name.text, in: known) { message += "; did you mean '\(near)'?" }
            throw error(.name, message, name.range)
        }
    }

    /// The article text at `range` (scalar offsets), taken from the content span that holds it
    /// (without turning the whole article into scalars), or from the article for a phrase that
    /// runs from one span into the next.
    func text(of range: Range<Int>, in spans: [Span]) -> String {
        guard let span = spans.first(where: { $0.start <= range.lowerBound && range.upperBound <= $0.end }) else {
            return ScalarText(context.model.article.text).text(from: range.lowerBound, to: range.upperBound)
        }
        let scalars = span.text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound - span.start)
        let upper = scalars.index(lower, offsetBy: range.count)
        return String(scalars[lower..<upper])
    }

    /// Statement rows whose text matches a pattern, with a `match` column of the matched words.
    private func matching(_ pattern: TextPattern, in table: Table) throws(QueryError) -> Table {
        let search = try textSearch(pattern)
        let idColumn = table.index(of: "id")!
        var result = table
        result.columns.insert(.init("match", .list), at: result.columns.count - 1)
        result.rows = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            guard case .text(let id) = row[idColumn], let analyzed = context.index.statementContent(id) else { continue }
            let ranges = search.matchRanges(in: analyzed)
            guard !ranges.isEmpty else { continue }
            var newRow = row
            let spans = context.model.statement(id)?.contentSpans ?? []
            newRow.insert(.list(ranges.map { text(of: $0, in: spans) }), at: row.count - 1)
            result.rows.append(newRow)
        }
        if var display = result.display {
            display.insert("match", at: display.firstIndex(of: "cue") ?? display.count)
            result.display = display
        }
        return result
    }

    private func events(_ filter: EventFilter) throws(QueryError) -> Table {
        let table = context.tables.events
        switch filter {
        case .involving(let reference):
            let actor = try resolve(reference)
            return try self.filter(table, field: "involves") { $0.contains(.text(actor.id)) }
        case .inPlace(let reference):
            let actor = try resolve(reference)
            guard actor.kind == .place else {
                throw error(.type, "\(actor.name) is not a place; for events with \(actor.name) taking part, write 'events involving \(reference.text)'", reference.range)
            }
            return try self.filter(table, field: "place") { $0 == [.text(actor.name)] }
        case .on(let date):
            return TimeWindow(first: date.date, last: date.date, exactWhen: .equal).apply(to: table)
        case .inMonth(let month, let year, let range):
            guard let (first, last) = TimeResolver(articleDate: context.model.article.date).monthWindow(month: month, year: year) else {
                throw error(.type, "no such month", range)
            }
            return TimeWindow(first: first, last: last, exactWhen: .inside).apply(to: table)
        case .before(let date):
            return TimeWindow(first: nil, last: date.date.adding(days: -1), exactWhen: .inside).apply(to: table)
        case .after(let date):
            return TimeWindow(first: date.date.adding(days: 1), last: nil, exactWhen: .inside).apply(to: table)
        }
    }

    private func filter(_ table: Table, field: String, _ keep: ([Value]) -> Bool) throws(QueryError) -> Table {
        let column = table.index(of: field)!
        var result = table
        result.rows = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let values: [Value]
            if case .list(let items) = row[column] { values = items.map(Value.text) } else { values = [row[column]] }
            if keep(values) { result.rows.append(row) }
        }
        return result
    }

    // MARK: - Stages

    private func apply(_ stage: Stage, to table: Table, limit: Int? = nil) throws(QueryError) -> Table {
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
            let index = try column(field, in: table)
            var counts: [Value: Int] = [:]
            var order: [Value] = []
            for row in table.rows {
                if context.shouldStop() { throw cancelled() }
                let values: [Value]
                if case .list(let items) = row[index] { values = items.map(Value.text) } else { values = [row[index]] }
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
        case .show(let fields):
            var indices: [Int] = []
            for field in fields { indices.append(try column(field, in: table)) }
            var rows: [[Value]] = []
            rows.reserveCapacity(table.rows.count)
            for row in table.rows {
                if context.shouldStop() { throw cancelled() }
                rows.append(indices.map { row[$0] })
            }
            // The default search field survives only if `show` kept it (found by the fuzzer:
            // `quotes | show id | where has "x"` looked for a column that was gone).
            let kept = indices.map { table.columns[$0] }
            let textField = table.textField.flatMap { name in
                kept.contains { $0.name.lowercased() == name.lowercased() } ? name : nil
            }
            return Table(columns: kept, rows: rows, textField: textField, enumOrders: table.enumOrders,
                         actorFields: table.actorFields)
        }
    }

    /// Sorts by fields (ascending unless the flag says descending); nulls last either way.
    /// Each row's sort keys are computed once (text folded, enumerations ranked) before sorting.
    func sort(_ table: inout Table, by keys: [(field: String, descending: Bool)]) throws(QueryError) {
        let resolved = keys.map { key in
            let index = table.index(of: key.field)!
            return (index: index, order: table.enumOrders[table.columns[index].name], descending: key.descending)
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

    // MARK: - Conditions

    /// Checks every field a condition names before any row is read, so a typo is reported
    /// even when the table is empty.
    private func check(_ condition: Condition, against table: Table) throws(QueryError) {
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            try check(lhs, against: table)
            try check(rhs, against: table)
        case .not(let inner, _):
            try check(inner, against: table)
        case .compare(let field, let comparison, let literal):
            let index = try column(field, in: table)
            try checkType(table.columns[index], comparison, literal, field: field)
        case .has(let field, let pattern):
            if let field { _ = try column(field, in: table) } else if table.textField == nil {
                throw error(.name, "this table has no text to search; name a field: 'where FIELD has \"…\"'", pattern.range)
            }
            _ = try textSearch(pattern)
        }
    }

    private func checkType(_ column: QueryResult.Column, _ comparison: Comparison, _ literal: Literal, field: Name) throws(QueryError) {
        switch (column.type, literal) {
        case (.integer, .integer), (.date, .date), (.text, _), (.id, _), (.enumeration, _), (.list, _):
            break
        case (.date, .text(let text, _)) where text.hasPrefix("$") || CalendarDate(iso: text) != nil:
            break
        case (.integer, .text(let text, _)) where text.hasPrefix("$"):
            break
        case (.integer, _):
            throw error(.type, "'\(field.text)' is a number; compare it with a number, not \(Self.describe(literal))", literal.range)
        case (.date, _):
            throw error(.type, "'\(field.text)' is a date; compare it with a date such as 2026-02-04, not \(Self.describe(literal))", literal.range)
        case (.span, _):
            throw error(.type, "'\(field.text)' is a span of the article and cannot be compared; use 'paragraph' or 'sentence'", field.range)
        }
        if column.type == .list, comparison != .equal, comparison != .notEqual {
            throw error(.type, "'\(field.text)' is a list; use = (contains) or != (does not contain)", field.range)
        }
    }

    static func describe(_ literal: Literal) -> String {
        switch literal {
        case .text(let text, _): return "\"\(text)\""
        case .integer(let number, _): return String(number)
        case .date(let date, _): return date.iso
        }
    }

    private func test(_ condition: Condition, _ row: [Value], _ table: Table) throws(QueryError) -> Bool {
        switch condition {
        case .and(let lhs, let rhs):
            guard try test(lhs, row, table) else { return false }
            return try test(rhs, row, table)
        case .or(let lhs, let rhs):
            if try test(lhs, row, table) { return true }
            return try test(rhs, row, table)
        case .not(let inner, _):
            return !(try test(inner, row, table))
        case .compare(let field, let comparison, let literal):
            let name = table.columns[table.index(of: field.text)!].name
            return try compare(row, comparison, literal, field: name, table: table)
        case .has(let field, let pattern):
            let name = field?.text ?? table.textField!
            let value = row[table.index(of: name)!]
            let search = try textSearch(pattern)
            let texts: [String]
            switch value {
            case .null, .span: texts = []
            case .list(let items): texts = items
            default: texts = [value.displayText]
            }
            return texts.contains { search.matches(context.analyzed($0)) }
        }
    }

    private func compare(_ row: [Value], _ comparison: Comparison, _ literal: Literal, field: String, table: Table) throws(QueryError) -> Bool {
        let value = row[table.index(of: field)!]
        let wanted = try literalValue(literal)
        // Actor fields take any name of the actor (speaker = Homan, about = "the border czar").
        if let idField = table.actorFields[field], comparison == .equal || comparison == .notEqual,
           case .text(let text) = wanted, let idIndex = table.index(of: idField)
        {
            let actor = try resolve(ActorReference(text, range: literal.range))
            let holds: Bool
            switch row[idIndex] {
            case .list(let ids): holds = ids.contains(actor.id)
            case .text(let id): holds = id == actor.id
            default: holds = false
            }
            return comparison == .equal ? holds : !holds
        }
        switch value {
        case .null:
            return comparison == .notEqual
        case .list(let items):
            let contains = items.contains { ValueOrder.equal(.text($0), wanted) }
            return comparison == .equal ? contains : !contains
        default:
            switch comparison {
            case .equal: return ValueOrder.equal(value, wanted)
            case .notEqual: return !ValueOrder.equal(value, wanted)
            case .less: return ValueOrder.less(value, wanted, enumOrder: table.enumOrders[field])
            case .lessOrEqual: return !ValueOrder.less(wanted, value, enumOrder: table.enumOrders[field])
            case .greater: return ValueOrder.less(wanted, value, enumOrder: table.enumOrders[field])
            case .greaterOrEqual: return !ValueOrder.less(value, wanted, enumOrder: table.enumOrders[field])
            }
        }
    }

    private func literalValue(_ literal: Literal) throws(QueryError) -> Value {
        switch literal {
        case .integer(let number, _): return .integer(number)
        case .date(let date, _): return .date(date)
        case .text(let text, let range):
            let substituted = try argument(text, range)
            if let date = CalendarDate(iso: substituted) { return .date(date) }
            if text.hasPrefix("$"), let number = Int(substituted) { return .integer(number) }
            return .text(substituted)
        }
    }

    // MARK: - Names

    /// The column a field names, or a diagnostic listing the table's fields.
    private func column(_ field: Name, in table: Table) throws(QueryError) -> Int {
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

    func resolve(_ reference: ActorReference) throws(QueryError) -> Actor {
        let text = try argument(reference.text, reference.range)
        do {
            return try context.resolver.resolve(text)
        } catch {
            var fixIts: [Diagnostic.FixIt] = []
            if case .unknown(_, let suggestion?) = error {
                fixIts.append(.init(range: reference.range, replacement: suggestion.key))
            }
            throw QueryError(diagnostics: [Diagnostic(kind: .name, message: error.message, range: reference.range, fixIts: fixIts)],
                             source: source, sourceName: sourceName)
        }
    }

    /// `$NAME` replaced by the value given with `--arg NAME=VALUE`; other text unchanged.
    private func argument(_ text: String, _ range: SourceRange) throws(QueryError) -> String {
        guard text.hasPrefix("$") else { return text }
        let name = String(text.dropFirst())
        if let value = context.arguments[name] { return value }
        throw error(.name, "unknown argument $\(name) — pass it with --arg \(name)=VALUE", range)
    }

    private func textSearch(_ pattern: TextPattern) throws(QueryError) -> TextSearch {
        let text = try argument(pattern.text, pattern.range)
        if let compiled = context.searches[text] { return compiled }
        do {
            let compiled = try TextSearch(text)
            if context.searches.count >= 256 { context.searches.removeAll() }
            context.searches[text] = compiled
            return compiled
        } catch {
            throw self.error(.type, "\(error)", pattern.range)
        }
    }

    func error(_ kind: Diagnostic.Kind, _ message: String, _ range: SourceRange) -> QueryError {
        QueryError(diagnostics: [Diagnostic(kind: kind, message: message, range: range)], source: source, sourceName: sourceName)
    }
}
