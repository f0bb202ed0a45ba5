import NewsModel

/// A news web page read into what newsq needs: the article's main text, paragraph by paragraph,
/// and the page's metadata.
///
/// `text` holds the paragraphs in reading order separated by one blank line (`"\n\n"`), headings
/// as paragraphs of their own; ``paragraphs`` gives each one's kind and its range in `text`, in
/// Unicode scalars (as every offset in newsq counts). ``articleText`` is the form the extraction
/// step reads: `key value` metadata lines (`title`, `date`, `source`, `url`), a blank line, then
/// `text`.
public struct WebPage: Sendable, Equatable {
    /// What a paragraph of the main text is.
    public enum ParagraphKind: String, Sendable, Equatable, CaseIterable {
        /// Ordinary prose.
        case paragraph
        /// A heading inside the article (`<h2>`…`<h6>`, or an `<h1>` that is not the title).
        case heading
        /// An item of a list.
        case listItem
        /// A block quotation.
        case quote
        /// A row of a table, its cells separated by spaces.
        case tableRow
        /// Preformatted text, its line breaks kept.
        case preformatted
    }

    /// One paragraph of ``text``.
    public struct Paragraph: Sendable, Equatable {
        /// What the paragraph is.
        public var kind: ParagraphKind
        /// Its range in ``WebPage/text``, in Unicode scalars.
        public var range: Range<Int>

        /// Creates a paragraph record.
        public init(kind: ParagraphKind, range: Range<Int>) {
            self.kind = kind
            self.range = range
        }
    }

    /// The headline, from the page's metadata or its `<h1>`/`<title>`; `nil` when it has none.
    public var title: String?
    /// The publication date, from the metadata, a `<time>` element, the URL or the text.
    public var date: CalendarDate?
    /// The authors, as the page names them, without "By".
    public var authors: [String]
    /// The publication or site (`og:site_name`, the JSON-LD publisher).
    public var publisher: String?
    /// The page's canonical address (`<link rel="canonical">`, `og:url`), else the address it was
    /// read from.
    public var url: String?
    /// The language the page declares (`<html lang>`, `og:locale`, `inLanguage`), e.g. `en`.
    public var language: String?
    /// The article's main text: paragraphs separated by a blank line.
    public var text: String
    /// Every paragraph of ``text``, in order.
    public var paragraphs: [Paragraph]
    /// How the page's bytes were decoded, e.g. `UTF-8` (from its `<meta charset>`).
    public var encoding: String

    /// Creates a page from its parts; ``WebPageReader`` makes one from HTML.
    public init(
        title: String?, date: CalendarDate?, authors: [String], publisher: String?, url: String?,
        language: String?, text: String, paragraphs: [Paragraph], encoding: String = "UTF-8"
    ) {
        self.title = title
        self.date = date
        self.authors = authors
        self.publisher = publisher
        self.url = url
        self.language = language
        self.text = text
        self.paragraphs = paragraphs
        self.encoding = encoding
    }

    /// The text of one paragraph.
    public func text(of paragraph: Paragraph) -> String {
        ScalarText(text).text(from: paragraph.range.lowerBound, to: paragraph.range.upperBound)
    }

    /// The page as the extraction step reads it: metadata lines (`title …`, `date YYYY-MM-DD`,
    /// `source …`, `url …`, each only when known, on one line each), a blank line, then ``text``.
    /// Line breaks inside a value become spaces.
    public var articleText: String {
        var lines: [String] = []
        func add(_ key: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            let flat = String(value.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }.reduce(into: String.UnicodeScalarView()) { $0.append($1) })
            lines.append("\(key) \(flat)")
        }
        add("date", date?.iso)
        add("title", title)
        add("source", publisher)
        add("url", url)
        return lines.isEmpty ? text : lines.joined(separator: "\n") + "\n\n" + text
    }

    /// Builds ``text`` and ``paragraphs`` from paragraph texts and kinds.
    static func assemble(_ parts: [(kind: ParagraphKind, text: String)]) -> (String, [Paragraph]) {
        var text = String.UnicodeScalarView()
        var paragraphs: [Paragraph] = []
        var offset = 0
        for part in parts {
            if !paragraphs.isEmpty {
                text.append("\n")
                text.append("\n")
                offset += 2
            }
            let count = part.text.unicodeScalars.count
            text.append(contentsOf: part.text.unicodeScalars)
            paragraphs.append(Paragraph(kind: part.kind, range: offset..<(offset + count)))
            offset += count
        }
        return (String(text), paragraphs)
    }
}
