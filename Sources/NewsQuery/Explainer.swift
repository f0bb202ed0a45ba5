import NewsModel

/// The answer to `explain QUERY`: the query in its desugared form — every convenience source
/// written as the base table it reads plus the stages that select from it, names resolved to
/// ids and dates to `YYYY-MM-DD` — as newsq text that runs and gives exactly the rows of the
/// query explained (the test suite checks this over every form and example).
///
/// ```
/// explain who said "surrender"
/// quotes mentioning "surrender" | sort by verbatim, kind, paragraph
/// ```
struct Explainer {
    let planner: Planner

    /// The desugared form of `query`, one line.
    func explain(_ query: Query) throws(QueryError) -> String {
        switch query {
        case .source(let source, _):
            return try desugar(source)
        case .stage(let input, let stage, _):
            return try explain(input) + " | " + QueryPrinter.print(stage)
        case .inArticles(let condition, let query, _):
            let scope = "in articles" + (condition.map { " where " + QueryPrinter.print($0) } ?? "") + " | "
            return scope + (try Explainer(planner: try planner.scoped(to: condition)).explain(query))
        }
    }

    private func id(_ reference: ActorReference) throws(QueryError) -> String {
        QueryPrinter.quote(try planner.resolve(reference).id)
    }

    private func desugar(_ source: Source) throws(QueryError) -> String {
        switch source {
        case .whoSaid(let pattern):
            return "quotes mentioning \(QueryPrinter.quote(pattern.text)) | sort by verbatim, kind, paragraph"
        case .quotes:
            return "quotes"
        case .quotesBy(let references):
            var ids: [String] = []
            for reference in references {
                let id = try id(reference)
                if !ids.contains(id) { ids.append(id) }
            }
            return "quotes | where " + ids.map { "speakers = \($0)" }.joined(separator: " or ")
        case .quotesAbout(let reference):
            return "quotes | where about = \(try id(reference))"
        case .quotesMentioning(let pattern):
            return "quotes mentioning \(QueryPrinter.quote(pattern.text))"
        case .whoIs(let reference):
            return "who is \(try id(reference))"
        case .actors(let kind):
            return kind.map { "actors | where kind = \($0.rawValue)" } ?? "actors"
        case .events(nil):
            return "events"
        case .events(let filter?):
            return try desugar(filter)
        case .mentions:
            return "mentions"
        case .mentionsOf(let reference):
            return "mentions | where actor_id = \(try id(reference))"
        case .whenDid(let words):
            let (actor, rest) = try planner.splitActor(words)
            let words = rest.map(\.text).joined(separator: " ")
            return "events | where involves = \(QueryPrinter.quote(actor.id)) | where has \(QueryPrinter.quote(words))"
        case .howMany(let pattern):
            return "events | where quantities has \(QueryPrinter.quote(pattern.text))"
        case .sourceOf(let name, let article):
            return QueryPrinter.print(Source.sourceOf(name, article: article))
        case .articles:
            return "articles"
        case .variable(let name):
            return name.text
        }
    }

    private func desugar(_ filter: EventFilter) throws(QueryError) -> String {
        switch filter {
        case .involving(let reference):
            return "events | where involves = \(try id(reference))"
        case .inPlace(let reference):
            return "events | where place = \(try id(reference))"
        default:
            // Days in words are each article's own: in a corpus whose articles read them
            // differently the filter stays as typed.
            let dates = Set(try planner.corpus { try planner.context.articleDates() })
            guard dates.count == 1, let date = dates.first else { return QueryPrinter.print(Source.events(filter)) }
            switch try planner.window(of: filter, articleDate: date).limits {
            case .within(let first, let last) where first == last: return "events on \(first.iso)"
            case .within(let first, let last): return "events between \(first.iso) and \(last.iso)"
            case .before(let day): return "events before \(day.iso)"
            case .after(let day): return "events after \(day.iso)"
            }
        }
    }
}
