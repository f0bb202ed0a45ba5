import NewsModel

/// Writes one self-contained HTML file that shows one or more articles with their statements
/// marked: every statement's words highlighted in its speaker's colour, its cue verb and the
/// words naming its speaker marked, a tooltip on hover and keyboard focus (speaker, kind, cue,
/// confidence, id), a legend of speakers with counts whose entries switch each speaker's marks
/// off and on, a table of the statements, and — for several articles — a table of contents.
///
/// ```swift
/// let html = try ReportWriter().render(.bundled)                      // every statement
/// let some = try ReportWriter().render(.bundled, records: ["s22", "s25"])  // a query's rows
/// ```
///
/// The file needs no network, fonts or external scripts. Marks, tooltips and the legend work
/// without JavaScript (the legend's entries are labels of checkboxes, and CSS hides the marks of
/// an unchecked speaker); the small inline script only adds "all", "none" and "only this one"
/// (double-click) to the legend. It prints without the controls, marks in colour. Colours come
/// from ``ReportPalette`` and meet WCAG AA contrast. Every statement's first mark has the id
/// `a<article>-<statement id>`; marks that must be split to nest properly share a `data-span`
/// key (see ``ReportMarkup``).
public struct ReportWriter: Sendable {
    /// One article of a report and what to mark in it.
    public struct Article: Sendable {
        /// The article's model.
        public var model: ArticleModel
        /// A headline to show; the article's id when `nil`.
        public var title: String?
        /// The records to mark — statement, mention, actor or event ids, as the rows of a query
        /// give them — or `nil` for every statement. A statement id marks the statement; a
        /// mention id marks that mention; an actor id marks all its mentions; an event id marks
        /// its evidence.
        public var records: Set<String>?

        /// Creates an entry. Each statement's confidence and rule, when the model has them
        /// (extracted models do), show in its tooltip and the table.
        public init(model: ArticleModel, title: String? = nil, records: Set<String>? = nil) {
            self.model = model
            self.title = title
            self.records = records
        }
    }

    /// What can be wrong with a report request.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No articles were given.
        case noArticles
        /// Some record ids name nothing in their article.
        case unknownRecords(article: String, ids: [String])

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .noArticles:
                return "a report needs at least one article"
            case .unknownRecords(let article, let ids):
                let list = ids.sorted().prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
                return "no statement, mention, actor or event of article \(article) has the id\(ids.count == 1 ? "" : "s") \(list)\(ids.count > 5 ? " …" : ""); mark the rows of a query over that article"
            }
        }
    }

    /// The report's heading and `<title>`.
    public var title: String
    /// The language of the page (`<html lang>`).
    public var language: String

    /// Creates a writer.
    public init(title: String = "newsq report", language: String = "en") {
        self.title = title
        self.language = language
    }

    /// The report of one article; see ``Article/records``.
    public func render(_ model: ArticleModel, title: String? = nil, records: Set<String>? = nil) throws(Failure) -> String {
        try render([Article(model: model, title: title, records: records)])
    }

    /// The report of several articles, one section each, with a table of contents when there
    /// is more than one.
    public func render(_ articles: [Article]) throws(Failure) -> String {
        guard !articles.isEmpty else { throw .noArticles }
        var sections: [ArticleSection] = []
        for (index, article) in articles.enumerated() {
            sections.append(try ArticleSection(article, number: index + 1))
        }
        let maxSpeakers = sections.map(\.speakers.count).max() ?? 0
        let combinations = Set(sections.flatMap(\.combinations))
        var html = "<!DOCTYPE html>\n<html lang=\"\(HTMLEscape.attribute(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"newsq\">\n"
        html += "<title>\(HTMLEscape.text(title))</title>\n<style>\n"
        html += ReportStyle.css(speakers: maxSpeakers, combinations: combinations.sorted { $0.lexicographicallyPrecedes($1) })
        html += "</style>\n</head>\n<body>\n<header class=\"report\">\n<h1>\(HTMLEscape.text(title))</h1>\n"
        let total = sections.map(\.marked.count).reduce(0, +)
        html += "<p class=\"summary\">\(sections.count) article\(sections.count == 1 ? "" : "s"), \(total) statement\(total == 1 ? "" : "s") marked. Hover over or tab to a mark for its speaker, kind, cue, confidence and id; the legend switches speakers off and on.</p>\n</header>\n"
        if sections.count > 1 {
            html += "<nav class=\"toc\" aria-label=\"Articles\">\n<h2>Contents</h2>\n<ol>\n"
            for section in sections {
                html += "<li><a href=\"#\(section.anchor)\">\(HTMLEscape.text(section.heading))</a> <span class=\"count\">\(section.marked.count) statement\(section.marked.count == 1 ? "" : "s")</span></li>\n"
            }
            html += "</ol>\n</nav>\n"
        }
        html += "<main>\n"
        for section in sections { html += section.html() }
        html += "</main>\n<script>\n\(ReportStyle.script)</script>\n</body>\n</html>\n"
        return html
    }
}
