import NewsModel

/// The actors of several articles linked into corpus-wide actors by normalised name and alias,
/// so that `quotes by Homan` finds him in every article that quotes him.
///
/// Linking reads the articles in corpus order, and each article's actors in model order. An
/// actor joins the first corpus actor of its kind that has its name (folded as names are, see
/// ``ActorResolver``) as a name, or as an alias, or whose name is one of its aliases; otherwise it
/// starts a new corpus actor. Two actors of one article are never linked, and a new actor never
/// merges two corpus actors already formed, so the outcome depends only on the order of the
/// articles — a store adding articles one by one reaches the same actors.
///
/// A corpus actor's id is its first member's id (`tom-homan`), with `-2`, `-3`… when another
/// corpus actor already has it. For a single article every actor is its own corpus actor, with
/// its own id.
struct CorpusActors: Sendable {
    /// One corpus-wide actor.
    struct Group: Sendable {
        /// The corpus id.
        var id: String
        /// Its members: article index (in corpus order) and the actor's id in that article.
        var members: [(article: Int, actor: String)]
        /// An actor standing for all the members, for name resolution and profiles: the first
        /// member with the corpus id, the other members' names and aliases as aliases, every
        /// mention, and the roles, party and description where the first member lacks them.
        var merged: Actor
    }

    /// Every corpus actor, in the order of their first members.
    let groups: [Group]
    /// For each article (in corpus order), the corpus id of each of its actors by local id.
    let ids: [[String: String]]

    /// Links the actors of `models`, in order.
    init(models: [ArticleModel]) {
        var groups: [Group] = []
        var ids: [[String: String]] = []
        var byName: [String: Int] = [:]
        var byAlias: [String: Int] = [:]
        var taken: Set<String> = []
        for (articleIndex, model) in models.enumerated() {
            var local: [String: String] = [:]
            for actor in model.actors {
                let kind = actor.kind.rawValue
                func key(_ text: String) -> String { kind + "\u{1}" + ActorResolver.fold(text) }
                let name = key(actor.name)
                let candidates = [byName[name], byAlias[name]] + actor.aliases.map { byName[key($0)] }
                let joined = candidates.lazy.compactMap { $0 }.first { index in
                    !groups[index].members.contains { $0.article == articleIndex }
                }
                let index: Int
                if let joined {
                    index = joined
                    groups[index].members.append((articleIndex, actor.id))
                    groups[index].merged = Self.merging(actor, into: groups[index].merged)
                } else {
                    var id = actor.id
                    var suffix = 2
                    while taken.contains(id) {
                        id = "\(actor.id)-\(suffix)"
                        suffix += 1
                    }
                    taken.insert(id)
                    var merged = actor
                    merged.id = id
                    index = groups.count
                    groups.append(Group(id: id, members: [(articleIndex, actor.id)], merged: merged))
                }
                if byName[name] == nil { byName[name] = index }
                for alias in actor.aliases where byAlias[key(alias)] == nil { byAlias[key(alias)] = index }
                local[actor.id] = groups[index].id
            }
            ids.append(local)
        }
        self.groups = groups
        self.ids = ids
    }

    /// `merged` with another member's names, mentions and facts added.
    private static func merging(_ actor: Actor, into merged: Actor) -> Actor {
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

    /// Whether every actor is its own corpus actor with its own id (always, for one article).
    var isIdentity: Bool { groups.allSatisfy { $0.members.count == 1 && $0.members[0].actor == $0.id } }

    /// The corpus actor with the id.
    func group(_ id: String) -> Group? { groups.first { $0.id == id } }
}
