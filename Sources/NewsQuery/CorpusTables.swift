import NewsModel

/// The base tables of a corpus: each article's rows, in corpus order, one table per kind of
/// record — plus the `articles` table itself. For one article they are that article's tables.
///
/// Every row ends with the article fields (`article`, `title`, `published`, `source`); actor
/// ids in the rows are corpus ids (``CorpusActors``). Tables are built on first use.
final class CorpusTables {
    let articles: [ModelTables]
    let models: [ArticleModel]

    init(articles: [ModelTables], models: [ArticleModel]) {
        self.articles = articles
        self.models = models
    }

    /// The tables of every article, joined.
    private func joined(_ part: (ModelTables) -> Table) -> Table {
        guard articles.count > 1 else { return part(articles[0]) }
        var table = part(articles[0])
        for tables in articles.dropFirst() { table.rows += part(tables).rows }
        return table
    }

    private(set) lazy var statements = joined(\.statements)
    private(set) lazy var actors = joined(\.actors)
    private(set) lazy var events = joined(\.events)
    private(set) lazy var mentions = joined(\.mentions)

    /// Actor names by corpus id (the first article's name for a linked actor).
    private(set) lazy var names: [String: String] = {
        guard articles.count > 1 else { return articles[0].names }
        var names: [String: String] = [:]
        for (index, tables) in articles.enumerated() {
            for actor in models[index].actors {
                let id = tables.corpusIDs?[actor.id] ?? actor.id
                if names[id] == nil { names[id] = actor.name }
            }
        }
        return names
    }()

    /// One row per article, in corpus order.
    private(set) lazy var articleRows: Table = Table(
        columns: [
            .init("id", .id), .init("title", .text), .init("published", .date), .init("source", .text),
            .init("dateline", .text), .init("extracted", .enumeration), .init("paragraphs", .integer),
            .init("statements", .integer), .init("actors", .integer), .init("events", .integer), .init("mentions", .integer),
        ],
        rows: models.map { model in
            [
                .text(model.article.id), model.article.title.map(Value.text) ?? .null, .date(model.article.date),
                .text(model.article.source), .text(model.article.dateline),
                .text(model.provenance?.extracted == true ? "yes" : "no"), .integer(model.article.paragraphs.count),
                .integer(model.statements.count), .integer(model.actors.count), .integer(model.events.count),
                .integer(model.actors.reduce(0) { $0 + $1.mentions.count }),
            ]
        },
        display: ["id", "title", "published", "source", "statements", "actors"],
        textFields: ["title"],
        noun: "article",
        enumOrders: ["extracted": ["yes", "no"]])
}
