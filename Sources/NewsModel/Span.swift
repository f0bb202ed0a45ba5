/// A stretch of the article text that a record quotes.
///
/// Offsets count Unicode scalars from the start of ``Article/text`` (`start` inclusive, `end`
/// exclusive), so `“` or `—` count as one each, as they do in Python's `str` and in JavaScript's
/// `codePointAt` walk. `paragraph` and `sentence` are the 1-based numbers of the paragraph and
/// the sentence in which the span starts; a span never crosses a paragraph. `text` repeats the
/// characters at the offsets so that a reader of a model file can see what is meant, and so that
/// validation can prove that the offsets and the quotation agree.
public struct Span: Sendable, Codable, Equatable, Hashable {
    /// Offset of the first Unicode scalar of the span in the article text.
    public var start: Int
    /// Offset one past the last Unicode scalar of the span.
    public var end: Int
    /// The 1-based paragraph (or heading) number that holds the span.
    public var paragraph: Int
    /// The 1-based number of the sentence in which the span starts.
    public var sentence: Int
    /// The exact article text between `start` and `end`.
    public var text: String

    /// Creates a span from offsets that have already been checked against the article.
    public init(start: Int, end: Int, paragraph: Int, sentence: Int, text: String) {
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.sentence = sentence
        self.text = text
    }

    /// The number of Unicode scalars the span covers.
    public var length: Int { end - start }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool {
        start <= other.start && other.end <= end
    }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: Span) -> Bool {
        start < other.end && other.start < end
    }
}

extension Span: Comparable {
    /// Spans order by their position in the text: first by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}
