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
        var index = MemoryIndex()
        var ids: [[String: String]] = []
        for (position, model) in models.enumerated() {
            // The in-memory index never fails.
            ids.append((try? ActorLinker.link(model, article: position, into: &index)) ?? [:])
        }
        self.groups = index.groups
        self.ids = ids
    }

    /// Linked actors kept in dictionaries.
    private struct MemoryIndex: ActorLinkIndex {
        var groups: [Group] = []
        var byName: [String: Int] = [:]
        var byAlias: [String: Int] = [:]
        var taken: Set<String> = []

        func group(named key: String) -> Int? { byName[key] }
        func name(of group: Int) -> String { groups[group].merged.name }
        func group(aliased key: String) -> Int? { byAlias[key] }
        func group(_ group: Int, hasMemberIn article: Int) -> Bool { groups[group].members.contains { $0.article == article } }
        func isTaken(_ id: String) -> Bool { taken.contains(id) }
        mutating func newGroup(id: String, first actor: Actor, article: Int) -> Int {
            taken.insert(id)
            var merged = actor
            merged.id = id
            groups.append(Group(id: id, members: [(article, actor.id)], merged: merged))
            return groups.count - 1
        }
        mutating func join(_ group: Int, actor: Actor, article: Int) {
            groups[group].members.append((article, actor.id))
            groups[group].merged = ActorLinker.merging(actor, into: groups[group].merged)
        }
        mutating func register(name key: String, for group: Int) { if byName[key] == nil { byName[key] = group } }
        mutating func register(alias key: String, for group: Int) { if byAlias[key] == nil { byAlias[key] = group } }
        func id(of group: Int) -> String { groups[group].id }
    }

    /// Whether every actor is its own corpus actor with its own id (always, for one article).
    var isIdentity: Bool { groups.allSatisfy { $0.members.count == 1 && $0.members[0].actor == $0.id } }

    /// The corpus actor with the id.
    func group(_ id: String) -> Group? { groups.first { $0.id == id } }
}
