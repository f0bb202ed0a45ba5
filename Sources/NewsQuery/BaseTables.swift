import NewsModel

/// The base tables as a store needs them: their shapes, and one article's rows exactly as the
/// in-memory engine computes them, so that what a store keeps is what memory would show.
public enum BaseTables {
    /// The fields of a base table and what they mean (closed sets, actor fields, search
    /// fields), without rows.
    public static func shape(of table: BaseTable) -> Table {
        EmptyTables.shape(of: table)
    }

    /// One article's rows of a base table, in model order, with actor ids as the corpus ids
    /// `corpusIDs` gives (by the actors' ids in the article; `nil`: the article's own ids).
    public static func rows(of table: BaseTable, model: ArticleModel, corpusIDs: [String: String]?) -> Table {
        let tables = ModelTables(model: model, corpusIDs: corpusIDs)
        switch table {
        case .statements: return tables.statements
        case .actors: return tables.actors
        case .events: return tables.events
        case .mentions: return tables.mentions
        case .articles: return CorpusTables(articles: [tables], models: [model]).articleRows
        }
    }

    /// The text that `has` searches when a statement row's content is analyzed: the content
    /// spans' texts, each analyzed on its own (as ``TextIndex`` does).
    public static func analyzedContent(of statement: Statement) -> AnalyzedText {
        AnalyzedText(tokens: statement.contentSpans.flatMap { span in
            TextAnalyzer.analyze(span.text).shifted(by: span.start).tokens
        })
    }
}
