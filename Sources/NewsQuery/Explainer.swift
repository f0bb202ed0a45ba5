import NewsModel

/// The answer to `explain QUERY`: the query in its desugared form — every source written as
/// the base table it reads plus the stages that select from it, with names resolved to ids —
/// so users see exactly what a convenience form does.
///
/// ```
/// explain who said "surrender"
/// quotes | where text has "surrender" | sort by kind, paragraph
/// ```
struct Explainer {
    let evaluator: Evaluator

    /// The desugared form of `query`, one line.
    func explain(_ query: Query) throws(QueryError) -> String {
        switch query {
        case .source(let source, _):
            return try desugar(source)
        case .stage(let input, let stage, _):
            return try explain(input) + " | " + QueryPrinter.print(stage)
        }
    }

    private func desugar(_ source: Source) throws(QueryError) -> String {
        switch source {
        case .whoSaid(let pattern):
            return "quotes | where text has \(QueryPrinter.quote(pattern.text)) | sort by kind, paragraph"
        case .quotes:
            return "quotes"
        case .quotesBy(let reference):
            return "quotes | where speakers = \(QueryPrinter.quote(try evaluator.resolve(reference).id))"
        case .quotesAbout(let reference):
            return "quotes | where about = \(QueryPrinter.quote(try evaluator.resolve(reference).id))"
        case .quotesMentioning(let pattern):
            return "quotes | where text has \(QueryPrinter.quote(pattern.text))"
        case .whoIs(let reference):
            return "profile of actors | where id = \(QueryPrinter.quote(try evaluator.resolve(reference).id))"
        case .actors(let kind):
            return kind.map { "actors | where kind = \($0.rawValue)" } ?? "actors"
        case .events(let filter):
            guard let filter else { return "events" }
            return try desugar(filter)
        case .mentionsOf(let reference):
            return "mentions | where actor_id = \(QueryPrinter.quote(try evaluator.resolve(reference).id))"
        case .sourceOf(let name):
            return "source of \(name.text)"
        case .variable(let name):
            return name.text
        }
    }

    private func desugar(_ filter: EventFilter) throws(QueryError) -> String {
        let order = " | sort by match, earliest"
        switch filter {
        case .involving(let reference):
            return "events | where involves = \(QueryPrinter.quote(try evaluator.resolve(reference).id))"
        case .inPlace(let reference):
            return "events | where place = \(QueryPrinter.quote(try evaluator.resolve(reference).name))"
        case .on(let date):
            return "events | where earliest <= \(date.date) and latest >= \(date.date)" + order
        case .inMonth(let month, let year, let range):
            guard let (first, last) = TimeResolver(articleDate: evaluator.context.model.article.date)
                .monthWindow(month: month, year: year)
            else { throw evaluator.error(.type, "no such month", range) }
            return "events | where earliest <= \(last) and latest >= \(first)" + order
        case .before(let date):
            return "events | where earliest < \(date.date)" + order
        case .after(let date):
            return "events | where latest > \(date.date)" + order
        }
    }
}
