import NewsModel

/// Conditions: checking them against a table before any row is read (fields, types, closed
/// sets of values, ordering), testing them on rows, and the suggestions for words that match
/// nothing.
extension Evaluator {
    /// Checks every field and value a condition names before any row is read, so a typo is
    /// reported even when the table is empty — and a value that can never match (`kind =
    /// drect`) is an error, not zero rows.
    func check(_ condition: Condition, against table: Table) throws(QueryError) {
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            try check(lhs, against: table)
            try check(rhs, against: table)
        case .not(let inner, _):
            try check(inner, against: table)
        case .compare(let field, let comparison, let literal):
            let index = try column(field, in: table)
            try checkType(table.columns[index], comparison, literal, field: field, table: table)
        case .isNull(let field, _, _):
            _ = try column(field, in: table)
        case .has(let field, let pattern):
            if let field { _ = try column(field, in: table) } else if table.textFields.isEmpty {
                throw error(.name, "this table has no text to search; name a field: 'where FIELD has \"…\"'", pattern.range)
            }
            _ = try textSearch(pattern)
        }
    }

    private func checkType(_ column: QueryResult.Column, _ comparison: Comparison, _ literal: Literal, field: Name,
                           table: Table) throws(QueryError) {
        let isOrdering = comparison != .equal && comparison != .notEqual
        if isOrdering && column.type != .integer && column.type != .date {
            let ordered = table.columns.filter { $0.type == .integer || $0.type == .date }.map(\.name)
            let list = ordered.isEmpty ? "" : "; ordered fields here: " + ordered.joined(separator: ", ")
            throw error(.type, "'\(field.text)' is not ordered — <, <=, >, >= compare numbers and dates\(list)", field.range)
        }
        if table.enumOrders[column.name] != nil {
            try checkClosedValue(literal, field: field, column: column.name, table: table)
            return
        }
        switch (column.type, literal) {
        case (.integer, .integer), (.date, .date), (.text, _), (.id, _), (.list, _), (.enumeration, _):
            break
        case (.date, .text(let text, let range)):
            guard CalendarDate(iso: try argument(text, range)) != nil else {
                throw error(.type, "'\(field.text)' is a date; compare it with a date such as 2026-02-04, not \(Self.describe(literal))", literal.range)
            }
        case (.integer, .text(let text, let range)):
            guard Int(try argument(text, range)) != nil else {
                throw error(.type, "'\(field.text)' is a number; compare it with a number, not \(Self.describe(literal))", literal.range)
            }
        case (.integer, _):
            throw error(.type, "'\(field.text)' is a number; compare it with a number, not \(Self.describe(literal))", literal.range)
        case (.date, _):
            throw error(.type, "'\(field.text)' is a date; compare it with a date such as 2026-02-04, not \(Self.describe(literal))", literal.range)
        case (.span, _):
            throw error(.type, "'\(field.text)' is a span of the article and cannot be compared; use 'paragraph' or 'sentence'", field.range)
        }
    }

    /// Refuses a value outside an enumeration's closed set, suggesting the one meant.
    private func checkClosedValue(_ literal: Literal, field: Name, column: String, table: Table) throws(QueryError) {
        guard let values = table.enumOrders[column] else { return }
        let typed: String
        switch literal {
        case .text(let text, let range): typed = try argument(text, range)
        case .integer(let number, _): typed = String(number)
        case .date(let date, _): typed = date.iso
        }
        let folded = TextAnalyzer.fold(typed)
        guard !values.contains(where: { TextAnalyzer.fold($0) == folded }) else { return }
        let what = ClosedValues.plural(column)
        var message = "unknown \(column) '\(typed)'"
        var fixIts: [Diagnostic.FixIt] = []
        if let near = ClosedValues.suggestion(for: folded, in: values.map(TextAnalyzer.fold))
            .flatMap({ near in values.first { TextAnalyzer.fold($0) == near } })
        {
            message += " — did you mean '\(near)'?"
            fixIts.append(.init(range: literal.range, replacement: near))
        }
        message += " (\(what): \(values.joined(separator: ", ")))"
        throw QueryError(diagnostics: [Diagnostic(kind: .type, message: message, range: literal.range, fixIts: fixIts)],
                         source: source, sourceName: sourceName)
    }

    static func describe(_ literal: Literal) -> String {
        switch literal {
        case .text(let text, _): return "\"\(text)\""
        case .integer(let number, _): return String(number)
        case .date(let date, _): return date.iso
        }
    }

    func test(_ condition: Condition, _ row: [Value], _ table: Table) throws(QueryError) -> Bool {
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
        case .isNull(let field, let negated, _):
            let value = row[table.index(of: field.text)!]
            let isNull = value == .null || value == .list([])
            return negated ? !isNull : isNull
        case .has(let field, let pattern):
            let search = try textSearch(pattern)
            let names = field.map { [$0.text] } ?? table.textFields
            return names.contains { name in
                let value = row[table.index(of: name)!]
                let texts: [String]
                switch value {
                case .null, .span: texts = []
                case .list(let items): texts = items
                default: texts = [value.displayText]
                }
                return texts.contains { search.matches(context.analyzed($0)) }
            }
        }
    }

    private func compare(_ row: [Value], _ comparison: Comparison, _ literal: Literal, field: String, table: Table) throws(QueryError) -> Bool {
        let value = row[table.index(of: field)!]
        let wanted = try literalValue(literal)
        // Actor fields take any name of the actor (speaker = Homan, about = "the border czar"),
        // and a list of actors holds one when any of them is it (a joint statement's speakers).
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
            case .less: return ValueOrder.less(value, wanted)
            case .lessOrEqual: return !ValueOrder.less(wanted, value)
            case .greater: return ValueOrder.less(wanted, value)
            case .greaterOrEqual: return !ValueOrder.less(value, wanted)
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
            if let number = Int(substituted) { return .integer(number) }
            return .text(substituted)
        }
    }

    // MARK: - Words that match nothing

    /// For a `where` that kept no rows: a word it searches for that no row of the table has
    /// (in a searched field) is reported with the nearest word the rows do have. Searches
    /// under `not` are left alone (they match when the word is absent).
    func suggestWords(for condition: Condition, in table: Table) throws(QueryError) {
        switch condition {
        case .and(let lhs, let rhs), .or(let lhs, let rhs):
            try suggestWords(for: lhs, in: table)
            try suggestWords(for: rhs, in: table)
        case .has(let field, let pattern):
            try suggestWords(for: pattern, search: try textSearch(pattern), in: table,
                             fields: field.map { [$0.text] } ?? table.textFields)
        case .not, .compare, .isNull:
            break
        }
    }

    /// Throws when a word of `search` occurs in no row's `fields` of `table`: "no statement has
    /// the word "surender" — did you mean "surrender"?", with a fix-it. Phrases whose words all
    /// occur (only not together) are a true empty answer and pass.
    func suggestWords(for pattern: TextPattern, search: TextSearch, in table: Table, fields: [String]) throws(QueryError) {
        let columns = fields.compactMap { table.index(of: $0) }
        var stems: Set<String> = [], words: Set<String> = []
        var wordsByStem: [String: String] = [:]
        for row in table.rows {
            for column in columns {
                let texts: [String]
                switch row[column] {
                case .list(let items): texts = items
                case .text(let text): texts = [text]
                default: texts = []
                }
                for text in texts {
                    for token in context.analyzed(text).tokens {
                        stems.insert(token.stem)
                        words.insert(token.folded)
                        if let kept = wordsByStem[token.stem], kept.count <= token.folded.count { continue }
                        wordsByStem[token.stem] = token.folded
                    }
                }
            }
        }
        let typed = try argument(pattern.text, pattern.range)
        let typedTokens = TextAnalyzer.analyze(typed).tokens
        let scalars = Array(typed.unicodeScalars)
        for (position, term) in search.terms.enumerated() {
            let known: Bool
            switch term {
            case .stem(let stem): known = stems.contains(stem)
            case .prefix(let prefix): known = words.contains { $0.hasPrefix(prefix) }
            }
            guard !known, position < typedTokens.count else { continue }
            let range = typedTokens[position].range
            let word = String(String.UnicodeScalarView(scalars[range]))
            var message = "no \(table.noun ?? "row") has the word \"\(word)\""
            var fixIts: [Diagnostic.FixIt] = []
            // The nearest word the rows have, or failing that the word of the nearest stem
            // ("surender" is far from "surrendering" but one letter from its stem "surrend").
            let folded = TextAnalyzer.fold(word)
            let nearStem = nearestName(to: TextAnalyzer.analyze(word).tokens.first?.stem ?? folded, in: stems.sorted())
            if let near = nearestName(to: folded, in: words.sorted()) ?? nearStem.flatMap({ wordsByStem[$0] }) {
                message += " — did you mean \"\(near)\"?"
                if !pattern.text.hasPrefix("$") {
                    let corrected = String(String.UnicodeScalarView(scalars[..<range.lowerBound])) + near
                        + String(String.UnicodeScalarView(scalars[range.upperBound...]))
                    fixIts.append(.init(range: pattern.range, replacement: QueryPrinter.quote(corrected)))
                }
            }
            throw QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: pattern.range, fixIts: fixIts)],
                             source: source, sourceName: sourceName)
        }
    }
}

/// Suggestions and wording for fields whose values are a closed set (`kind`, `form`, `match`…).
enum ClosedValues {
    /// Words people type for a value, mapped to it.
    static let synonyms: [String: String] = [
        "people": "person", "persons": "person", "human": "person", "individual": "person",
        "organisation": "organization", "organisations": "organization", "org": "organization", "orgs": "organization",
        "agency": "organization", "company": "organization", "location": "place", "city": "place", "state": "place",
        "quote": "direct", "quoted": "direct", "verbatim": "direct", "indirect": "reported", "paraphrase": "reported",
        "paraphrased": "reported", "partly": "partial", "true": "yes", "false": "no",
    ]

    /// The value meant by `folded`, if one can be guessed: a known synonym, the singular of a
    /// plural, a value it starts, or the nearest spelling.
    static func suggestion(for folded: String, in values: [String]) -> String? {
        if let synonym = synonyms[folded], values.contains(synonym) { return synonym }
        for suffix in ["es", "s"] where folded.hasSuffix(suffix) {
            let singular = String(folded.dropLast(suffix.count))
            if values.contains(singular) { return singular }
        }
        let started = values.filter { folded.count >= 2 && $0.hasPrefix(folded) }
        if started.count == 1 { return started[0] }
        return nearestName(to: folded, in: values)
    }

    /// What the values of a field are called in a message: `kinds`, `forms`, `matches`.
    static func plural(_ field: String) -> String {
        if field == "verbatim" { return "values" }
        if field.hasSuffix("s") { return field }
        if field.hasSuffix("ch") { return field + "es" }
        return field + "s"
    }
}
