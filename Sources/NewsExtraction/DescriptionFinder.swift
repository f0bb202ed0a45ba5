import NewsModel

/// Mentions that are not names: a title standing for the one person who holds it (`the border
/// czar`, `Trump’s border czar`), `the` with an organisation's head noun (`the department`, `the
/// administration`), and groups of people (`Minnesota officials`, `state and local officials`,
/// `protesters`).
///
/// A group is a plural noun of the group lexicon with the words before it that modify it (lower
/// case words that are not function words, `and` between two of them, at most three); groups
/// with the same words are one entity, and a bare noun (`officers`) is the latest group with that
/// noun. A capitalised word already mentioned (`Minnesota`) stays the place's mention; the
/// group's mention then covers the words after it.
struct DescriptionFinder {
    let analyzed: AnalyzedText
    let lexicon = Lexicon.shared

    /// Mentions found in this pass, added to the set at its end so that the set's mentions stay
    /// in text order for ``MentionSet/lastMention(before:limit:where:)`` while it runs.
    private struct Pending {
        var mentions: [MentionRecord] = []
        var covered: [Bool]

        mutating func add(_ mention: MentionRecord) {
            mentions.append(mention)
            for t in mention.tokens { covered[t] = true }
        }
    }

    func find(into set: inout MentionSet) {
        let tokens = analyzed.tokens
        set.sort()
        var pending = Pending(covered: [Bool](repeating: false, count: tokens.count))
        func isFree(_ t: Int) -> Bool { set.mention(at: t) == nil && !pending.covered[t] }
        // Titles held by exactly one named person.
        var titleHolders: [String: Int] = [:]
        var sharedTitles = Set<String>()
        for (index, entity) in set.entities.enumerated() where entity.kind == .person {
            for role in entity.roles {
                let title = role.title.lowercased()
                if let other = titleHolders[title], other != index { sharedTitles.insert(title) }
                titleHolders[title] = index
            }
        }
        for title in sharedTitles { titleHolders[title] = nil }
        var groups: [String: Int] = [:]
        var groupsByHead: [String: Int] = [:]
        for sentence in analyzed.sentences {
            var t = sentence.tokens.lowerBound
            while t < sentence.tokens.upperBound {
                let token = tokens[t]
                defer { t += 1 }
                guard token.kind == .word, isFree(t) else { continue }
                // A held title: the longest that ends here, not followed by a name.
                if let title = lexicon.title(endingAt: t, in: tokens, from: sentence.tokens.lowerBound) {
                    let words = analyzed.text(tokens: title.start..<(t + 1)).lowercased()
                    let nextIsName = t + 1 < sentence.tokens.upperBound && tokens[t + 1].isCapitalized
                        && set.mention(at: t + 1) != nil
                    if let holder = titleHolders[words], !nextIsName,
                        (title.start..<(t + 1)).allSatisfy(isFree)
                    {
                        pending.add(MentionRecord(tokens: title.start..<(t + 1), range: analyzed.scalarRange(tokens: title.start..<(t + 1)),
                                              form: .description, entity: holder))
                        continue
                    }
                }
                // "the department": the latest organisation with that head noun.
                if t > sentence.tokens.lowerBound, tokens[t - 1].text == "the", !token.isCapitalized,
                    token.has(.organization) || token.has(.organizationSuffix),
                    let latest = set.lastMention(before: t, limit: 60, where: { _, entity in
                        entity.kind == .organization && entity.head == token.text
                    })
                {
                    pending.add(MentionRecord(tokens: (t - 1)..<(t + 1), range: analyzed.scalarRange(tokens: (t - 1)..<(t + 1)),
                                              form: .description, entity: latest.entity))
                    continue
                }
                if token.has(.group) {
                    let words = group(endingAt: t, sentence: sentence.tokens, isFree: isFree,
                                      mentionStart: { set.mention(at: $0)?.tokens.lowerBound ?? $0 })
                    let key = analyzed.text(tokens: words.nameStart..<(t + 1)).lowercased()
                    let entity: Int
                    if let known = groups[key] {
                        entity = known
                    } else if words.nameStart == t, let latest = groupsByHead[token.text] {
                        entity = latest
                    } else {
                        var record = Entity(name: analyzed.text(tokens: words.nameStart..<(t + 1)), kind: .group,
                                            gender: .unknown, isNamed: false)
                        record.head = token.text
                        set.entities.append(record)
                        entity = set.entities.count - 1
                        groups[key] = entity
                    }
                    groupsByHead[token.text] = entity
                    pending.add(MentionRecord(tokens: words.start..<(t + 1), range: analyzed.scalarRange(tokens: words.start..<(t + 1)),
                                              form: .description, entity: entity))
                }
            }
        }
        for mention in pending.mentions { set.add(mention) }
    }

    /// The words of a group whose noun is token `head`: where its mention starts (the free words
    /// before the noun that modify it) and where its name starts (a place or organisation
    /// already mentioned before them included).
    private func group(endingAt head: Int, sentence: Range<Int>, isFree: (Int) -> Bool, mentionStart: (Int) -> Int)
        -> (start: Int, nameStart: Int)
    {
        let tokens = analyzed.tokens
        var start = head
        var modifiers = 0
        var nameStart = head
        while start > sentence.lowerBound, modifiers < 3 {
            let previous = tokens[start - 1]
            if previous.kind == .word, !previous.has(.common), Lexicon.shared.cueVerb(previous) == nil,
                !previous.text.hasSuffix("ly"), previous.text != "'s"
            {
                if !isFree(start - 1) {
                    nameStart = mentionStart(start - 1)
                    break
                }
                start -= 1
                nameStart = start
                modifiers += 1
            } else if previous.text == "and", start - 2 > sentence.lowerBound, modifiers > 0,
                tokens[start - 2].kind == .word, !tokens[start - 2].has(.common), isFree(start - 2)
            {
                start -= 2
                nameStart = start
                modifiers += 1
            } else {
                break
            }
        }
        return (start, nameStart)
    }
}
