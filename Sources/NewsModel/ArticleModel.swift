/// Everything newsq knows about one article: its text and the actors, statements and events
/// read from it, every fact tied to a ``Span`` of the text.
///
/// This is the value a model file holds (see ``ModelFile``) and the value the query engine runs
/// over. ``bundled`` is the AP article of 2026-02-04 that ships inside the executable.
public struct ArticleModel: Sendable, Codable, Equatable {
    /// The model file format version this type reads and writes.
    public static let formatVersion = 1

    /// The article text and its structure.
    public var article: Article
    /// Every actor, in the order of first mention.
    public var actors: [Actor]
    /// Every statement, in text order.
    public var statements: [Statement]
    /// Every event.
    public var events: [Event]

    /// Creates a model from its parts; use ``ModelValidator`` to check it.
    public init(article: Article, actors: [Actor], statements: [Statement], events: [Event]) {
        self.article = article
        self.actors = actors
        self.statements = statements
        self.events = events
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
    var mentionOrder: [(actor: Int, mention: Int)] {
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
