import NewsModel

/// Matches name candidates to entities: the same name, a surname of a person named in full
/// (`Homan` → Tom Homan, the most recent such person when two share it), an acronym of an
/// organisation's initials (`DHS`, `ICE`) or in brackets after its name, a part of a longer
/// organisation name (`Homeland Security` → Department of Homeland Security); a new entity
/// otherwise. Candidates without a type that match nothing are left out: a capitalised word
/// alone is not yet an actor.
struct EntityBuilder {
    let analyzed: AnalyzedText
    let candidates: [MentionFinder.Candidate]
    let lexicon = Lexicon.shared
    /// Entity by name or alias, exactly as written.
    private(set) var byName: [String: Int] = [:]

    init(analyzed: AnalyzedText, candidates: [MentionFinder.Candidate]) {
        self.analyzed = analyzed
        self.candidates = candidates
    }

    /// The text of a candidate's name, apostrophes as written.
    func name(_ range: Range<Int>) -> String { analyzed.text(tokens: range) }

    mutating func build(into set: inout MentionSet) {
        let tokens = analyzed.tokens
        // Full names of people, by surname, for surnames that come before or after them.
        var fullNames: [String: [Int]] = [:]
        for (index, candidate) in candidates.enumerated() where candidate.kind == .person && candidate.tokens.count >= 2 {
            fullNames[tokens[candidate.tokens.upperBound - 1].text, default: []].append(index)
        }
        // Organisations by the initials of their capitalised words.
        var acronyms: [String: Int] = [:]
        for (index, candidate) in candidates.enumerated() where candidate.kind == .organization && candidate.tokens.count >= 2 {
            let initials = String(candidate.tokens.compactMap { t -> Character? in
                tokens[t].isCapitalized ? Character(String(analyzed.scalars[tokens[t].start])) : nil
            })
            if initials.count >= 2, acronyms[initials] == nil { acronyms[initials] = index }
        }
        for (index, candidate) in candidates.enumerated() {
            let text = name(candidate.tokens)
            var entity: Int?
            if let known = byName[text] {
                entity = known
            } else if candidate.tokens.count == 1 {
                let word = tokens[candidate.tokens.lowerBound]
                if let people = fullNames[word.text], candidate.kind != .place {
                    // The latest person named in full before this mention, else the first after it.
                    let before = people.last { $0 < index } ?? people.first!
                    entity = entityFor(candidates[before], into: &set)
                } else if word.isAllCaps, let full = acronyms[analyzed.original(candidate.tokens.lowerBound)] {
                    entity = entityFor(candidates[full], into: &set)
                }
            }
            if entity == nil, candidate.kind == .organization, let container = containingOrganization(text, set) {
                entity = container
            }
            if entity == nil, candidate.kind != nil { entity = entityFor(candidate, into: &set) }
            guard let entity else { continue }
            set.entities[entity].addAlias(text)
            if candidate.gender != .unknown { set.entities[entity].gender = candidate.gender }
            if let title = candidate.title {
                addRole(title, qualifier: candidate.qualifier, to: entity, into: &set)
            }
            set.add(MentionRecord(tokens: candidate.tokens, range: analyzed.scalarRange(tokens: candidate.tokens),
                                  form: .name, entity: entity))
            bracketedAcronym(after: candidate.tokens, entity: entity, into: &set)
            if set.entities[entity].kind == .organization { nestedPerson(in: candidate.tokens, into: &set) }
        }
    }

    /// The entity a candidate names, created when new.
    mutating func entityFor(_ candidate: MentionFinder.Candidate, into set: inout MentionSet) -> Int {
        let text = name(candidate.tokens)
        if let known = byName[text] { return known }
        let kind = candidate.kind ?? .person
        var gender = candidate.gender
        if kind == .person, gender == .unknown {
            gender = lexicon.firstNames[analyzed.original(candidate.tokens.lowerBound)] ?? .unknown
        }
        var entity = Entity(name: text, kind: kind, gender: gender, isNamed: true)
        if kind == .organization { entity.head = head(of: candidate.tokens) }
        if kind == .person, candidate.tokens.count >= 2 {
            entity.addAlias(analyzed.original(candidate.tokens.upperBound - 1))
        }
        set.entities.append(entity)
        let index = set.entities.count - 1
        byName[text] = index
        return index
    }

    /// An organisation's head noun, for descriptions: the word before `of`, else the last word.
    func head(of range: Range<Int>) -> String {
        let tokens = analyzed.tokens
        if let of = range.first(where: { tokens[$0].text == "of" }), of > range.lowerBound {
            return tokens[of - 1].text
        }
        return tokens[range.upperBound - 1].text
    }

    /// A person named inside an organisation's name — a first name and a surname before its
    /// organisation word (`The Megyn Kelly Show`, `the Bill Smith Foundation`).
    mutating func nestedPerson(in range: Range<Int>, into set: inout MentionSet) {
        let tokens = analyzed.tokens
        guard range.count >= 3 else { return }
        for t in range.lowerBound..<(range.upperBound - 2) where tokens[t].has(.firstName) {
            guard lexicon.firstNames[analyzed.original(t)] != nil, tokens[t + 1].isCapitalized,
                !tokens[t + 1].has(.organization), tokens[t + 2].has(.organization)
            else { continue }
            let words = t..<(t + 2)
            let person = MentionFinder.Candidate(tokens: words, kind: .person, gender: .unknown)
            let entity = entityFor(person, into: &set)
            set.addNested(MentionRecord(tokens: words, range: analyzed.scalarRange(tokens: words), form: .name, entity: entity))
            return
        }
    }

    /// An organisation already known whose name holds `text` as whole words.
    func containingOrganization(_ text: String, _ set: MentionSet) -> Int? {
        guard text.count >= 4 else { return nil }
        for (index, entity) in set.entities.enumerated() where entity.kind == .organization && entity.name.count > text.count {
            if entity.name.hasSuffix(" " + text) || entity.name.hasPrefix(text + " ") { return index }
        }
        return nil
    }

    /// `Immigration and Customs Enforcement (ICE)`: the acronym becomes an alias.
    mutating func bracketedAcronym(after range: Range<Int>, entity: Int, into set: inout MentionSet) {
        let tokens = analyzed.tokens
        let open = range.upperBound
        guard open + 2 < tokens.count, tokens[open].text == "(", tokens[open + 2].text == ")",
            tokens[open + 1].isAllCaps
        else { return }
        let acronym = analyzed.original(open + 1)
        set.entities[entity].addAlias(acronym)
        byName[acronym] = entity
        set.add(MentionRecord(tokens: (open + 1)..<(open + 2), range: analyzed.scalarRange(tokens: (open + 1)..<(open + 2)),
                              form: .name, entity: entity))
    }

    /// Records a title as a role of `entity`, with the organisation or place its qualifier names.
    mutating func addRole(
        _ title: (text: String, range: Range<Int>, alias: Bool), qualifier: Range<Int>?, to entity: Int,
        into set: inout MentionSet
    ) {
        var organization: Int?
        var place: Int?
        var roleRange = title.range
        if let qualifier {
            let text = name(qualifier)
            var target = byName[text]
            if target == nil, let end = lexicon.place(at: qualifier.lowerBound, in: analyzed.tokens, scalars: analyzed.scalars,
                                                       before: qualifier.upperBound), end == qualifier.upperBound
            {
                let candidate = MentionFinder.Candidate(tokens: qualifier, kind: .place, gender: .unknown)
                target = entityFor(candidate, into: &set)
                set.add(MentionRecord(tokens: qualifier, range: analyzed.scalarRange(tokens: qualifier), form: .name,
                                      entity: target!))
            } else if target == nil, qualifier.count <= 4 {
                let candidate = MentionFinder.Candidate(tokens: qualifier, kind: .organization, gender: .unknown)
                target = entityFor(candidate, into: &set)
                set.add(MentionRecord(tokens: qualifier, range: analyzed.scalarRange(tokens: qualifier), form: .name,
                                      entity: target!))
            }
            if let target {
                if set.entities[target].kind == .place { place = target } else { organization = target }
            }
            roleRange = analyzed.tokens[qualifier.lowerBound].start..<title.range.upperBound
        }
        let roleText = title.text
        if !set.entities[entity].roles.contains(where: { $0.title == roleText }) {
            set.entities[entity].roles.append(
                Entity.RoleRecord(title: roleText, range: roleRange, organization: organization, place: place))
        }
        if title.alias {
            set.entities[entity].addAlias(roleText)
            if roleRange != title.range { set.entities[entity].addAlias(analyzed.text(roleRange)) }
        }
    }

    /// The place in the dateline, as a mention of a place actor.
    mutating func addDateline(_ dateline: TextReader.Dateline, into set: inout MentionSet) {
        let first = analyzed.firstToken(atOrAfter: dateline.start)
        var last = first
        let placeEnd = dateline.start + dateline.place.unicodeScalars.count
        while last < analyzed.tokens.count, analyzed.tokens[last].end <= placeEnd { last += 1 }
        guard last > first else { return }
        let written = dateline.place
        // "MINNEAPOLIS" is the place "Minneapolis" the body names.
        let existing = set.entities.firstIndex { $0.kind == .place && $0.name.uppercased() == written.uppercased() }
        let entity: Int
        if let existing {
            entity = existing
        } else {
            let name = written.split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: " ")
            set.entities.append(Entity(name: name, kind: .place, gender: .unknown, isNamed: true))
            entity = set.entities.count - 1
            byName[name] = entity
        }
        set.entities[entity].addAlias(written)
        set.add(MentionRecord(tokens: first..<last, range: analyzed.scalarRange(tokens: first..<last), form: .name,
                              entity: entity))
    }

    /// In a heading, mentions of names, surnames and aliases the body already has.
    mutating func matchKnownNames(in range: Range<Int>, into set: inout MentionSet) {
        let tokens = analyzed.tokens
        var t = range.lowerBound
        while t < range.upperBound {
            guard tokens[t].isCapitalized, set.mention(at: t) == nil else {
                t += 1
                continue
            }
            var matched = false
            for length in stride(from: min(4, range.upperBound - t), through: 1, by: -1) {
                let words = t..<(t + length)
                if let entity = byName[name(words)] ?? aliasMatch(name(words), set) {
                    set.add(MentionRecord(tokens: words, range: analyzed.scalarRange(tokens: words), form: .name, entity: entity))
                    t += length
                    matched = true
                    break
                }
            }
            if !matched { t += 1 }
        }
    }

    /// The named entity with this alias (a surname), if exactly one has it.
    func aliasMatch(_ text: String, _ set: MentionSet) -> Int? {
        let matches = set.entities.indices.filter { set.entities[$0].isNamed && set.entities[$0].aliases.contains(text) }
        return matches.count == 1 ? matches[0] : nil
    }
}
