import NewsModel
import NewsQuery
import NewsStore
import NewsWeb

/// The annotated HTML report of what a session has open (`newsq … --report FILE.html` and the
/// shell's `:report FILE.html`): the article — or, over a corpus, each article a result's rows
/// come from — with its statements marked (``ReportWriter``).
///
/// Without a result, every statement of the open article is marked (a corpus needs a query:
/// a report of every article would be unreadable). With one, only the records of its rows are:
/// their `id`s (statements, mentions, actors, events), in the articles their `article` field
/// names. A result whose rows are no records (`count`, `who is`) is an error that says which
/// queries to run.
public enum ArticleReport {
    /// Why no report was written; ``description`` says what to do.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The most articles one report holds.
    public static let maximumArticles = 200

    /// Writes the report of `result` (or of the open article) to `path`; returns the line that
    /// confirms it: `wrote report.html: 1 article, 16 statements marked`.
    public static func write(to path: String, session: Session, result: QueryResult?) throws(Failure) -> String {
        let articles = try self.articles(session: session, result: result)
        let html: String
        do {
            html = try ReportWriter(title: articles.count == 1 ? "newsq report — \(articles[0].title ?? articles[0].model.article.title ?? articles[0].model.article.id)" : "newsq report")
                .render(articles)
        } catch {
            throw Failure(description: error.description)
        }
        do {
            try TextFile.write(html, to: path)
        } catch {
            throw Failure(description: "cannot write \(path): \(error.description)")
        }
        let marked = articles.reduce(0) { total, article in
            total + (article.records.map { ids in article.model.statements.filter { ids.contains($0.id) }.count } ?? article.model.statements.count)
        }
        return "wrote \(path): \(articles.count) article\(articles.count == 1 ? "" : "s"), "
            + "\(marked) statement\(marked == 1 ? "" : "s") marked"
    }

    /// The articles to show, each with the records to mark.
    static func articles(session: Session, result: QueryResult?) throws(Failure) -> [ReportWriter.Article] {
        if session.lastResultWasDropped {
            throw Failure(description: "the last result had more than \(session.keptRows) rows and was not kept; "
                + "narrow the query (in articles where … | …, limit N) and report again")
        }
        guard let result else {
            if session.corpus != nil {
                throw Failure(description: "a report of a corpus marks the rows of a query: run one first (for example "
                    + "in articles where published >= 2026-02-01 | quotes by Homan), then :report FILE.html")
            }
            return session.interpreter.models.map { ReportWriter.Article(model: $0) }
        }
        guard let idColumn = result.columnIndex("id") else {
            throw Failure(description: "the last result's rows are not statements, mentions, actors or events (it has no id field "
                + "to mark): report after a query such as quotes by NAME, who said \"…\", mentions of NAME or events")
        }
        let articleColumn = result.columnIndex("article")
        let only = session.corpus == nil && session.interpreter.models.count == 1 ? session.interpreter.models[0].article.id : nil
        if articleColumn == nil && only == nil {
            throw Failure(description: "the last result's rows do not say their article (a show without it): keep the article "
                + "field — show id, article, … — and report again")
        }
        // The ids per article, in the order the articles first appear.
        var order: [String] = []
        var ids: [String: Set<String>] = [:]
        for row in result.rows {
            let article = articleColumn.map { row[$0].displayText } ?? only ?? ""
            if ids[article] == nil { order.append(article) }
            ids[article, default: []].insert(row[idColumn].displayText)
        }
        guard !order.isEmpty else {
            throw Failure(description: "the last result has no rows: nothing to mark")
        }
        guard order.count <= maximumArticles else {
            throw Failure(description: "the last result's rows come from \(order.count) articles, more than a report holds "
                + "(\(maximumArticles)); narrow it with in articles where … | …")
        }
        var articles: [ReportWriter.Article] = []
        for id in order {
            let model: ArticleModel
            if let store = session.corpus {
                do {
                    guard let stored = try store.model(id: id) else { throw Failure(description: "\(store.name) has no article \(id)") }
                    model = stored
                } catch let failure as Failure {
                    throw failure
                } catch {
                    throw Failure(description: "cannot read \(id) from \(store.name): \(error)")
                }
            } else {
                guard let found = session.interpreter.models.first(where: { $0.article.id == id }) else {
                    throw Failure(description: "no article \(id) is open")
                }
                model = found
            }
            // A corpus actor's id may differ from the article's own: only what the article has is marked.
            let known = Set(model.statements.map(\.id) + model.events.map(\.id) + model.actors.map(\.id)
                + model.actors.flatMap { $0.mentions.map(\.id) })
            let records = (ids[id] ?? []).intersection(known)
            guard !records.isEmpty else { continue }
            articles.append(ReportWriter.Article(model: model, title: model.article.title, records: records))
        }
        guard !articles.isEmpty else {
            throw Failure(description: "none of the last result's ids names a record of its article: nothing to mark")
        }
        return articles
    }
}
