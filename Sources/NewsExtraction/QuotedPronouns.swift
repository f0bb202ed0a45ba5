import NewsModel

/// First-person pronouns inside a speaker's own quoted words, resolved once the statements are
/// known: `I`, `me`, `my`, `myself` are the speaker; `we`, `us`, `our`, `ours`, `ourselves` are
/// whom the speaker speaks for, when the text says who that is — the organisation of a role it
/// gives the speaker (`Homeland Security spokesperson Tricia McLaughlin`), an organisation named
/// after the speaker (`Trump administration` for Trump), or the speaker itself when it is an
/// organisation or a group. Otherwise `we` stays unresolved: no guess. Second-person pronouns
/// are not resolved (whom a speaker addresses is seldom in the text).
extension AttributionSieves {
    static let firstPersonSingular: Set<String> = ["i", "me", "my", "myself", "mine"]
    static let firstPersonPlural: Set<String> = ["we", "us", "our", "ours", "ourselves"]

    /// Adds a pronoun mention for each first-person pronoun in the quotations of direct and
    /// partial statements.
    mutating func resolveQuotedPronouns() {
        let tokens = analyzed.tokens
        var plural: [Int: Int?] = [:]
        for item in items where item.kind != .reported {
            let ranges = item.kind == .direct ? item.content : item.quotes
            for range in ranges {
                var t = analyzed.firstToken(atOrAfter: range.lowerBound)
                while t < tokens.count, tokens[t].start < range.upperBound {
                    defer { t += 1 }
                    guard tokens[t].kind == .word, mentions.mention(at: t) == nil else { continue }
                    let entity: Int?
                    if Self.firstPersonSingular.contains(tokens[t].text) {
                        entity = mentions.entities[item.entity].kind == .person ? item.entity : nil
                    } else if Self.firstPersonPlural.contains(tokens[t].text) {
                        if plural[item.entity] == nil { plural[item.entity] = speaksFor(item.entity) }
                        entity = plural[item.entity] ?? nil
                    } else {
                        continue
                    }
                    guard let entity else { continue }
                    mentions.add(MentionRecord(tokens: t..<(t + 1), range: tokens[t].start..<tokens[t].end, form: .pronoun,
                                               entity: entity))
                }
            }
        }
    }

    /// Whom a speaker's `we` stands for, when the text says.
    func speaksFor(_ speaker: Int) -> Int? {
        let entity = mentions.entities[speaker]
        if entity.kind == .organization || entity.kind == .group { return speaker }
        guard entity.kind == .person, entity.isNamed else { return nil }
        if let organization = entity.roles.lazy.compactMap(\.organization).first { return organization }
        // "Trump administration", "the Walz campaign": an organisation named after the speaker.
        let surname = entity.name.split(separator: " ").last.map(String.init) ?? entity.name
        let named = mentions.entities.indices.filter { index in
            let other = mentions.entities[index]
            guard other.kind == .organization, other.isNamed, let head = other.name.split(separator: " ").last else { return false }
            return MentionFinder.organizationSuffixes.contains(String(head).lowercased())
                && other.name.split(separator: " ").dropLast().last.map(String.init) == surname
        }
        return named.count == 1 ? named[0] : nil
    }
}
