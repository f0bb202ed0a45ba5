import NewsModel

/// A W3C-style text quote selector: the exact words, the paragraph they stand in and, where the
/// words occur more than once in that paragraph, which occurrence is meant.
///
/// The bundled model is written with these so that a reviewer reads the words rather than
/// offsets; ``Anchorer`` turns each into a checked ``Span``.
public struct TextQuote: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based paragraph number.
    public var paragraph: Int
    /// The exact words, typographic quotes and apostrophes included.
    public var exact: String
    /// Which occurrence (1-based) of whole-word matches in the paragraph; required when the words
    /// occur more than once.
    public var occurrence: Int?

    /// Creates a selector.
    public init(paragraph: Int, exact: String, occurrence: Int? = nil) {
        self.paragraph = paragraph
        self.exact = exact
        self.occurrence = occurrence
    }

    /// `¶12 "Homan" #2` — how the selector is quoted in errors.
    public var description: String {
        "¶\(paragraph) \"\(exact)\"" + (occurrence.map { " #\($0)" } ?? "")
    }
}

/// Shorthand for a ``TextQuote`` in the bundled annotations: `q(3, "Homan said")`.
func q(_ paragraph: Int, _ exact: String, _ occurrence: Int? = nil) -> TextQuote {
    TextQuote(paragraph: paragraph, exact: exact, occurrence: occurrence)
}

/// Resolves ``TextQuote`` selectors against an article into spans, refusing any selector that
/// matches nowhere, matches ambiguously, or names a paragraph that does not exist.
public struct Anchorer: Sendable {
    /// Why a selector does not anchor.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The selector that failed.
        public var quote: TextQuote
        /// What is wrong.
        public var reason: String

        /// `¶3 "Homen": not found in the paragraph`.
        public var description: String { "\(quote): \(reason)" }
    }

    /// The article the selectors point into.
    public let article: Article
    private let text: ScalarText

    /// Creates an anchorer for `article`.
    public init(article: Article) {
        self.article = article
        self.text = ScalarText(article.text)
    }

    /// The span a selector picks out.
    public func span(_ quote: TextQuote) throws(Failure) -> Span {
        guard let paragraph = article.paragraph(quote.paragraph) else {
            throw Failure(quote: quote, reason: "there is no paragraph \(quote.paragraph) (the article has \(article.paragraphs.count))")
        }
        let pattern = Array(quote.exact.unicodeScalars)
        let hits = text.occurrences(of: pattern, in: paragraph.start..<paragraph.end)
        guard !hits.isEmpty else {
            throw Failure(quote: quote, reason: "not found as whole words in the paragraph")
        }
        let start: Int
        if let occurrence = quote.occurrence {
            guard hits.indices.contains(occurrence - 1) else {
                throw Failure(quote: quote, reason: "occurs \(hits.count) time(s) in the paragraph, not \(occurrence)")
            }
            start = hits[occurrence - 1]
        } else {
            guard hits.count == 1 else {
                throw Failure(quote: quote, reason: "occurs \(hits.count) times in the paragraph; say which occurrence")
            }
            start = hits[0]
        }
        let end = start + pattern.count
        let sentence = article.sentence(containing: start)?.number
            ?? article.sentences.last(where: { $0.start <= start })?.number ?? 1
        return Span(start: start, end: end, paragraph: paragraph.number, sentence: sentence,
                    text: text.text(from: start, to: end))
    }

    /// The span covering every sentence that any of `spans` touches (all in one paragraph).
    public func sentences(covering spans: [Span]) -> Span? {
        guard let first = spans.min(), let lastEnd = spans.map(\.end).max() else { return nil }
        let touched = article.sentences.filter { $0.start < lastEnd && first.start < $0.end }
        guard let from = touched.first, let to = touched.last else { return nil }
        return Span(start: from.start, end: to.end, paragraph: from.paragraph, sentence: from.number,
                    text: text.text(from: from.start, to: to.end))
    }
}
