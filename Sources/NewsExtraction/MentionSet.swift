import NewsModel

/// An actor as the extractor knows it before it gets an id: its name, kind, aliases, roles and
/// mentions.
struct Entity: Sendable {
    /// A role stated in the text: the title's words and, when the text says, the organisation
    /// or place it belongs to (entity indices).
    struct RoleRecord: Sendable {
        var title: String
        var range: Range<Int>
        var organization: Int?
        var place: Int?
    }

    var name: String
    var kind: Actor.Kind
    var gender: Lexicon.Gender
    var aliases: [String] = []
    var roles: [RoleRecord] = []
    /// The lower-case head noun a description can use for it ("department", "administration").
    var head: String?
    /// Whether a statement is attributed to it.
    var speaks = false
    /// Whether the entity has a proper name (not a description such as "protesters").
    var isNamed: Bool

    mutating func addAlias(_ alias: String) {
        guard alias != name, !alias.isEmpty, !aliases.contains(alias) else { return }
        aliases.append(alias)
    }
}

/// One mention: the tokens and scalars that refer to an entity, and how.
struct MentionRecord: Sendable {
    var tokens: Range<Int>
    var range: Range<Int>
    var form: Mention.Form
    var entity: Int
    /// A name inside another mention's words ("Megyn Kelly" in "The Megyn Kelly Show"): listed
    /// among the mentions, but the outer mention is the one found at its tokens.
    var isNested = false
}

/// The entities of an article and every mention of them, in text order.
struct MentionSet: Sendable {
    var entities: [Entity] = []
    private(set) var mentions: [MentionRecord] = []
    /// For each token, the mention that covers it, or -1.
    private(set) var byToken: [Int32]

    init(tokenCount: Int) {
        byToken = [Int32](repeating: -1, count: tokenCount)
    }

    /// Adds a name inside another mention (see ``MentionRecord/isNested``).
    mutating func addNested(_ mention: MentionRecord) {
        var nested = mention
        nested.isNested = true
        mentions.append(nested)
    }

    /// Adds a mention unless one already covers any of its tokens; returns whether it did.
    @discardableResult
    mutating func add(_ mention: MentionRecord) -> Bool {
        for t in mention.tokens where byToken[t] >= 0 { return false }
        let index = Int32(mentions.count)
        mentions.append(mention)
        for t in mention.tokens { byToken[t] = index }
        return true
    }

    /// The mention covering token `t`.
    func mention(at t: Int) -> MentionRecord? {
        let index = byToken[t]
        return index >= 0 ? mentions[Int(index)] : nil
    }

    /// Moves every mention of entity `from` to entity `into`.
    mutating func merge(_ from: Int, into: Int) {
        guard from != into else { return }
        for index in mentions.indices where mentions[index].entity == from { mentions[index].entity = into }
        let old = entities[from]
        entities[into].addAlias(old.name)
        for alias in old.aliases { entities[into].addAlias(alias) }
        entities[into].roles += old.roles
        entities[into].speaks = entities[into].speaks || old.speaks
        if entities[into].gender == .unknown { entities[into].gender = old.gender }
        entities[from].kind = entities[into].kind
        entities[from].name = ""
    }

    /// The mentions sorted by position (they are added in several passes).
    mutating func sort() {
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        for index in byToken.indices { byToken[index] = -1 }
        for (index, mention) in mentions.enumerated() where !mention.isNested {
            for t in mention.tokens { byToken[t] = Int32(index) }
        }
    }

    /// The most recent mention before token `t` whose entity passes `accept`, looking back at
    /// most `limit` mentions.
    func lastMention(before t: Int, limit: Int = 40, where accept: (MentionRecord, Entity) -> Bool) -> MentionRecord? {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].tokens.lowerBound < t { low = middle + 1 } else { high = middle }
        }
        var index = low - 1
        var seen = 0
        while index >= 0, seen < limit {
            let mention = mentions[index]
            if accept(mention, entities[mention.entity]) { return mention }
            index -= 1
            seen += 1
        }
        return nil
    }
}
