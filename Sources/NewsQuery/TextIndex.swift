import NewsModel

/// The searchable texts of one model: every statement's content, analyzed once; event summaries
/// and the whole article, analyzed on request.
///
/// Token ranges of the article and of statement contents are offsets into the ARTICLE text
/// (``Article/text``), so a match can be cited and highlighted where it stands. Event summaries
/// are the model's own words, not article text; their ranges are offsets into the summary.
public struct TextIndex: Sendable {
    /// The stemmer every text was analyzed with.
    public let stemmer: PorterStemmer
    /// The whole article text, analyzed; restrict it to a sentence or paragraph with
    /// ``AnalyzedText/restricted(to:)``.
    ///
    /// Analyzed on each access, not up front: no query form searches the whole article, and
    /// stemming it was half the cost of a one-shot `newsq -c 'who said "…"'`.
    public var article: AnalyzedText { TextAnalyzer.analyze(articleText, stemmer: stemmer) }
    private let articleText: String
    private let statements: [String: AnalyzedText]
    private let eventSummaries: [String: String]

    /// Analyzes every searchable text of `model`.
    public init(model: ArticleModel) {
        let stemmer = PorterStemmer()
        self.stemmer = stemmer
        articleText = model.article.text
        var statements: [String: AnalyzedText] = [:]
        for statement in model.statements {
            // `content` is the span texts joined by one space: analyzing each span on its own
            // gives the same tokens, with offsets that point into the article.
            let tokens = statement.contentSpans.flatMap { span in
                TextAnalyzer.analyze(span.text, stemmer: stemmer).shifted(by: span.start).tokens
            }
            statements[statement.id] = AnalyzedText(tokens: tokens)
        }
        self.statements = statements
        eventSummaries = Dictionary(model.events.map { ($0.id, $0.summary) }, uniquingKeysWith: { first, _ in first })
    }

    /// The content of the statement with the given id, analyzed, with ranges into the article
    /// text; `nil` for an unknown id.
    public func statementContent(_ id: String) -> AnalyzedText? {
        statements[id]
    }

    /// The summary of the event with the given id, analyzed (now: no query form searches
    /// summaries, so a one-shot `who said` does not pay for them), with ranges into the summary
    /// string; `nil` for an unknown id.
    public func eventSummary(_ id: String) -> AnalyzedText? {
        eventSummaries[id].map { TextAnalyzer.analyze($0, stemmer: stemmer) }
    }

    /// Any other text, analyzed now with the index's stemmer; ranges are offsets into `text`.
    public func analyzed(_ text: String) -> AnalyzedText {
        TextAnalyzer.analyze(text, stemmer: stemmer)
    }
}
