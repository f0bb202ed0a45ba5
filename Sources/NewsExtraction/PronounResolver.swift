import NewsModel

/// Resolves third-person pronouns to the most recent compatible actor, as simple coreference
/// systems do (Hobbs's recency baseline without a parse):
/// - `he`, `him`, `his`, `himself` → a person not known to be female;
/// - `she`, `her`, `hers`, `herself` → a person not known to be male;
/// - `they`, `them`, `their`, `theirs`, `themselves` → a group, or an organisation;
/// - `its`, `itself`, and `it` before a cue verb (`it said`) → an organisation.
///
/// A pronoun outside a quotation looks only at mentions outside quotations (inside one, "he"
/// is usually someone the speaker talks about), and no further back than three paragraphs. A
/// person whose gender was unknown takes the gender of the first pronoun resolved to them.
/// First- and second-person pronouns are not resolved: inside a quotation they are the
/// speaker and the addressee, which the statement already records.
struct PronounResolver {
    let analyzed: AnalyzedText

    enum Want {
        case male, female, plural, neuter
    }

    static let pronouns: [String: Want] = [
        "he": .male, "him": .male, "his": .male, "himself": .male,
        "she": .female, "her": .female, "hers": .female, "herself": .female,
        "they": .plural, "them": .plural, "their": .plural, "theirs": .plural, "themselves": .plural,
        "its": .neuter, "itself": .neuter, "it": .neuter,
    ]

    func resolve(into set: inout MentionSet) {
        let tokens = analyzed.tokens
        set.sort()
        let base = set.mentions
        var chain: [MentionRecord] = []  // resolved pronouns, in text order
        var baseCursor = 0
        for sentence in analyzed.sentences {
            for t in sentence.tokens {
                while baseCursor < base.count, base[baseCursor].tokens.lowerBound < t { baseCursor += 1 }
                guard tokens[t].has(.pronoun), let want = Self.pronouns[tokens[t].text], set.mention(at: t) == nil else { continue }
                if tokens[t].text == "it" {
                    guard t + 1 < tokens.count, Lexicon.shared.cueVerb(tokens[t + 1]) != nil else { continue }
                }
                guard !analyzed.isQuoted(t) else { continue }
                let block = Int(analyzed.tokenBlock[t])
                // Walk back through names and resolved pronouns together, most recent first.
                var b = baseCursor - 1
                var c = chain.count - 1
                var seen = 0
                var found: MentionRecord?
                while seen < 30, b >= 0 || c >= 0 {
                    let mention: MentionRecord
                    if c >= 0, b < 0 || chain[c].tokens.lowerBound > base[b].tokens.lowerBound {
                        mention = chain[c]
                        c -= 1
                    } else {
                        mention = base[b]
                        b -= 1
                    }
                    seen += 1
                    if block - Int(analyzed.tokenBlock[mention.tokens.lowerBound]) > 3 { break }
                    let entity = set.entities[mention.entity]
                    guard !entity.name.isEmpty, !analyzed.isQuoted(mention.tokens.lowerBound) else { continue }
                    if Self.compatible(want, entity) {
                        found = mention
                        break
                    }
                }
                guard let candidate = found else { continue }
                if want == .male, set.entities[candidate.entity].gender == .unknown {
                    set.entities[candidate.entity].gender = .male
                }
                if want == .female, set.entities[candidate.entity].gender == .unknown {
                    set.entities[candidate.entity].gender = .female
                }
                chain.append(MentionRecord(tokens: t..<(t + 1), range: tokens[t].start..<tokens[t].end, form: .pronoun,
                                           entity: candidate.entity))
            }
        }
        for mention in chain { set.add(mention) }
    }

    static func compatible(_ want: Want, _ entity: Entity) -> Bool {
        switch want {
        case .male: return entity.kind == .person && entity.gender != .female
        case .female: return entity.kind == .person && entity.gender != .male
        case .plural: return entity.kind == .group || entity.kind == .organization
        case .neuter: return entity.kind == .organization
        }
    }
}
