import NewsModel

/// The answer to `source of ID`: each paragraph a record's spans stand in, with the spans
/// marked ⟦like this⟧, so a reader sees the words in their context.
///
/// Statements mark their content, events their evidence, mentions their words, and an actor id
/// marks every mention of the actor.
struct SourceMarker {
    let model: ArticleModel

    /// Opening and closing marks around a span.
    static let open = "⟦", close = "⟧"

    /// The fields of a `source of` table, without rows.
    static let shape = Table(columns: [.init("id", .id), .init("record", .text), .init("paragraph", .integer), .init("text", .text)],
                             rows: [], display: ["paragraph", "text"], textFields: ["text"])

    /// Whether the model has a statement, event, mention or actor with the id.
    func has(_ id: String) -> Bool {
        model.statement(id) != nil || model.event(id) != nil || model.actor(id) != nil
            || model.actors.contains { $0.mentions.contains { $0.id == id } }
    }

    /// The marked paragraphs for a record id; `unknown` builds the error for an id that is none.
    func table(for id: String, unknown: (String) -> QueryError) throws(QueryError) -> Table {
        let spans: [Span]
        let what: String
        if let statement = model.statement(id) {
            spans = statement.contentSpans
            what = "statement by \(model.actor(statement.speaker)?.name ?? statement.speaker)"
        } else if let event = model.event(id) {
            spans = event.evidence
            what = "event: \(event.summary)"
        } else if let (actor, mention) = model.allMentions.first(where: { $0.mention.id == id }) {
            spans = [mention.span]
            what = "mention of \(model.actor(actor)?.name ?? actor)"
        } else if let actor = model.actor(id) {
            spans = actor.mentions.map(\.span)
            what = "mentions of \(actor.name)"
        } else {
            let ids = model.statements.map(\.id) + model.events.map(\.id) + model.actors.map(\.id)
                + model.allMentions.map(\.mention.id)
            var message = "unknown id \"\(id)\": statements are s1…s\(model.statements.count), events e-…, mentions m1…m\(model.allMentions.count)"
            if let near = nearestName(to: id, in: ids) { message += " — did you mean \(near)?" }
            throw unknown(message)
        }
        let text = ScalarText(model.article.text)
        var rows: [[Value]] = []
        for paragraph in model.article.paragraphs {
            let inside = spans.filter { $0.start >= paragraph.start && $0.start < paragraph.end }.sorted()
            guard !inside.isEmpty else { continue }
            var merged: [(start: Int, end: Int)] = []
            for span in inside {
                if let last = merged.last, span.start <= last.end {
                    merged[merged.count - 1].end = max(last.end, span.end)
                } else {
                    merged.append((span.start, span.end))
                }
            }
            var marked = ""
            var cursor = paragraph.start
            for piece in merged {
                marked += text.text(from: cursor, to: piece.start) + Self.open + text.text(from: piece.start, to: piece.end) + Self.close
                cursor = piece.end
            }
            marked += text.text(from: cursor, to: paragraph.end)
            rows.append([.text(id), .text(what), .integer(paragraph.number), .text(marked)])
        }
        return Table(columns: [.init("id", .id), .init("record", .text), .init("paragraph", .integer), .init("text", .text)],
                     rows: rows, display: ["paragraph", "text"], textFields: ["text"])
    }
}
