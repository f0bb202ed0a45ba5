import NewsModel

/// Runs a ``Plan`` over the articles' tables in memory: the engine of a single article and of a
/// corpus held in memory, and the reference every store's SQL must agree with row for row.
///
/// Stages are in `MemoryExecutor+Stages.swift`.
struct MemoryExecutor {
    let context: EvaluationContext
    let source: String
    let sourceName: String
    /// Whether only the shape of the rows is wanted: the base tables are empty and nothing that
    /// depends on rows (suggestions, "no such rows" errors) is done.
    var shapeOnly = false

    /// The shape of the rows `plan` gives: its fields and what they mean, without rows.
    func shape(of plan: Plan) throws(QueryError) -> Table {
        var executor = self
        executor.shapeOnly = true
        return try executor.run(plan)
    }

    /// The rows a plan gives.
    ///
    /// - Parameter limit: How many rows the caller will keep (a `limit` further down): a filter
    ///   stops once it has that many, and `show` passes it on, so `… | where … | limit 3` reads no
    ///   further than its third match.
    func run(_ plan: Plan, limit: Int? = nil) throws(QueryError) -> Table {
        if !shapeOnly && context.shouldStopNow() { throw cancelled() }
        switch plan {
        case .scan(let table, let scope):
            if shapeOnly { return EmptyTables.shape(of: table) }
            let tables = context.tables
            switch table {
            case .statements: return Self.within(tables.statements, scope: scope, context: context)
            case .actors: return Self.within(tables.actors, scope: scope, context: context)
            case .events: return Self.within(tables.events, scope: scope, context: context)
            case .mentions: return Self.within(tables.mentions, scope: scope, context: context)
            case .articles: return Self.within(tables.articleRows, scope: scope, context: context, articleField: "id")
            }
        case .rows(let table):
            return shapeOnly ? table.withoutRows : table
        case .profile(let actor, let scope):
            return Profile(context: context, scope: scope).table(for: actor, shapeOnly: shapeOnly)
        case .source(let id, let article, let range):
            if shapeOnly { return SourceMarker.shape }
            return try SourceMarker(model: context.models[article]).table(for: id) { message in
                QueryError(diagnostics: [Diagnostic(kind: .name, message: message, range: range)], source: source, sourceName: sourceName)
            }
        case .filter(let input, let predicate, let suggest):
            return try filter(try run(input), predicate, suggest: suggest, limit: limit)
        case .search(let input, let search, let ranked):
            var table = try matching(search, in: try run(input))
            if ranked { try sort(&table, by: [SortField(field: "verbatim", descending: false), SortField(field: "kind", descending: false),
                                              SortField(field: "paragraph", descending: false)]) }
            return table
        case .window(let input, let windows):
            let table = try run(input)
            return TimeWindow.apply(to: table) { row in windows[context.article(of: row, in: table)] }
        case .sort(let input, let keys):
            var table = try run(input)
            try sort(&table, by: keys)
            return table
        case .limit(let input, let count):
            var table = try run(input, limit: min(count, limit ?? count))
            table.rows = Array(table.rows.prefix(count))
            return table
        case .count(let input):
            let table = try run(input)
            return Table(columns: [.init("count", .integer)], rows: [[.integer(table.rows.count)]])
        case .countBy(let input, let field):
            return try countBy(field, in: try run(input))
        case .show(let input, let fields):
            return try show(fields, of: try run(input, limit: limit))
        case .display(let input, let fields):
            var table = try run(input, limit: limit)
            table.display = fields
            return table
        case .nonEmpty(let input, let error):
            let table = try run(input, limit: limit)
            if !shapeOnly && table.rows.isEmpty { throw error }
            return table
        }
    }

    /// `table` cut to the articles of `scope`: the rows whose `articleField` names one of them.
    static func within(_ table: Table, scope: Set<Int>?, context: EvaluationContext, articleField: String = "article") -> Table {
        guard let scope, let column = table.index(of: articleField) else { return table }
        var result = table
        result.rows = table.rows.filter { row in
            if case .text(let id) = row[column], let index = context.articleIndex[id] { scope.contains(index) } else { false }
        }
        return result
    }

    /// The error a cancelled query stops with (``Interpreter/isCancelled``).
    func cancelled() -> QueryError {
        let start = SourcePosition(line: 1, column: 1, offset: 0)
        return QueryError(diagnostics: [Diagnostic(kind: .cancelled, message: "query cancelled", range: SourceRange(start: start, end: start))],
                          source: source, sourceName: sourceName)
    }

    // MARK: - Text searches

    /// Statement rows whose text matches a pattern, with a `match` column of the matched words
    /// and a `verbatim` column: `yes` when every match lies inside the speaker's quoted words (a
    /// direct statement, or a partial statement's quoted fragments), `no` when any is the
    /// reporter's paraphrase.
    private func matching(_ planned: PlannedSearch, in table: Table) throws(QueryError) -> Table {
        let search = planned.search
        let idColumn = table.index(of: "id")!
        var result = table
        let textColumn = table.index(of: "text")!
        result.columns.insert(contentsOf: [.init("match", .list), .init("verbatim", .enumeration)], at: textColumn)
        result.rows = []
        for row in table.rows {
            if context.shouldStop() { throw cancelled() }
            let article = context.article(of: row, in: table)
            guard case .text(let id) = row[idColumn], let analyzed = context.index(article).statementContent(id),
                  let statement = context.models[article].statement(id)
            else { continue }
            let model = context.models[article]
            guard let (words, verbatim) = SearchMatch.matches(of: search, in: statement, analyzed: analyzed,
                                                             articleText: { model.article.text })
            else { continue }
            var newRow = row
            newRow.insert(contentsOf: [.list(words), .text(verbatim ? "yes" : "no")], at: textColumn)
            result.rows.append(newRow)
        }
        result.enumOrders["verbatim"] = ["yes", "no"]
        if var display = result.display {
            display.insert(contentsOf: ["match", "verbatim"], at: display.firstIndex(of: "cue") ?? display.count)
            result.display = display
        }
        if result.rows.isEmpty && !shapeOnly { try suggestWords(for: planned, in: table, fields: ["text"]) }
        return result
    }

    /// Throws when a word of the search occurs in no row's `fields` of `table`: "no statement
    /// has the word "surender" — did you mean "surrendering"?", with a fix-it. Phrases whose
    /// words all occur (only not together) are a true empty answer and pass.
    func suggestWords(for planned: PlannedSearch, in table: Table, fields: [String]) throws(QueryError) {
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
        let pattern = planned.pattern
        let typedTokens = TextAnalyzer.analyze(planned.text).tokens
        let scalars = Array(planned.text.unicodeScalars)
        for (position, term) in planned.search.terms.enumerated() {
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

extension Table {
    /// The table without its rows: its shape.
    var withoutRows: Table {
        var table = self
        table.rows = []
        return table
    }
}
