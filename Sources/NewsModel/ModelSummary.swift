/// A few lines saying what a model holds: the article, and counts of actors, mentions,
/// statements and events by kind. What `newsq` prints when started without a query.
public struct ModelSummary: Sendable {
    /// The model described.
    public var model: ArticleModel

    /// Creates a summary of `model`.
    public init(model: ArticleModel) {
        self.model = model
    }

    /// The summary, one fact per line.
    public var text: String {
        let article = model.article
        let bodies = article.paragraphs.filter { $0.kind == .body }.count
        var lines = [
            "\(article.id) — " + [article.source, article.dateline, article.date.iso].filter { !$0.isEmpty }.joined(separator: ", "),
        ]
        if let title = article.title { lines.append("  title: \(title)") }
        if let url = article.url { lines.append("  url: \(url)") }
        if let provenance = model.provenance, provenance.extracted {
            lines.append("  extracted by \(provenance.extractor)" + (provenance.sourceFile.map { " from \($0)" } ?? "")
                + "; every statement has a confidence and the rule that found it")
        }
        lines += [
            "  \(article.paragraphs.count) paragraphs (\(bodies) body, \(article.paragraphs.count - bodies) headings), \(article.sentences.count) sentences, \(article.text.unicodeScalars.count) characters",
        ]
        lines.append("  actors:     \(model.actors.count)\(Self.counts(model.actors.map(\.kind.rawValue), order: Actor.Kind.allCases.map(\.rawValue)))")
        let mentions = model.actors.flatMap(\.mentions)
        lines.append("  mentions:   \(mentions.count)\(Self.counts(mentions.map(\.form.rawValue), order: Mention.Form.allCases.map(\.rawValue)))")
        lines.append("  statements: \(model.statements.count)\(Self.counts(model.statements.map(\.kind.rawValue), order: Statement.Kind.allCases.map(\.rawValue)))")
        lines.append("  events:     \(model.events.count)")
        return lines.joined(separator: "\n")
    }

    /// ` (3 person, 1 place)`, or nothing when there are none.
    static func counts(_ values: [String], order: [String]) -> String {
        let parts = order.compactMap { name -> String? in
            let count = values.filter { $0 == name }.count
            return count == 0 ? nil : "\(count) \(name)"
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}
