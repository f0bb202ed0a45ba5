import NewsModel

/// Where a search matches a statement, in the article's words: the matched passages and
/// whether every one of them lies inside the speaker's quoted words — the `match` and
/// `verbatim` fields of `who said` and `quotes mentioning`, computed the same way for a
/// statement in memory and one read from a store.
enum SearchMatch {
    /// The matches of `search` in `statement`'s content, or `nil` for none.
    ///
    /// - Parameters:
    ///   - analyzed: The content analyzed with ranges into the article (``TextIndex``); analyzed
    ///     here when not given.
    ///   - articleText: The article's text, asked for only when a phrase runs from one content
    ///     span into the next ("pullout, Homan said, will occur").
    static func matches(of search: TextSearch, in statement: Statement, analyzed: AnalyzedText? = nil,
                        articleText: () -> String) -> (words: [String], verbatim: Bool)? {
        let content = analyzed ?? AnalyzedText(tokens: statement.contentSpans.flatMap { span in
            TextAnalyzer.analyze(span.text).shifted(by: span.start).tokens
        })
        let ranges = search.matchRanges(in: content)
        guard !ranges.isEmpty else { return nil }
        let verbatim = ranges.allSatisfy { range in
            switch statement.kind {
            case .direct: return true
            case .reported: return false
            case .partial: return statement.quotes.contains { $0.start <= range.lowerBound && range.upperBound <= $0.end }
            }
        }
        return (ranges.map { text(of: $0, in: statement.contentSpans, articleText: articleText) }, verbatim)
    }

    /// The article text at `range` (scalar offsets), taken from the content span that holds it
    /// (without turning the whole article into scalars), or from the article for a phrase that
    /// runs from one span into the next.
    static func text(of range: Range<Int>, in spans: [Span], articleText: () -> String) -> String {
        guard let span = spans.first(where: { $0.start <= range.lowerBound && range.upperBound <= $0.end }) else {
            return ScalarText(articleText()).text(from: range.lowerBound, to: range.upperBound)
        }
        let scalars = span.text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound - span.start)
        let upper = scalars.index(lower, offsetBy: range.count)
        return String(scalars[lower..<upper])
    }
}
