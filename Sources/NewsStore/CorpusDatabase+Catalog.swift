import Foundation
import NewsModel
import NewsQuery

/// What the planner asks of a stored corpus: its articles, names and records — answered with
/// small queries, never by loading the corpus.
extension CorpusDatabase: CorpusStore {
    public func articleCount() throws -> Int {
        try ords().count
    }

    public func articlePosition(of id: String) throws -> Int? {
        if let cachedIDPositions { return cachedIDPositions[id] }
        var positions: [String: Int] = [:]
        for row in try connection.rows("SELECT id, ord FROM articles_store") {
            guard let id = row[0].text, let ord = row[1].integer, let position = try position(ofOrd: ord) else { continue }
            positions[id] = position
        }
        cachedIDPositions = positions
        return positions[id]
    }

    public func articleID(at position: Int) throws -> String {
        let ords = try ords()
        guard ords.indices.contains(position) else { throw StoreError("\(name): no article at position \(position)") }
        return try connection.scalar("SELECT id FROM articles_store WHERE ord = \(p(1))", [.integer(ords[position])])?.text ?? ""
    }

    public func articleDates() throws -> [CalendarDate] {
        try connection.rows("SELECT \(StoreSchema.value("published")) FROM t_articles ORDER BY rid").map { row in
            row[0].text.flatMap(CalendarDate.init(iso:)) ?? CalendarDate(year: 2000, month: 1, day: 1)!
        }
    }

    public func articleIDs(near id: String) throws -> [String] {
        let ids = try articles().map(\.id)
        return nearestName(to: id, in: ids).map { [$0] } ?? []
    }

    /// Resolves a name as ``ActorResolver`` does over every corpus actor, reading only the keys
    /// that could decide it: those equal to the reference, those holding its words, those
    /// starting with it, and those near it in length (the only ones a spelling suggestion can
    /// come from), with every other key of those actors.
    public func resolveActor(_ text: String) throws -> Actor {
        let folded = ActorResolver.fold(text)
        var groups: Set<Int64> = []
        func collect(_ sql: String, _ parameters: [SQLValue]) throws {
            for row in try connection.rows(sql, parameters) { if let group = row[0].integer { groups.insert(group) } }
        }
        // First the actors a key, a word or a prefix names — enough to resolve a name that is
        // there (and to see that it is ambiguous); only a name that is not there needs every
        // actor whose keys are near it in length, the ones a spelling suggestion comes from (a
        // large corpus has thousands).
        try collectNamed(folded, collect)
        if !groups.isEmpty, let actor = try? resolve(text, among: groups) { return actor }
        let limit = max(1, folded.count / 3)
        try collect("SELECT DISTINCT grp FROM actor_keys WHERE len BETWEEN \(p(1)) AND \(p(2))",
                    [.integer(Int64(folded.count - limit)), .integer(Int64(folded.count + limit))])
        return try resolve(text, among: groups)
    }

    /// Collects the corpus actors with `folded` as a key, its first word as a key word, or a key
    /// or key word starting with it.
    private func collectNamed(_ folded: String, _ collect: (String, [SQLValue]) throws -> Void) throws {
        try collect("SELECT grp FROM actor_keys WHERE folded = \(p(1))", [.text(folded)])
        let words = ActorResolver.words(folded)
        if let first = words.first {
            try collect("SELECT grp FROM actor_key_words WHERE word = \(p(1))", [.text(first)])
        }
        if folded.count >= 2 {
            let end = folded + "\u{10FFFF}"
            try collect("SELECT grp FROM actor_keys WHERE folded >= \(p(1)) AND folded < \(p(2))", [.text(folded), .text(end)])
            if !folded.contains(" ") {
                try collect("SELECT grp FROM actor_key_words WHERE word >= \(p(1)) AND word < \(p(2))", [.text(folded), .text(end)])
            }
        }
    }

    /// Resolves `text` among the corpus actors `groups`, with all their keys.
    private func resolve(_ text: String, among groups: Set<Int64>) throws -> Actor {
        var actors: [Actor] = []
        var keys: [ActorResolver.Key] = []
        for group in groups.sorted() {
            guard let merged = try mergedActor(group) else { continue }
            actors.append(merged)
            for row in try connection.rows("SELECT folded, display, score FROM actor_keys WHERE grp = \(p(1)) ORDER BY pos", [.integer(group)]) {
                keys.append(ActorResolver.Key(folded: row[0].text ?? "", display: row[1].text ?? "", actor: actors.count - 1,
                                              exactScore: Int(row[2].integer ?? 0)))
            }
        }
        return try ActorResolver(keys: keys, actors: actors).resolve(text)
    }

    public func event(folded: String) throws -> Event? {
        guard let row = try connection.rows("SELECT id, name FROM event_names WHERE folded = \(p(1)) ORDER BY article LIMIT 1", [.text(folded)]).first,
              let id = row[0].text
        else { return nil }
        return Event(id: id, kind: .other, name: row[1].text, summary: "", evidence: [])
    }

    public func articles(holdingRecord id: String) throws -> [Int] {
        let holders = try connection.rows("SELECT DISTINCT article FROM records WHERE id = \(p(1))", [.text(id)]).compactMap { $0[0].integer }
        return try holders.compactMap { try position(ofOrd: $0) }.sorted()
    }

    public func actorName(_ id: String) throws -> String? {
        try connection.scalar("SELECT name FROM actor_groups WHERE id = \(p(1))", [.text(id)])?.text
    }

    /// The members of a corpus actor in the articles of `scope` (positions; `nil`: all): each
    /// article's model and the actor's id there, in corpus order.
    func members(of actor: Actor, scope: Set<Int>?) throws -> [(model: ArticleModel, actor: String)] {
        let rows = try connection.rows(
            "SELECT m.article, m.local FROM actor_members m JOIN actor_groups g ON g.grp = m.grp WHERE g.id = \(p(1)) ORDER BY m.article",
            [.text(actor.id)])
        var members: [(model: ArticleModel, actor: String)] = []
        for row in rows {
            guard let ord = row[0].integer, let local = row[1].text, let position = try position(ofOrd: ord) else { continue }
            if let scope, !scope.contains(position) { continue }
            members.append((try model(ord: ord), local))
        }
        return members
    }
}

extension CorpusDatabase {
    /// What a corpus holds, for `:article` and the shell's welcome line.
    public struct Summary: Sendable, Equatable {
        /// Articles.
        public var articles: Int
        /// Statements (quotes and reported speech).
        public var statements: Int
        /// Actors, linked across articles (one per person or group however many articles name them).
        public var actors: Int
        /// Events.
        public var events: Int
        /// The earliest and latest publication dates, when there are articles.
        public var first: CalendarDate?
        /// The latest publication date.
        public var last: CalendarDate?
        /// The sources, most articles first, with their article counts.
        public var sources: [(source: String, articles: Int)]

        /// Summaries compare by their counts, dates and sources.
        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            (lhs.articles, lhs.statements, lhs.actors, lhs.events, lhs.first, lhs.last)
                == (rhs.articles, rhs.statements, rhs.actors, rhs.events, rhs.first, rhs.last)
                && lhs.sources.map(\.source) == rhs.sources.map(\.source) && lhs.sources.map(\.articles) == rhs.sources.map(\.articles)
        }
    }

    /// Counts what the corpus holds.
    public func summary() throws -> Summary {
        func count(_ sql: String) throws -> Int { Int(try connection.scalar(sql, [])?.integer ?? 0) }
        let published = StoreSchema.value("published")
        let dates = try connection.rows("SELECT min(\(published)), max(\(published)) FROM t_articles").first
        let source = StoreSchema.value("source")
        let sources = try connection.rows(
            "SELECT \(source), count(*) FROM t_articles GROUP BY \(source) ORDER BY count(*) DESC, \(source)"
        ).map { row in (row[0].text ?? "", Int(row[1].integer ?? 0)) }
        return Summary(
            articles: try count("SELECT count(*) FROM articles_store"),
            statements: try count("SELECT count(*) FROM t_statements"),
            actors: try count("SELECT count(*) FROM actor_groups"),
            events: try count("SELECT count(*) FROM t_events"),
            first: dates?[0].text.flatMap(CalendarDate.init(iso:)), last: dates?[1].text.flatMap(CalendarDate.init(iso:)),
            sources: sources)
    }

    /// The model of the article with `id`, read back from the store; `nil` when there is none.
    public func model(id: String) throws -> ArticleModel? {
        guard let ord = try connection.scalar("SELECT ord FROM articles_store WHERE id = \(p(1))", [.text(id)])?.integer else {
            return nil
        }
        return try model(ord: ord)
    }
}
