import NewsModel

/// The answer to `who is ACTOR`: one row per fact about the actor — name, kind, roles, party,
/// aliases, mentions, first mention, statements and events — as a two-column table.
struct Profile {
    let model: ArticleModel
    let tables: ModelTables

    /// The profile of `actor`.
    func table(for actor: Actor) -> Table {
        let names = Dictionary(uniqueKeysWithValues: model.actors.map { ($0.id, $0.name) })
        var rows: [[Value]] = []
        func add(_ field: String, _ value: String) { rows.append([.text(field), .text(value)]) }

        add("name", actor.name)
        add("id", actor.id)
        add("kind", actor.kind.rawValue)
        add("description", actor.description)
        add("roles", actor.roles.isEmpty ? "none stated" : actor.roles.map { ModelTables.role($0, names) }.joined(separator: "; "))
        add("party", actor.party ?? "not stated")
        add("aliases", actor.aliases.isEmpty ? "none" : actor.aliases.joined(separator: ", "))
        let forms = Mention.Form.allCases.compactMap { form -> String? in
            let count = actor.mentions.filter { $0.form == form }.count
            return count == 0 ? nil : "\(count) \(form.rawValue)"
        }
        add("mentions", "\(actor.mentions.count)" + (forms.isEmpty ? "" : " (\(forms.joined(separator: ", ")))"))
        if let first = actor.mentions.first {
            add("first mention", "¶\(first.span.paragraph) “\(first.span.text)” (\(first.id))")
        }
        let spoken = model.statements.filter { $0.speakers.contains(actor.id) }
        add("statements", spoken.isEmpty ? "none" : "\(spoken.count): " + spoken.map(\.id).joined(separator: ", "))
        let about = model.statements.filter { (tables.statementAbout[$0.id] ?? []).contains(actor.id) }
        if !about.isEmpty {
            add("quoted about", "\(about.count): " + about.map(\.id).joined(separator: ", "))
        }
        let events = model.events.compactMap { event -> String? in
            let roles = event.participants.filter { $0.actor == actor.id }.map(\.role.rawValue)
                + (event.place == actor.id ? ["place"] : []) + (event.claimedBy == actor.id ? ["claimed by"] : [])
            return roles.isEmpty ? nil : "\(event.id) (\(roles.joined(separator: ", ")))"
        }
        add("events", events.isEmpty ? "none" : "\(events.count): " + events.joined(separator: ", "))
        return Table(columns: [.init("field", .text), .init("value", .text)], rows: rows, textField: "value")
    }
}
