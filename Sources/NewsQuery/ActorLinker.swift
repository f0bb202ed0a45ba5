import NewsModel

/// Where linked actors are kept while articles are added: in memory (``CorpusActors``), or in a
/// store's tables. ``ActorLinker`` asks it the questions linking needs; it answers them.
public protocol ActorLinkIndex {
    /// The corpus actor (by position) that first had this name key as a name.
    mutating func group(named key: String) throws -> Int?
    /// The corpus actor that first had this name key as an alias.
    mutating func group(aliased key: String) throws -> Int?
    /// Whether a corpus actor already has a member from this article.
    mutating func group(_ group: Int, hasMemberIn article: Int) throws -> Bool
    /// Whether a corpus id is given already.
    mutating func isTaken(_ id: String) throws -> Bool
    /// A new corpus actor with this id, its first member `actor` of `article`; returns its position.
    mutating func newGroup(id: String, first actor: Actor, article: Int) throws -> Int
    /// Adds `actor` of `article` to a corpus actor.
    mutating func join(_ group: Int, actor: Actor, article: Int) throws
    /// Records a name key for a corpus actor, unless one is recorded already.
    mutating func register(name key: String, for group: Int) throws
    /// Records an alias key for a corpus actor, unless one is recorded already.
    mutating func register(alias key: String, for group: Int) throws
    /// The corpus id of a corpus actor.
    mutating func id(of group: Int) throws -> String
    /// The name of a corpus actor (its first member's).
    mutating func name(of group: Int) throws -> String
}

/// Links one article's actors into the corpus actors: the rule of ``CorpusActors``, the same
/// for every place actors are kept, so that a store reaches the ids the in-memory engine does.
///
/// An actor joins the first corpus actor of its kind that has its name (folded as names are)
/// as a name, or as an alias, or whose name is one of its aliases — unless that corpus actor
/// already has a member from the same article, or unless the two names tell two actors apart
/// (``namesConflict(_:_:)``: "Ian Blair" does not join "Tony Blair" through the surname they
/// share); otherwise it starts a new corpus actor, with its own id or, when that is taken, the id
/// with `-2`, `-3`…
public enum ActorLinker {
    /// The name key of a text for actors of a kind.
    public static func key(_ text: String, kind: Actor.Kind) -> String {
        kind.rawValue + "\u{1}" + ActorResolver.fold(text)
    }

    /// Links the actors of `model`, the article at position `article`; returns each actor's
    /// corpus id by its id in the article.
    public static func link<Index: ActorLinkIndex>(_ model: ArticleModel, article: Int, into index: inout Index) throws
        -> [String: String]
    {
        var local: [String: String] = [:]
        for actor in model.actors {
            let name = key(actor.name, kind: actor.kind)
            var candidates: [Int?] = [try index.group(named: name), try index.group(aliased: name)]
            for alias in actor.aliases { candidates.append(try index.group(named: key(alias, kind: actor.kind))) }
            var joined: Int?
            for candidate in candidates.compactMap({ $0 }) where !(try index.group(candidate, hasMemberIn: article)) {
                guard !namesConflict(actor.name, try index.name(of: candidate)) else { continue }
                joined = candidate
                break
            }
            let group: Int
            if let joined {
                group = joined
                try index.join(group, actor: actor, article: article)
            } else {
                var id = actor.id
                var suffix = 2
                while try index.isTaken(id) {
                    id = "\(actor.id)-\(suffix)"
                    suffix += 1
                }
                group = try index.newGroup(id: id, first: actor, article: article)
            }
            try index.register(name: name, for: group)
            for alias in actor.aliases { try index.register(alias: key(alias, kind: actor.kind), for: group) }
            local[actor.id] = try index.id(of: group)
        }
        return local
    }

    /// Whether two names belong to different actors: both are full names ending in the same
    /// word, and neither holds the other's words ("Tony Blair" and "Ian Blair"; "Labour Party"
    /// and "Conservative Party"). A name of one word, or one inside the other ("Blair", "Prime
    /// Minister Tony Blair"), is no conflict. Honorifics and titles (Mr, Sir, Gov., Mayor, …) are
    /// not counted.
    public static func namesConflict(_ name: String, _ other: String) -> Bool {
        let words = nameWords(name), otherWords = nameWords(other)
        guard words.count >= 2, otherWords.count >= 2, words.last == otherWords.last else { return false }
        let set = Set(words), otherSet = Set(otherWords)
        return !set.isSubset(of: otherSet) && !otherSet.isSubset(of: set)
    }

    /// Honorifics left out when names are compared.
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "the",
        "gov", "governor", "mayor", "president", "sen", "senator", "rep", "representative", "minister", "prime",
        "secretary", "chancellor", "judge", "justice", "gen", "general", "col", "capt", "chief", "king", "queen",
        "prince", "princess", "pope", "st", "saint",
    ]

    /// A name's words, folded, without honorifics or a possessive `'s`.
    static func nameWords(_ name: String) -> [String] {
        ActorResolver.fold(name).split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" }).map(String.init)
            .filter { !honorifics.contains($0) }
    }

    /// `merged` with another member's names, mentions and facts added: what a corpus actor is
    /// known by once `actor` has joined it.
    public static func merging(_ actor: Actor, into merged: Actor) -> Actor {
        var merged = merged
        let known = Set(([merged.name] + merged.aliases).map(ActorResolver.fold))
        for name in [actor.name] + actor.aliases where !known.contains(ActorResolver.fold(name)) {
            if !merged.aliases.contains(name) { merged.aliases.append(name) }
        }
        merged.mentions += actor.mentions
        for role in actor.roles where !merged.roles.contains(where: { $0.title == role.title }) { merged.roles.append(role) }
        if merged.party == nil { merged.party = actor.party }
        if merged.description.isEmpty { merged.description = actor.description }
        return merged
    }
}
