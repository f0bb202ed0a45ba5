import NewsModel

/// The answer to `who is ACTOR`: one row per fact about the actor — name, kind, roles, party,
/// aliases, mentions, first mention, statements and events — as a two-column table.
///
/// Every profile has the same rows in the same order; a fact the article does not state is
/// `null`, as in every other table (`party: null`, `aliases: null`). Lists within a value are
/// joined with "; ", as in every text format.
struct Profile {
    let model: ArticleModel
    let tables: ModelTables

    /// The rows' field names, in order.
    static let fields = [
        "name", "id", "kind", "description", "roles", "party", "aliases", "mentions", "first mention", "statements",
        "quoted about", "events",
    ]

    /// The profile of `actor`.
    func table(for actor: Actor) -> Table {
        let names = tables.names
        var rows: [[Value]] = []
        func add(_ field: String, _ value: String?) { rows.append([.text(field), value.map(Value.text) ?? .null]) }
        func listed(_ ids: [String]) -> String? {
            ids.isEmpty ? nil : "\(ids.count): " + ids.joined(separator: ", ")
        }

        add("name", actor.name)
        add("id", actor.id)
        add("kind", actor.kind.rawValue)
        add("description", actor.description)
        add("roles", actor.roles.isEmpty ? nil : actor.roles.map { ModelTables.role($0, names) }.joined(separator: "; "))
        add("party", actor.party)
        add("aliases", actor.aliases.isEmpty ? nil : actor.aliases.joined(separator: "; "))
        let forms = Mention.Form.allCases.compactMap { form -> String? in
            let count = actor.mentions.filter { $0.form == form }.count
            return count == 0 ? nil : "\(count) \(form.rawValue)"
        }
        add("mentions", "\(actor.mentions.count)" + (forms.isEmpty ? "" : " (\(forms.joined(separator: ", ")))"))
        add("first mention", actor.mentions.first.map { "¶\($0.span.paragraph) “\($0.span.text)” (\($0.id))" })
        add("statements", listed(model.statements.filter { $0.speakers.contains(actor.id) }.map(\.id)))
        add("quoted about", listed(model.statements.filter { (tables.statementAbout[$0.id] ?? []).contains(actor.id) }.map(\.id)))
        let events = model.events.compactMap { event -> String? in
            let roles = event.participants.filter { $0.actor == actor.id }.map(\.role.rawValue)
                + (event.place == actor.id ? ["place"] : []) + (event.claimants.contains(actor.id) ? ["claimed by"] : [])
            return roles.isEmpty ? nil : "\(event.id) (\(roles.joined(separator: ", ")))"
        }
        add("events", events.isEmpty ? nil : "\(events.count): " + events.joined(separator: "; "))
        return Table(columns: [.init("field", .text), .init("value", .text)], rows: rows, textFields: ["value"], noun: "fact")
    }
}
