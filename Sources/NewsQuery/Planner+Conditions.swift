import NewsModel

/// Conditions: checked against the fields of the rows they will see before any row is read
/// (fields, types, closed sets of values, ordering), with actors resolved and values read once.
extension Planner {
    /// The predicate of a condition over rows shaped like `table`.
    ///
    /// A typo is reported even when the table is empty, and a value that can never match
    /// (`kind = drect`) is an error, not zero rows.
    func predicate(_ condition: Condition, over table: Table) throws(QueryError) -> Predicate {
        switch condition {
        case .and(let lhs, let rhs):
            return .and(try predicate(lhs, over: table), try predicate(rhs, over: table))
        case .or(let lhs, let rhs):
            return .or(try predicate(lhs, over: table), try predicate(rhs, over: table))
        case .not(let inner, _):
            return .not(try predicate(inner, over: table))
        case .compare(let field, let comparison, let literal):
            let index = try column(field, in: table)
            let column = table.columns[index]
            try checkType(column, comparison, literal, field: field, table: table)
            if column.name == "article" || (table.noun == "article" && column.name == "id"),
               comparison == .equal || comparison == .notEqual
            {
                let id = try articleID(literal)
                let holds = Predicate.equal(field: column.name, value: .text(id))
                return comparison == .equal ? holds : .not(holds)
            }
            let value = try literalValue(literal)
            // Actor fields take any name of the actor (speaker = Homan, about = "the border czar"),
            // and a list of actors holds one when any of them is it (a joint statement's speakers).
            if let idField = table.actorFields[column.name], comparison == .equal || comparison == .notEqual,
               case .text(let text) = value, let idIndex = table.index(of: idField)
            {
                let actor = try resolve(ActorReference(text, range: literal.range))
                let holds = Predicate.actor(field: table.columns[idIndex].name, id: actor.id)
                return comparison == .equal ? holds : .not(holds)
            }
            switch comparison {
            case .equal: return .equal(field: column.name, value: value)
            case .notEqual: return .not(.equal(field: column.name, value: value))
            default: return .order(field: column.name, comparison, value)
            }
        case .isNull(let field, let negated, _):
            let name = table.columns[try column(field, in: table)].name
            return negated ? .not(.isNull(field: name)) : .isNull(field: name)
        case .has(let field, let pattern):
            let fields: [String]
            if let field {
                fields = [table.columns[try column(field, in: table)].name]
            } else {
                guard !table.textFields.isEmpty else {
                    throw error(.name, "this table has no text to search; name a field: 'where FIELD has \"…\"'", pattern.range)
                }
                fields = table.textFields
            }
            return .has(fields: fields, try textSearch(pattern))
        }
    }

    private func checkType(_ column: QueryResult.Column, _ comparison: Comparison, _ literal: Literal, field: Name,
                           table: Table) throws(QueryError) {
        let isOrdering = comparison != .equal && comparison != .notEqual
        if isOrdering && column.type != .integer && column.type != .number && column.type != .date {
            let ordered = table.columns.filter { $0.type == .integer || $0.type == .number || $0.type == .date }.map(\.name)
            let list = ordered.isEmpty ? "" : "; ordered fields here: " + ordered.joined(separator: ", ")
            throw error(.type, "'\(field.text)' is not ordered — <, <=, >, >= compare numbers and dates\(list)", field.range)
        }
        if table.enumOrders[column.name] != nil {
            try checkClosedValue(literal, field: field, column: column.name, table: table)
            return
        }
        switch (column.type, literal) {
        case (.integer, .integer), (.number, .integer), (.number, .decimal), (.date, .date), (.text, _), (.id, _), (.list, _),
             (.enumeration, _):
            break
        case (.integer, .decimal(let number, _)):
            throw error(.type, "'\(field.text)' is a whole number; compare it with a whole number, not \(Value.number(number).displayText)", literal.range)
        case (.number, .text(let text, let range)):
            guard Double(try argument(text, range)) != nil else {
                throw error(.type, "'\(field.text)' is a number; compare it with a number, not \(Self.describe(literal))", literal.range)
            }
        case (.number, _):
            throw error(.type, "'\(field.text)' is a number; compare it with a number, not \(Self.describe(literal))", literal.range)
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

    /// Refuses a value outside a field's closed set, suggesting the one meant.
    private func checkClosedValue(_ literal: Literal, field: Name, column: String, table: Table) throws(QueryError) {
        guard let values = table.enumOrders[column] else { return }
        let typed: String
        switch literal {
        case .text(let text, let range): typed = try argument(text, range)
        case .integer(let number, _): typed = String(number)
        case .decimal(let number, _): typed = Value.number(number).displayText
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
        case .decimal(let number, _): return Value.number(number).displayText
        case .date(let date, _): return date.iso
        }
    }

    /// An article id as written (`"0007"` is not the number 7), checked against the corpus: an
    /// id no article has is an error with the nearest one, never zero rows.
    private func articleID(_ literal: Literal) throws(QueryError) -> String {
        let typed: String
        switch literal {
        case .text(let text, let range): typed = try argument(text, range)
        default: typed = Self.describe(literal)
        }
        if try corpus({ try context.position(ofArticle: typed) }) != nil { return typed }
        var message = "no article \"\(typed)\" in this corpus"
        var fixIts: [Diagnostic.FixIt] = []
        if try corpus({ try context.articleCount() }) == 1 {
            message = "no article \"\(typed)\": the one article here is \(try corpus { try context.articleID(at: 0) })"
        } else if let near = try corpus({ try context.articleID(near: typed) }) {
            message += " — did you mean \(near)?"
            fixIts.append(.init(range: literal.range, replacement: "\"\(near)\""))
        }
        throw QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: literal.range, fixIts: fixIts)],
                         source: source, sourceName: sourceName)
    }

    /// A literal as the value rows are compared with: dates and whole numbers written as text
    /// (or given with `--arg`) are dates and numbers.
    private func literalValue(_ literal: Literal) throws(QueryError) -> Value {
        switch literal {
        case .integer(let number, _): return .integer(number)
        case .decimal(let number, _): return .number(number)
        case .date(let date, _): return .date(date)
        case .text(let text, let range):
            let substituted = try argument(text, range)
            if let date = CalendarDate(iso: substituted) { return .date(date) }
            if let number = Int(substituted) { return .integer(number) }
            if substituted.contains("."), let number = Double(substituted), number.isFinite { return .number(number) }
            return .text(substituted)
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
