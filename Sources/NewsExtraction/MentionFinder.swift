import NewsModel

/// Phase 4, actors and mentions: names with their titles, typed person, organisation, group or
/// place; surname, acronym and title aliases; descriptions; groups; then pronouns
/// (``PronounResolver``).
///
/// Names are runs of capitalised words, joined by `of` (`Department of Homeland Security`), by
/// `and`, `for` or `’s` when an organisation word follows (`Immigration and Customs
/// Enforcement`, `Hennepin County Sheriff’s Office`), and by a lower-case `administration` or
/// `campaign` after a name (`Trump administration`). A leading common word is dropped (`The`,
/// `But`, `After`), and so are weekdays and months. A title inside the run (`President Donald
/// Trump`, `Minneapolis Mayor Jacob Frey`) or in lower case before it (`border czar Tom Homan`,
/// `White House press secretary Karoline Leavitt`) becomes a role of the person, with the words
/// before the title as the role's organisation or place, and the title an alias.
///
/// Types, first that applies: a place of the gazetteer; a name with an organisation word, or an
/// acronym; a name with a title or a known first name, or of two or three capitalised words; a
/// capitalised group noun (`Democrats`). A single unknown word is a person only when a title
/// stands before it or a cue verb after it, or when it is the surname of a person named in full
/// elsewhere in the article (`Homan` → Tom Homan); an acronym is the organisation whose initials
/// it spells (`DHS` → Department of Homeland Security).
struct MentionFinder {
    let analyzed: AnalyzedText
    let lexicon = Lexicon.shared

    /// A name as found in the text, before it is matched to an entity.
    struct Candidate {
        var tokens: Range<Int>
        var kind: Actor.Kind?
        var gender: Lexicon.Gender
        var title: (text: String, range: Range<Int>, alias: Bool)?
        /// The organisation or place words before the title ("Minneapolis", "White House").
        var qualifier: Range<Int>?
    }

    static let weekdaysAndMonths: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    ]

    /// Lower-case words that make a name before them an organisation ("Trump administration").
    static let organizationSuffixes: Set<String> = ["administration", "campaign", "government"]

    func find() -> MentionSet {
        var set = MentionSet(tokenCount: analyzed.tokens.count)
        var candidates: [Candidate] = []
        for sentence in analyzed.sentences where analyzed.blocks[sentence.block].kind == .body {
            candidates += names(in: sentence.tokens)
        }
        var builder = EntityBuilder(analyzed: analyzed, candidates: candidates)
        builder.build(into: &set)
        if let dateline = analyzed.read.dateline {
            builder.addDateline(dateline, into: &set)
        }
        // Headings are often in title case: they only repeat names the body has.
        for sentence in analyzed.sentences where analyzed.blocks[sentence.block].kind == .heading {
            builder.matchKnownNames(in: sentence.tokens, into: &set)
        }
        DescriptionFinder(analyzed: analyzed).find(into: &set)
        set.sort()
        PronounResolver(analyzed: analyzed).resolve(into: &set)
        set.sort()
        return set
    }

    /// The name candidates among `range`'s tokens.
    func names(in range: Range<Int>) -> [Candidate] {
        let tokens = analyzed.tokens
        var result: [Candidate] = []
        var i = range.lowerBound
        let firstWord = tokens[range].firstIndex { $0.kind == .word || $0.kind == .number } ?? range.lowerBound
        while i < range.upperBound {
            let token = tokens[i]
            guard token.kind == .word, token.isCapitalized, token.text != "i",
                !token.has(.weekdayOrMonth), !token.has(.group)
            else {
                i += 1
                continue
            }
            var j = i + 1
            while j < range.upperBound {
                let next = tokens[j]
                if next.kind == .word, next.isCapitalized, adjacent(j - 1, j),
                    !next.has(.weekdayOrMonth) || next.text == "may"
                {
                    j += 1
                } else if ["of", "de", "von", "van", "du", "der", "la"].contains(next.text), j + 1 < range.upperBound,
                    tokens[j + 1].isCapitalized, tokens[j + 1].kind == .word, adjacent(j - 1, j), adjacent(j, j + 1)
                {
                    j += 2
                } else if ["and", "&", "for", "'s", "on"].contains(next.text), j + 1 < range.upperBound,
                    tokens[j + 1].isCapitalized, tokens[j + 1].kind == .word,
                    runHasOrganizationWord(from: j + 1, to: range.upperBound),
                    next.text == "'s" || looksLikeNamePart(i..<j)
                {
                    j += 2
                } else {
                    break
                }
            }
            var run = i..<j
            // Leading common words: "The" at a sentence start, "But", "After"…
            while !run.isEmpty {
                let first = tokens[run.lowerBound]
                let initial = run.lowerBound == firstWord
                    || (run.lowerBound > range.lowerBound && tokens[run.lowerBound - 1].kind == .quote)
                let isPlace = lexicon.place(at: run.lowerBound, in: tokens, scalars: analyzed.scalars,
                                            before: run.upperBound) != nil
                // Inside a sentence a capitalised common word is part of a name ("New York", "The
                // Megyn Kelly Show"); at its start it is just the first word.
                if !isPlace, first.has(.common), initial || run.count == 1 {
                    run = (run.lowerBound + 1)..<run.upperBound
                } else {
                    break
                }
            }
            if !run.isEmpty {
                var candidate = Candidate(tokens: run, kind: nil, gender: .unknown)
                // "Trump administration", "O'Malley's campaign".
                var end = run.upperBound
                if end < range.upperBound, tokens[end].has(.organizationSuffix), run.count <= 3 {
                    candidate.tokens = run.lowerBound..<(end + 1)
                    candidate.kind = .organization
                    j = end + 1
                } else if end + 1 < range.upperBound, tokens[end].text == "'s",
                    tokens[end + 1].has(.organizationSuffix), run.count <= 3
                {
                    candidate.tokens = run.lowerBound..<(end + 2)
                    candidate.kind = .organization
                    j = end + 2
                }
                end = candidate.tokens.upperBound
                splitTitle(&candidate, sentence: range)
                if !candidate.tokens.isEmpty {
                    candidate.kind = candidate.kind ?? kind(of: candidate, sentenceStart: firstWord)
                    result.append(candidate)
                }
            }
            i = max(j, i + 1)
        }
        return result
    }

    /// Whether the words before an `and` or `for` can begin an organisation's name (`Immigration
    /// and Customs Enforcement`, `Center for American Progress`): at most three words, none a title
    /// or a first name, so `Mayor Paula Reyes and Harbor Authority` stays two names.
    func looksLikeNamePart(_ range: Range<Int>) -> Bool {
        guard range.count <= 3 else { return false }
        for t in range {
            if analyzed.tokens[t].has(.titleLast) || analyzed.tokens[t].has(.firstName) { return false }
        }
        return true
    }

    /// Whether only spaces (no line break, no punctuation) separate tokens `a` and `b`.
    func adjacent(_ a: Int, _ b: Int) -> Bool {
        let tokens = analyzed.tokens
        var offset = tokens[a].end
        while offset < tokens[b].start {
            if analyzed.scalars[offset] != " " { return false }
            offset += 1
        }
        return true
    }

    /// Whether the capitalised words from `start` include an organisation word.
    func runHasOrganizationWord(from start: Int, to limit: Int) -> Bool {
        var index = start
        while index < limit, analyzed.tokens[index].isCapitalized, index - start < 5 {
            if analyzed.tokens[index].has(.organization) { return true }
            index += 1
        }
        return false
    }

    /// Separates a title from the name it precedes, inside the run or in lower case before it.
    func splitTitle(_ candidate: inout Candidate, sentence: Range<Int>) {
        let tokens = analyzed.tokens
        let run = candidate.tokens
        guard candidate.kind != .organization else { return }
        if run.contains(where: { tokens[$0].has(.organization) }),
            tokens[run.upperBound - 1].has(.organization)
        {
            return
        }
        // A capitalised title inside the run: the last one with a name after it.
        var k = run.upperBound - 2
        while k >= run.lowerBound {
            // A title before one word that is not a name ("General Election") is part of a name.
            let single = k + 2 == run.upperBound
            let notAName = single && (tokens[k + 1].has(.eventKind) || tokens[k + 1].has(.common)
                || tokens[k + 1].has(.organization) || tokens[k + 1].has(.weekdayOrMonth))
            if let title = lexicon.title(endingAt: k, in: tokens, from: run.lowerBound),
                tokens[k + 1].isCapitalized, tokens[k + 1].text != "'s", !notAName
            {
                candidate.title = (analyzed.text(tokens: title.start..<(k + 1)), analyzed.scalarRange(tokens: title.start..<(k + 1)), false)
                candidate.gender = title.gender
                if title.start > run.lowerBound { candidate.qualifier = run.lowerBound..<title.start }
                candidate.tokens = (k + 1)..<run.upperBound
                return
            }
            k -= 1
        }
        // A title before the run, in lower case: "border czar Tom Homan".
        let before = run.lowerBound - 1
        if before >= sentence.lowerBound, tokens[before].kind == .word, !tokens[before].isCapitalized,
            let title = lexicon.title(endingAt: before, in: tokens, from: sentence.lowerBound)
        {
            candidate.title = (analyzed.text(tokens: title.start..<run.lowerBound), analyzed.scalarRange(tokens: title.start..<run.lowerBound), true)
            candidate.gender = title.gender
            // The capitalised words before the title name its organisation or place.
            var q = title.start
            while q > sentence.lowerBound, tokens[q - 1].isCapitalized, tokens[q - 1].kind == .word { q -= 1 }
            if q < title.start { candidate.qualifier = q..<title.start }
        }
    }

    /// The type a candidate's words suggest, or `nil` when they do not say (a lone unknown word).
    func kind(of candidate: Candidate, sentenceStart: Int) -> Actor.Kind? {
        let tokens = analyzed.tokens
        let run = candidate.tokens
        if let end = lexicon.place(at: run.lowerBound, in: tokens, scalars: analyzed.scalars, before: run.upperBound),
            end == run.upperBound
        {
            return .place
        }
        if run.contains(where: { tokens[$0].has(.organization) }) { return .organization }
        if run.count == 1, tokens[run.lowerBound].isAllCaps, tokens[run.lowerBound].text.count <= 6 { return .organization }
        if candidate.title != nil { return .person }
        let first = analyzed.original(run.lowerBound)
        if lexicon.firstNames[first] != nil, run.count >= 2 { return .person }
        if run.count == 1, tokens[run.lowerBound].has(.group) { return .group }
        if run.count >= 2, run.count <= 4,
            run.allSatisfy({ tokens[$0].kind == .word && (tokens[$0].isCapitalized || tokens[$0].text == "of") }),
            !run.contains(where: { tokens[$0].has(.common) })
        {
            return .person
        }
        if run.count == 1, run.upperBound < tokens.count, Lexicon.shared.cueVerb(tokens[run.upperBound]) != nil {
            return .person
        }
        return nil
    }
}
