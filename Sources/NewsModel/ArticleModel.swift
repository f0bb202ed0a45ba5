/// Everything newsq knows about one article: its text and the actors, statements and events
/// read from it, every fact tied to a ``Span`` of the text.
///
/// This is the value a model file holds (see ``ModelFile``) and the value the query engine runs
/// over. ``bundled`` is the AP article of 2026-02-04 that ships inside the executable.
public struct ArticleModel: Sendable, Codable, Equatable {
    /// The newest model file format version this type reads and writes. ``ModelFile`` writes
    /// the oldest format that holds a model (``minimumFormat``).
    public static let formatVersion = 2

    /// Every format version the reader accepts.
    public static let supportedFormats: ClosedRange<Int> = 1...2

    /// The article text and its structure.
    public var article: Article
    /// Every actor, in the order of first mention.
    public var actors: [Actor]
    /// Every statement, in text order.
    public var statements: [Statement]
    /// Every event.
    public var events: [Event]
    /// Where the model came from when a program made it; `nil` for a hand-made model.
    public var provenance: Provenance?

    /// Creates a model from its parts; use ``ModelValidator`` to check it.
    public init(
        article: Article, actors: [Actor], statements: [Statement], events: [Event],
        provenance: Provenance? = nil
    ) {
        self.article = article
        self.actors = actors
        self.statements = statements
        self.events = events
        self.provenance = provenance
    }

    /// The oldest model file format that holds everything in this model: 2 when it has a
    /// provenance, a statement with a confidence or a rule, or an event of kind `other` or with
    /// co-claimants; else 1.
    public var minimumFormat: Int {
        if provenance != nil || article.title != nil || article.url != nil { return 2 }
        if statements.contains(where: { $0.confidence != nil || $0.rule != nil }) { return 2 }
        if events.contains(where: { $0.kind == .other || !$0.coClaimants.isEmpty }) { return 2 }
        return 1
    }

    /// The actor with the given id.
    public func actor(_ id: String) -> Actor? { actors.first { $0.id == id } }

    /// The statement with the given id.
    public func statement(_ id: String) -> Statement? { statements.first { $0.id == id } }

    /// The event with the given id.
    public func event(_ id: String) -> Event? { events.first { $0.id == id } }

    /// Every mention of every actor, in text order, with the actor's id.
    public var allMentions: [(actor: String, mention: Mention)] {
        mentionOrder.map { (actors[$0.actor].id, actors[$0.actor].mentions[$0.mention]) }
    }

    /// Every mention as (actor index, mention index), in text order: by start, then end, then
    /// actor and mention order, so equal spans keep a stable order. Sorted as integers: sorting
    /// the records themselves moves whole spans and their text.
    public var mentionOrder: [(actor: Int, mention: Int)] {
        var order: [(start: Int, end: Int, actor: Int, mention: Int)] = []
        for (a, actor) in actors.enumerated() {
            for (m, mention) in actor.mentions.enumerated() {
                order.append((mention.span.start, mention.span.end, a, m))
            }
        }
        order.sort { ($0.start, $0.end, $0.actor, $0.mention) < ($1.start, $1.end, $1.actor, $1.mention) }
        return order.map { ($0.actor, $0.mention) }
    }
}

/// How a model was made, when a program made it rather than a person: the model says it was
/// extracted, by which extractor, from which file. Format 2.
public struct Provenance: Sendable, Codable, Equatable {
    /// Whether the model was extracted from the text automatically (always true for a model
    /// with a provenance written by newsq's extractor).
    public var extracted: Bool
    /// The extractor and its version, e.g. `NewsExtraction 1.0`.
    public var extractor: String
    /// The file the text was read from, as given to the extractor; `nil` for text that came
    /// from no file (standard input, a test).
    public var sourceFile: String?

    /// Creates a provenance record.
    public init(extracted: Bool, extractor: String, sourceFile: String? = nil) {
        self.extracted = extracted
        self.extractor = extractor
        self.sourceFile = sourceFile
    }
}
