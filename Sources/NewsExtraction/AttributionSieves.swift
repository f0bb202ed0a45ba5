import NewsModel

/// One attribution found by a sieve, before it becomes a ``NewsModel/Statement``.
struct Attribution: Sendable {
    var kind: Statement.Kind
    /// The content, as scalar ranges (one per paragraph piece or interrupted part), in order.
    var content: [Range<Int>]
    /// For a partial statement, the quoted fragments inside the content.
    var quotes: [Range<Int>] = []
    /// The cue's tokens, when the cue is in the text near the content.
    var cue: Range<Int>?
    /// The cue as written (`said`); for a quotation that continues another's, the other's cue.
    var cueText: String
    /// The speaker phrase's tokens; for a quotation that continues another's statement, the
    /// other's (the words that name its speaker).
    var speaker: Range<Int>?
    var entity: Int
    var coSpeakers: [Int] = []
    var addressee: Int?
    /// The sieve that made it.
    var rule: String
    var confidence: Double
    /// The sentences (0-based, half-open) the attribution spans.
    var sentences: Range<Int>
    /// The quotation it attributes, for direct statements.
    var quotation: Int?
    var time: TimeReference = .unknown
    /// The venue noun and its event kind ("news conference", "interview").
    var venue: (text: String, kind: Event.Kind, tokens: Range<Int>)?
    /// The actor interviewing or hosting, for an interview ("NBC News").
    var venueActor: Int?
    /// How sure the sieve is of the speaker its phrase names (1 for a name; 0.8 for a resolved
    /// pronoun, 0.5 for an unresolved one).
    var certainty = 1.0
    /// Whether the cue is a learned one (``Cue/isLearned``).
    var learnedCue = false
    /// How the `cue-fallback` sieve found the speaker.
    var fallback: AttributionSieves.FallbackSpeaker?
    /// The statement model's features, when they were asked for; its probability.
    var features: [StatementClassifier.Feature] = []
    var probability: Double?
}

/// The attributions of an article and the mentions (with any speakers the sieves added).
struct AttributionResult: Sendable {
    var items: [Attribution]
    var mentions: MentionSet

    /// Gives each statement the time stated next to its cue (`said Wednesday`, `said during a
    /// news conference Wednesday`): a time expression between the cue and the end of the
    /// sentence that lies outside the content, or just before the cue.
    mutating func attachTimes(_ times: [TimeExpression], analyzed: AnalyzedText) {
        guard !times.isEmpty else { return }
        for index in items.indices {
            guard let cue = items[index].cue else { continue }
            let sentence = Int(analyzed.tokenSentence[cue.lowerBound])
            guard sentence >= 0 else { continue }
            let bounds = analyzed.sentences[sentence].tokens
            let content = items[index].content
            let window = max(bounds.lowerBound, cue.lowerBound - 3)..<min(bounds.upperBound, cue.upperBound + 8)
            let candidates = times.filter { time in
                window.contains(time.tokens.lowerBound)
                    && !content.contains { $0.contains(analyzed.tokens[time.tokens.lowerBound].start) }
            }
            if let nearest = candidates.min(by: { abs($0.tokens.lowerBound - cue.lowerBound) < abs($1.tokens.lowerBound - cue.lowerBound) }) {
                items[index].time = nearest.reference
            }
        }
        // A quotation that continues another's statement takes its time (¶22 of the seed).
        var timeByCue: [Int: TimeReference] = [:]
        for item in items where item.time != .unknown {
            if let cue = item.cue, timeByCue[cue.lowerBound] == nil { timeByCue[cue.lowerBound] = item.time }
        }
        for index in items.indices where items[index].time == .unknown {
            if let cue = items[index].cue, let time = timeByCue[cue.lowerBound] { items[index].time = time }
        }
    }
}

/// Phase 5b, speakers: sieves in order of reliability, like Stanford CoreNLP's quote
/// attribution and the Gender Gap Tracker's rules. Each sieve is small and named; a statement
/// records the sieve that found it (`rule`) and how sure it is (`confidence`).
///
/// The order:
/// 1. `quote-cue-after` — the cue right after a quotation, with its speaker: `“…,” Homan said`,
///    `“…,” said Homan`, `“…,” the border czar said` (0.95; a pronoun speaker 0.9);
/// 2. `quote-cue-before` — speaker and cue right before it: `Homan said: “…”`, `McLaughlin said
///    “…”`, `she told reporters on Wednesday, “…”`, or ending the paragraph before with a colon
///    (0.9); `quote-colon-speaker` — a name alone and a colon: `Kerry: “…”` (0.8);
/// 3. reported speech, each cue in text order (``ReportedSpeechSieves``): `according-to`,
///    `reported-cue-after` (`…, Homan said.`), `reported-interrupted` (`A widespread pullout,
///    Homan said, will occur…`), `reported-subject-cue` (`Minnesota officials say …`),
///    `reported-participle` (`…, saying …`), `reported-coordinated` (`… and added that …`); a
///    quotation inside reported content makes it `partial`;
/// 4. `quote-in-sentence` — a cue and its subject elsewhere in the quotation's sentence (0.75);
/// 5. `quote-continues-sentence` — a quotation that is a sentence of its own right after an
///    attributed sentence of the same paragraph takes its speaker (0.85);
/// 6. `quote-continues-paragraph` — the other paragraphs of a quotation that runs over several
///    take the speaker of the one next to the cue (0.85; made with sieves 1, 2 and 4);
/// 7. `quote-only-paragraph` — a paragraph of quotations alone, after a paragraph whose last
///    statement is a quotation or ends it, takes that speaker (0.7).
struct AttributionSieves {
    let analyzed: AnalyzedText
    var mentions: MentionSet
    let cues: [Cue]
    let phrases: SpeakerPhrases
    let lexicon = Lexicon.shared
    var items: [Attribution] = []
    /// Which cues and quotations a statement has taken.
    var usedCue: [Bool]
    var usedQuote: [Bool]
    /// The entity made for a speaker phrase that names nobody known, by its lower-case words.
    var described: [String: Int] = [:]
    /// For each sentence, the statement that ends latest in it.
    var itemEndingIn: [Int32]
    /// Named entities by name and alias (names that two entities share are left out).
    let aliasIndex: [String: Int]
    /// Whether all the words of each sentence, and of each block, are quoted.
    let quoteOnlySentence: [Bool]
    let quoteOnlyBlock: [Bool]
    /// Whether the sieves may take learned cues (the last passes).
    var usesLearned = false
    /// Whether to keep every candidate with its named features, to train the statement model.
    let keepsAllCandidates: Bool

    init(analyzed: AnalyzedText, mentions: MentionSet, keepsAllCandidates: Bool = false) {
        self.analyzed = analyzed
        self.mentions = mentions
        self.keepsAllCandidates = keepsAllCandidates
        self.cues = CueFinder(analyzed: analyzed).find()
        self.phrases = SpeakerPhrases(analyzed: analyzed)
        self.usedCue = [Bool](repeating: false, count: cues.count)
        self.usedQuote = [Bool](repeating: false, count: analyzed.quotations.count)
        self.itemEndingIn = [Int32](repeating: -1, count: analyzed.sentences.count)
        var index: [String: Int] = [:]
        var shared = Set<String>()
        for (e, entity) in mentions.entities.enumerated() where entity.isNamed && !entity.name.isEmpty {
            for name in [entity.name] + entity.aliases {
                if let other = index[name], other != e { shared.insert(name) }
                index[name] = e
            }
        }
        for name in shared { index[name] = nil }
        self.aliasIndex = index
        let tokens = analyzed.tokens
        self.quoteOnlySentence = analyzed.sentences.map { sentence in
            sentence.tokens.allSatisfy { !tokens[$0].isWordLike || analyzed.isQuoted($0) }
        }
        self.quoteOnlyBlock = analyzed.blockTokens.map { range in
            range.allSatisfy { !tokens[$0].isWordLike || analyzed.isQuoted($0) }
        }
    }

    mutating func run() -> AttributionResult {
        for index in analyzed.quotations.indices where isDirectCandidate(index) {
            if !quoteCueAfter(index) { _ = quoteCueBefore(index) }
        }
        headlineColons()
        headlineCues()
        transcriptColons()
        reportedSpeech()
        inSource()
        for index in analyzed.quotations.indices where !usedQuote[index] && isDirectCandidate(index) {
            if quoteDashSpeaker(index) { continue }
            if quoteInSentence(index) { continue }
            if quoteContinuesSentence(index) { continue }
            _ = quoteOnlyParagraph(index)
        }
        // Last, the learned cues: quotations still without a speaker, then reported speech.
        usesLearned = true
        for index in analyzed.quotations.indices where !usedQuote[index] && isDirectCandidate(index) {
            if !quoteCueAfter(index) { _ = quoteCueBefore(index) }
        }
        reportedSpeech()
        if keepsAllCandidates || StatementClassifier.shared.isTrained { fallback() }
        applyStatementModel(keepsAll: keepsAllCandidates)
        items.sort { ($0.content[0].lowerBound, $0.content[0].upperBound) < ($1.content[0].lowerBound, $1.content[0].upperBound) }
        for item in items {
            mentions.entities[item.entity].speaks = true
            for co in item.coSpeakers { mentions.entities[co].speaks = true }
        }
        resolveQuotedPronouns()
        mentions.sort()
        return AttributionResult(items: items, mentions: mentions)
    }

    // MARK: Shared helpers

    /// The sentence (0-based) holding token `t`, or nil.
    func sentence(of t: Int) -> Int? {
        let index = Int(analyzed.tokenSentence[t])
        return index >= 0 ? index : nil
    }

    /// The entity a speaker phrase names; for a phrase that names nobody known, a new entity
    /// (a person, group or organisation by its head word), or the author of a document
    /// (`The lawsuit` → who filed it).
    mutating func entity(for phrase: SpeakerPhrases.Phrase) -> (entity: Int, confidence: Double) {
        let resolved = resolve(phrase)
        return (resolved.entity, resolved.confidence)
    }

    /// The speaker a phrase names and its co-speakers (the phrase's, and a second conjunct's:
    /// `two school districts and a teachers union`).
    mutating func resolve(_ phrase: SpeakerPhrases.Phrase) -> (entity: Int, coSpeakers: [Int], confidence: Double) {
        guard let conjunct = phrase.conjunct else {
            let single = describe(phrase)
            return (single.entity, phrase.coSpeakers, single.confidence)
        }
        let first = describe(SpeakerPhrases.Phrase(tokens: conjunct, entity: phrase.conjunctEntity, form: .description))
        let second = describe(SpeakerPhrases.Phrase(tokens: phrase.secondConjunct ?? phrase.tokens, entity: phrase.entity,
                                                    form: phrase.form))
        let co = second.entity == first.entity ? [] : [second.entity]
        return (first.entity, co + phrase.coSpeakers, min(first.confidence, second.confidence))
    }

    /// The entity one conjunct names, made when new.
    mutating func describe(_ phrase: SpeakerPhrases.Phrase) -> (entity: Int, confidence: Double) {
        if let entity = phrase.entity { return (entity, 1) }
        let tokens = analyzed.tokens
        let head = tokens[phrase.tokens.upperBound - 1].text
        if phrase.form == .pronoun {
            let want = PronounResolver.pronouns[head] ?? .male
            if let found = mentions.lastMention(before: phrase.tokens.lowerBound, limit: 30, where: { mention, entity in
                !entity.name.isEmpty && !analyzed.isQuoted(mention.tokens.lowerBound) && PronounResolver.compatible(want, entity)
            }) {
                return (found.entity, 0.8)
            }
            return (unnamedSpeaker(head), 0.5)
        }
        if let author = documentAuthor(head, before: phrase.tokens.lowerBound) { return (author, 0.7) }
        var words = phrase.tokens
        if words.count > 1, ["a", "an", "the"].contains(tokens[words.lowerBound].text) {
            words = (words.lowerBound + 1)..<words.upperBound
        }
        let name = analyzed.text(tokens: words)
        if let known = aliasIndex[name] ?? aliasIndex[analyzed.text(tokens: phrase.tokens)] { return (known, 0.95) }
        let key = name.lowercased()
        if let known = described[key] { return (known, 0.85) }
        let kind: Actor.Kind
        let plural = (head.hasSuffix("s") && !head.hasSuffix("ss") && !head.hasSuffix("'s")) || head.hasSuffix("men")
            || head == "people"
        if lexicon.groupNouns.contains(head) || SpeakerPhrases.quantifiers.contains(head) || tokens[phrase.tokens.upperBound - 1].kind != .word
            || (plural && lexicon.cueNouns[String(head.dropLast())] == nil
            && !Self.sourceNouns.contains(head))
        {
            kind = .group
        } else if lexicon.titles[head] != nil || tokens[words.lowerBound].isCapitalized && words.count == 1 {
            kind = .person
        } else {
            kind = .organization
        }
        var record = Entity(name: name, kind: kind, gender: .unknown, isNamed: false)
        record.head = head
        mentions.entities.append(record)
        let entity = mentions.entities.count - 1
        described[key] = entity
        // The mention covers the words no other mention has ("school districts" after "Minnesota").
        var free = words
        while !free.isEmpty, free.contains(where: { mentions.mention(at: $0) != nil }) {
            free = (free.lowerBound + 1)..<free.upperBound
        }
        if !free.isEmpty {
            mentions.add(MentionRecord(tokens: free, range: analyzed.scalarRange(tokens: free), form: .description, entity: entity))
        }
        return (entity, 0.85)
    }

    /// One entity for every pronoun speaker that resolves to no one.
    mutating func unnamedSpeaker(_ pronoun: String) -> Int {
        let key = "\u{0}unnamed \(pronoun)"
        if let known = described[key] { return known }
        let kind: Actor.Kind = ["they", "we"].contains(pronoun) ? .group : .person
        mentions.entities.append(Entity(name: "unnamed speaker (“\(pronoun)”)", kind: kind, gender: .unknown, isNamed: false))
        described[key] = mentions.entities.count - 1
        return mentions.entities.count - 1
    }

    /// Who filed or issued a document the text names earlier (`filed a lawsuit`): the subject of
    /// that verb, for a phrase whose head is the document's noun.
    mutating func documentAuthor(_ head: String, before limit: Int) -> Int? {
        guard let kinds = lexicon.cueNouns[head], kinds.contains(where: { $0.kind == .lawsuit || $0.kind == .statement }) else {
            return nil
        }
        let tokens = analyzed.tokens
        let verbs: Set<String> = ["filed", "issued", "released", "published", "sent", "wrote", "brought", "submitted"]
        var t = limit - 1
        let floor = max(0, limit - 400)
        while t > floor {
            if tokens[t].text == head, t >= 2, verbs.contains(tokens[t - 2].text) || verbs.contains(tokens[t - 1].text) {
                let verb = verbs.contains(tokens[t - 2].text) ? t - 2 : t - 1
                if let s = sentence(of: verb),
                    let subject = phrases.subject(before: verb, sentence: analyzed.sentences[s].tokens, mentions: &mentions)
                {
                    return resolve(subject).entity
                }
                return nil
            }
            t -= 1
        }
        return nil
    }

    /// The content of a quotation piece without a trailing comma that joins it to its cue.
    func quoteContent(_ inner: Range<Int>) -> Range<Int> {
        var end = inner.upperBound
        while end > inner.lowerBound, [",", " ", ":", ";", "—", "–"].contains(analyzed.scalars[end - 1]) { end -= 1 }
        return inner.lowerBound..<max(end, inner.lowerBound + 1)
    }

    /// Whether a quotation can be a direct statement: not a scare-quoted word or a title inside
    /// a clause (`its “largest … ever”`, `on “The Megyn Kelly Show”`), which only reported speech
    /// may take as its quoted fragment.
    func isDirectCandidate(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        let tokens = analyzed.tokens
        let first = analyzed.firstToken(atOrAfter: quotation.start)
        var words = 0
        var t = first
        while t < tokens.count, tokens[t].start < quotation.end, words < 4 {
            if tokens[t].isWordLike { words += 1 }
            t += 1
        }
        guard let open = quotation.pieces[0].open else { return words >= 3 }
        let before = AnalyzedText.firstToken(tokens, atOrAfter: open, in: 0..<tokens.count) - 1
        // A line break before the mark is a boundary too ("― Sonya Herridge⏎“During …").
        let sameSentence = before >= 0 && analyzed.tokenSentence[before] >= 0
            && analyzed.tokenSentence[before] == analyzed.tokenSentence[min(first, tokens.count - 1)]
            && !analyzed.scalars[tokens[before].end..<open].contains("\n")
        if sameSentence {
            let previous = tokens[before]
            let afterCue = Lexicon.shared.cueVerb(previous) != nil
            if previous.isWordLike && !afterCue { return false }
        }
        return words >= 3 || (!sameSentence && words >= 1)
    }

    /// The sentence range from the sentence of token `a` to that of token `b`.
    func sentences(from a: Int, to b: Int) -> Range<Int> {
        let first = sentence(of: a) ?? sentence(of: b) ?? 0
        let last = sentence(of: b) ?? first
        return min(first, last)..<(max(first, last) + 1)
    }

    /// The sentences holding a scalar range.
    func sentences(covering range: Range<Int>) -> Range<Int> {
        let first = analyzed.firstToken(atOrAfter: range.lowerBound)
        var last = analyzed.firstToken(atOrAfter: range.upperBound) - 1
        if last < first { last = first }
        return sentences(from: min(first, analyzed.tokens.count - 1), to: min(last, analyzed.tokens.count - 1))
    }
}
