/// The text of one news article, divided into paragraphs, sentences and sections.
///
/// `text` is the article as published, from the dateline to the last word; the seed file's
/// metadata field (`date 2026-02-04`) is not part of it. Paragraphs are the blocks separated by
/// blank lines, numbered from 1 in reading order; section headings are blocks too (their
/// ``Paragraph/kind`` is ``Paragraph/Kind/heading``), so a paragraph number always equals the
/// block's position in the text. Sentences are numbered from 1 across the whole article.
public struct Article: Sendable, Codable, Equatable {
    /// A stable identifier, e.g. `metro-surge-2026-02-04`.
    public var id: String
    /// The news agency or publication, e.g. `AP`.
    public var source: String
    /// The place named in the dateline, e.g. `MINNEAPOLIS`.
    public var dateline: String
    /// The publication date; relative times in the text ("Wednesday") resolve against it.
    public var date: CalendarDate
    /// The full article text that every ``Span`` indexes.
    public var text: String
    /// Every block of the text, headings included, in order.
    public var paragraphs: [Paragraph]
    /// Every sentence of the text, in order.
    public var sentences: [Sentence]
    /// The sections: the opening one without a heading, then one per heading.
    public var sections: [Section]
    /// The headline, where the source states one (a `title` line, a page's title). Format 2.
    public var title: String?
    /// Where the article was published, where the source states it (a `url` line, a page's
    /// canonical address). Format 2.
    public var url: String?

    /// Creates an article from its parts; use ``ArticleReader`` to build one from plain text.
    public init(
        id: String, source: String, dateline: String, date: CalendarDate, text: String,
        paragraphs: [Paragraph], sentences: [Sentence], sections: [Section], title: String? = nil, url: String? = nil
    ) {
        self.id = id
        self.source = source
        self.dateline = dateline
        self.date = date
        self.text = text
        self.paragraphs = paragraphs
        self.sentences = sentences
        self.sections = sections
        self.title = title
        self.url = url
    }

    /// The section headings, in order.
    public var headings: [String] { sections.compactMap(\.heading) }

    /// The paragraph with the given 1-based number, if there is one.
    public func paragraph(_ number: Int) -> Paragraph? {
        paragraphs.indices.contains(number - 1) ? paragraphs[number - 1] : nil
    }

    /// The sentence with the given 1-based number, if there is one.
    public func sentence(_ number: Int) -> Sentence? {
        sentences.indices.contains(number - 1) ? sentences[number - 1] : nil
    }

    /// The paragraph whose range holds the scalar offset, if any (blank lines belong to none).
    public func paragraph(containing offset: Int) -> Paragraph? {
        paragraphs.first { $0.start <= offset && offset < $0.end }
    }

    /// The sentence whose range holds the scalar offset, if any.
    public func sentence(containing offset: Int) -> Sentence? {
        sentences.first { $0.start <= offset && offset < $0.end }
    }
}

/// One block of the article: a body paragraph or a section heading.
public struct Paragraph: Sendable, Codable, Equatable {
    /// What the block is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Ordinary article prose.
        case body
        /// A section heading (a line without closing punctuation between paragraphs).
        case heading
    }

    /// The 1-based position of the block in the article.
    public var number: Int
    /// Whether the block is prose or a heading.
    public var kind: Kind
    /// Scalar offset of the block's first character.
    public var start: Int
    /// Scalar offset one past the block's last character.
    public var end: Int
    /// The block's text.
    public var text: String

    /// Creates a paragraph record.
    public init(number: Int, kind: Kind, start: Int, end: Int, text: String) {
        self.number = number
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
    }
}

/// One sentence of the article.
public struct Sentence: Sendable, Codable, Equatable {
    /// The 1-based position of the sentence in the article.
    public var number: Int
    /// The paragraph that holds the sentence.
    public var paragraph: Int
    /// Scalar offset of the sentence's first character.
    public var start: Int
    /// Scalar offset one past the sentence's last character.
    public var end: Int
    /// The sentence's text.
    public var text: String

    /// Creates a sentence record.
    public init(number: Int, paragraph: Int, start: Int, end: Int, text: String) {
        self.number = number
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
    }
}

/// A run of paragraphs under one heading (the first section has none).
public struct Section: Sendable, Codable, Equatable {
    /// The 1-based position of the section.
    public var number: Int
    /// The heading text, or `nil` for the opening section.
    public var heading: String?
    /// The paragraph number of the heading block, or `nil` for the opening section.
    public var headingParagraph: Int?
    /// The first body paragraph of the section.
    public var firstParagraph: Int
    /// The last body paragraph of the section.
    public var lastParagraph: Int

    /// Creates a section record.
    public init(
        number: Int, heading: String?, headingParagraph: Int?, firstParagraph: Int,
        lastParagraph: Int
    ) {
        self.number = number
        self.heading = heading
        self.headingParagraph = headingParagraph
        self.firstParagraph = firstParagraph
        self.lastParagraph = lastParagraph
    }
}
