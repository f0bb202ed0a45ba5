import NewsModel

/// The base tables of a model — statements, actors, events, mentions — each built on first use
/// and then kept, with every field a query can filter, sort or show. Field names are the
/// documented, stable keys of JSON output (see `docs/language.md`).
///
/// A one-shot `quotes by Walz` reads only the statement table; building the other three (and
/// their lookups) was most of the table work of such a run (`docs/performance.md`). Not
/// thread-safe: it lives in one ``EvaluationContext``.
final class ModelTables {
    let model: ArticleModel
    /// The corpus-wide id of each of the model's actors (``CorpusActors``), by local id; `nil`
    /// when the model is queried alone and its ids are the corpus ids.
    let corpusIDs: [String: String]?

    init(model: ArticleModel, corpusIDs: [String: String]? = nil) {
        self.model = model
        self.corpusIDs = corpusIDs
    }

    /// The corpus id of a local actor id.
    private func cid(_ local: String) -> String { corpusIDs?[local] ?? local }

    /// The fields every table ends with: which article the row is from.
    static let articleColumns: [QueryResult.Column] = [
        .init("article", .id), .init("title", .text), .init("published", .date), .init("source", .text),
    ]

    /// The article fields' values for this model's rows.
    private(set) lazy var articleValues: [Value] = [
        .text(model.article.id), model.article.title.map(Value.text) ?? .null, .date(model.article.date), .text(model.article.source),
    ]

    /// Actor names by id.
    private(set) lazy var names: [String: String] = Dictionary(
        model.actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

    /// The name of the actor with the id, or the id when no actor has it; `null` for `nil`.
    private func name(_ id: String?) -> Value { id.map { .text(names[$0] ?? $0) } ?? .null }

    /// Every mention of every actor, in text order.
    private(set) lazy var allMentions = model.allMentions

    /// For each statement id, the actors it is about: its `aboutActors` plus every actor
    /// mentioned inside its content (a speaker's own pronouns excepted).
    private(set) lazy var statementAbout: [String: [String]] = {
        var about: [String: [String]] = [:]
        let allMentions = self.allMentions
        let mentionStarts = allMentions.map(\.mention.span.start)
        for statement in model.statements {
            var ids = statement.aboutActors
            // The mentions inside the content, found by binary search on their starts (a scan of
            // every mention for every statement is quadratic on a large model), in text order.
            var inside: Set<Int> = []
            for span in statement.contentSpans {
                var low = mentionStarts.partitionIndex { $0 < span.start }
                while low < mentionStarts.count, mentionStarts[low] < span.end {
                    if span.contains(allMentions[low].mention.span) { inside.insert(low) }
                    low += 1
                }
            }
            for index in inside.sorted() {
                let (actor, mention) = allMentions[index]
                if statement.speakers.contains(actor) && mention.form == .pronoun { continue }
                if !ids.contains(actor) { ids.append(actor) }
            }
            about[statement.id] = ids
        }
        return about
    }()

    /// One row per statement.
    private(set) lazy var statements: Table = {
        let names = self.names
        let about = self.statementAbout
        return Table(
            columns: [
                .init("id", .id), .init("speaker", .text), .init("speaker_id", .id), .init("co_speakers", .list),
                .init("speakers", .list), .init("kind", .enumeration), .init("cue", .text), .init("venue", .text),
                .init("addressee", .text), .init("time", .text), .init("date", .date), .init("about", .list),
                .init("events", .list), .init("occasion", .id), .init("paragraph", .integer), .init("sentence", .integer),
                .init("span", .span), .init("quotes", .list), .init("text", .text), .init("confidence", .number),
                .init("rule", .text), .init("addressee_id", .id),
            ] + Self.articleColumns,
            rows: model.statements.map { statement in
                let first = statement.contentSpans.first
                return [
                    .text(statement.id), .text(Self.joined(statement.speakers.map { names[$0] ?? $0 })), .text(cid(statement.speaker)),
                    .list(statement.coSpeakers.map { names[$0] ?? $0 }), .list(statement.speakers.map(cid)),
                    .text(statement.kind.rawValue), .text(statement.cue), statement.venue.map(Value.text) ?? .null,
                    name(statement.addressee), Self.when(statement.time).map(Value.text) ?? .null, Self.day(statement.time),
                    .list((about[statement.id] ?? []).map(cid)), .list(statement.aboutEvents),
                    statement.occasion.map(Value.text) ?? .null,
                    first.map { .integer($0.paragraph) } ?? .null, first.map { .integer($0.sentence) } ?? .null,
                    .span(start: first?.start ?? 0, end: statement.contentSpans.last?.end ?? 0),
                    .list(statement.quotes.map(\.text)), .text(statement.content),
                    statement.confidence.map(Value.number) ?? .null, statement.rule.map(Value.text) ?? .null,
                    statement.addressee.map { .text(cid($0)) } ?? .null,
                ] + articleValues
            },
            display: ["id", "speaker", "kind", "cue", "venue", "paragraph", "text"],
            textFields: ["text"],
            noun: "statement",
            enumOrders: ["kind": Statement.Kind.allCases.map(\.rawValue)],
            actorFields: ["speaker": "speakers", "speaker_id": "speaker_id", "speakers": "speakers",
                          "co_speakers": "speakers", "about": "about", "addressee": "addressee_id",
                          "addressee_id": "addressee_id"])
    }()

    /// One row per actor.
    private(set) lazy var actors: Table = {
        let names = self.names
        let statementCounts = Dictionary(grouping: model.statements.flatMap(\.speakers), by: { $0 }).mapValues(\.count)
        return Table(
            columns: [
                .init("id", .id), .init("name", .text), .init("kind", .enumeration), .init("roles", .list),
                .init("party", .text), .init("aliases", .list), .init("mentions", .integer),
                .init("first_paragraph", .integer), .init("statements", .integer), .init("description", .text),
            ] + Self.articleColumns,
            rows: model.actors.map { actor in
                [
                    .text(cid(actor.id)), .text(actor.name), .text(actor.kind.rawValue), .list(actor.roles.map { Self.role($0, names) }),
                    actor.party.map(Value.text) ?? .null, .list(actor.aliases), .integer(actor.mentions.count),
                    actor.mentions.first.map { .integer($0.span.paragraph) } ?? .null,
                    .integer(statementCounts[actor.id] ?? 0), .text(actor.description),
                ] + articleValues
            },
            display: ["id", "name", "kind", "roles", "party", "mentions", "statements"],
            textFields: ["name"],
            noun: "actor",
            enumOrders: ["kind": Actor.Kind.allCases.map(\.rawValue)])
    }()

    /// One row per event.
    private(set) lazy var events: Table = {
        let names = self.names
        return Table(
            columns: [
                .init("id", .id), .init("kind", .enumeration), .init("name", .text), .init("summary", .text),
                .init("when", .text), .init("precision", .enumeration), .init("earliest", .date), .init("latest", .date),
                .init("place", .text), .init("place_id", .id), .init("participants", .list), .init("roles", .list), .init("involves", .list),
                .init("quantities", .list),
                .init("claimed_by", .text), .init("claimants", .list), .init("paragraph", .integer), .init("span", .span),
            ] + Self.articleColumns,
            rows: model.events.map { event in
                let first = event.evidence.min()
                let involves = event.participants.map(\.actor) + [event.place].compactMap { $0 } + event.claimants
                var unique: [String] = []
                for id in involves where !unique.contains(id) { unique.append(id) }
                return [
                    .text(event.id), .text(event.kind.rawValue), event.name.map(Value.text) ?? .null, .text(event.summary),
                    Self.when(event.time).map(Value.text) ?? .null, .text(event.time.precision.rawValue),
                    event.time.earliest.map(Value.date) ?? .null, event.time.latest.map(Value.date) ?? .null,
                    name(event.place), event.place.map { .text(cid($0)) } ?? .null,
                    .list(event.participants.map { "\(names[$0.actor] ?? $0.actor) (\($0.role.rawValue))" }),
                    .list(Self.distinct(event.participants.map(\.role.rawValue))),
                    .list(unique.map(cid)), .list(event.quantities.map(\.span.text)),
                    event.claimants.isEmpty ? .null : .text(Self.joined(event.claimants.map { names[$0] ?? $0 })),
                    .list(event.claimants.map(cid)),
                    first.map { .integer($0.paragraph) } ?? .null,
                    first.map { .span(start: $0.start, end: $0.end) } ?? .null,
                ] + articleValues
            },
            display: ["id", "kind", "when", "place", "summary"],
            textFields: ["summary", "name"],
            noun: "event",
            enumOrders: ["kind": Event.Kind.allCases.map(\.rawValue),
                         "precision": TimeReference.Precision.allCases.map(\.rawValue),
                         "roles": Participant.Role.allCases.map(\.rawValue)],
            actorFields: ["involves": "involves", "place": "place_id", "place_id": "place_id", "claimed_by": "claimants", "claimants": "claimants"])
    }()

    /// One row per mention, in text order.
    private(set) lazy var mentions: Table = {
        let sentences = model.article.sentences
        let text = ScalarText(model.article.text)
        return Table(
            columns: [
                .init("id", .id), .init("actor", .text), .init("actor_id", .id), .init("form", .enumeration),
                .init("text", .text), .init("paragraph", .integer), .init("sentence", .integer), .init("span", .span),
                .init("context", .text),
            ] + Self.articleColumns,
            rows: allMentions.map { actor, mention in
                let sentence = Self.context(of: mention.span, in: sentences, text: text)
                return [
                    .text(mention.id), name(actor), .text(cid(actor)), .text(mention.form.rawValue), .text(mention.span.text),
                    .integer(mention.span.paragraph), .integer(mention.span.sentence),
                    .span(start: mention.span.start, end: mention.span.end), .text(sentence),
                ] + articleValues
            },
            display: ["id", "actor", "form", "text", "paragraph", "context"],
            textFields: ["context"],
            noun: "mention",
            enumOrders: ["form": Mention.Form.allCases.map(\.rawValue)],
            actorFields: ["actor": "actor_id", "actor_id": "actor_id"])
    }()

    /// The article's words for a time, with the dates they resolve to; `nil` when the article
    /// states no time at all.
    static func when(_ time: TimeReference) -> String? {
        let range: String?
        switch (time.earliest, time.latest) {
        case let (earliest?, latest?) where earliest == latest: range = earliest.iso
        case let (earliest?, latest?): range = "\(earliest.iso) … \(latest.iso)"
        case let (earliest?, nil): range = "from \(earliest.iso)"
        case let (nil, latest?): range = "by \(latest.iso)"
        case (nil, nil): range = nil
        }
        switch (time.text, range) {
        case let (text?, range?): return "\(text) (\(range))"
        case let (text?, nil): return text
        case let (nil, range?): return "not stated (\(range))"
        case (nil, nil): return nil
        }
    }

    /// Names joined as in prose: "A", "A and B", "A, B and C" — so a joint statement's
    /// `speaker` shows everyone who made it.
    static func joined(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// The day, when the time is a single day.
    static func day(_ time: TimeReference) -> Value {
        guard time.precision == .day, let day = time.earliest else { return .null }
        return .date(day)
    }

    /// The sentence a mention stands in — reaching back to the mention when it stands before
    /// the sentence (the dateline "MINNEAPOLIS (AP) —" before the first sentence), so the context
    /// always holds the mention.
    static func context(of span: Span, in sentences: [Sentence], text: ScalarText) -> String {
        guard sentences.indices.contains(span.sentence - 1) else { return span.text }
        let sentence = sentences[span.sentence - 1]
        if sentence.start <= span.start && span.end <= sentence.end { return sentence.text }
        return text.text(from: min(sentence.start, span.start), to: max(sentence.end, span.end))
    }

    /// The values in their first order, each once.
    static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    static func role(_ role: Role, _ names: [String: String]) -> String {
        let of = [role.organization, role.place].compactMap { $0 }.map { names[$0] ?? $0 }
        return of.isEmpty ? role.title : "\(role.title), \(of.joined(separator: ", "))"
    }
}
