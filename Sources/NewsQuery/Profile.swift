import NewsModel

/// The answer to `who is ACTOR`: one row per fact about the actor — name, kind, roles, party,
/// aliases, mentions, first mention, statements, events and the articles they are in — as a
/// two-column table.
///
/// Every profile has the same rows in the same order; a fact the article does not state is
/// `null`, as in every other table (`party: null`, `aliases: null`). Lists within a value are
/// joined with "; ", as in every text format. In a corpus the actor is the corpus actor: its
/// facts gathered from every article that has it, record ids written `ARTICLE/ID`.
struct Profile {
    let context: EvaluationContext
    /// The articles a scoped query sees (`nil`: all).
    var scope: Set<Int>? = nil

    /// The rows' field names, in order.
    static let fields = [
        "name", "id", "kind", "description", "roles", "party", "aliases", "mentions", "first mention", "statements",
        "quoted about", "events", "articles",
    ]

    /// The shape of a profile: its fields, without rows.
    static let shape = Table(columns: [.init("field", .text), .init("value", .text)], rows: [], textFields: ["value"], noun: "fact")

    /// The profile of `actor` (a corpus actor, as the resolver returns it) in memory.
    func table(for actor: Actor, shapeOnly: Bool = false) -> Table {
        guard !shapeOnly else { return Self.shape }
        let members: [(model: ArticleModel, actor: String)]
        if context.models.count == 1 {
            members = [(context.models[0], actor.id)]
        } else {
            members = (context.actors.group(actor.id)?.members ?? [])
                .filter { scope?.contains($0.article) ?? true }
                .map { (context.models[$0.article], $0.actor) }
        }
        return Self.table(for: actor, members: members, names: { context.actorName($0) }, single: context.models.count == 1)
    }

    /// The profile of `actor` from its members: each article that has it, with the actor's id
    /// there. `names` gives a corpus actor's name (for roles); `single` writes record ids bare.
    /// How many items a list in a profile shows before it says how many more there are.
    static let listLimit = 20

    static func table(for actor: Actor, members: [(model: ArticleModel, actor: String)], names: (String) -> String?,
                      single: Bool = false) -> Table {
        var rows: [[Value]] = []
        func add(_ field: String, _ value: String?) { rows.append([.text(field), value.map(Value.text) ?? .null]) }
        // A long list shows its first items and says how many more there are and the query
        // that lists them all: a profile stays readable without hiding anything.
        func listed(_ items: [String], separator: String = ", ", all query: String) -> String? {
            guard !items.isEmpty else { return nil }
            guard items.count > Self.listLimit + 5 else { return "\(items.count): " + items.joined(separator: separator) }
            return "\(items.count): " + items.prefix(Self.listLimit).joined(separator: separator)
                + "\(separator)… \(items.count - Self.listLimit) more (all: \(query))"
        }
        var mentions: [Mention] = [], statements: [String] = [], about: [String] = [], events: [String] = []
        var first: String?
        var perArticle: [String] = []
        for (model, local) in members {
            func qualified(_ id: String) -> String { single ? id : "\(model.article.id)/\(id)" }
            guard let own = model.actor(local) else { continue }
            let tables = ModelTables(model: model)
            mentions += own.mentions
            if first == nil, let mention = own.mentions.first {
                first = (single ? "" : "\(model.article.id) ") + "¶\(mention.span.paragraph) “\(mention.span.text)” (\(mention.id))"
            }
            let spoken = model.statements.filter { $0.speakers.contains(local) }.map(\.id)
            statements += spoken.map(qualified)
            about += model.statements.filter { (tables.statementAbout[$0.id] ?? []).contains(local) }.map { qualified($0.id) }
            events += model.events.compactMap { event -> String? in
                let roles = event.participants.filter { $0.actor == local }.map(\.role.rawValue)
                    + (event.place == local ? ["place"] : []) + (event.claimants.contains(local) ? ["claimed by"] : [])
                return roles.isEmpty ? nil : "\(qualified(event.id)) (\(roles.joined(separator: ", ")))"
            }
            perArticle.append("\(model.article.id) (\(spoken.count) statement\(spoken.count == 1 ? "" : "s"), "
                + "\(own.mentions.count) mention\(own.mentions.count == 1 ? "" : "s"))")
        }
        let roleNames: [String: String] = Dictionary(
            actor.roles.flatMap { [$0.organization, $0.place].compactMap { $0 } }.compactMap { id in names(id).map { (id, $0) } },
            uniquingKeysWith: { first, _ in first })
        add("name", actor.name)
        add("id", actor.id)
        add("kind", actor.kind.rawValue)
        add("description", actor.description)
        add("roles", actor.roles.isEmpty ? nil : actor.roles.map { ModelTables.role($0, roleNames) }.joined(separator: "; "))
        add("party", actor.party)
        add("aliases", actor.aliases.isEmpty ? nil : actor.aliases.joined(separator: "; "))
        let forms = Mention.Form.allCases.compactMap { form -> String? in
            let count = mentions.filter { $0.form == form }.count
            return count == 0 ? nil : "\(count) \(form.rawValue)"
        }
        add("mentions", "\(mentions.count)" + (forms.isEmpty ? "" : " (\(forms.joined(separator: ", ")))"))
        add("first mention", first)
        add("statements", listed(statements, all: "quotes by \(actor.id)"))
        add("quoted about", listed(about, all: "quotes | where about = \(actor.id)"))
        add("events", listed(events, separator: "; ", all: "events involving \(actor.id)"))
        add("articles", listed(perArticle, separator: "; ", all: "quotes by \(actor.id) | count by article"))
        return Table(columns: shape.columns, rows: rows, textFields: ["value"], noun: "fact")
    }
}
