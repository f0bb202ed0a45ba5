import NewsModel

/// The sieves that attribute reported speech, one cue at a time in text order (see
/// ``AttributionSieves`` for where they run):
/// - `according-to`: `According to X, …` / `…, according to X.` (0.85);
/// - `reported-cue-after`: `…, Homan said Wednesday.` and `…, said Homan.` (0.9);
/// - `reported-interrupted`: `A widespread pullout, Homan said, will occur …`: two spans (0.85);
/// - `reported-subject-cue`: `X said (that) …`, `X told Y (that) …`, `X argues …` (0.85; 0.7 for a
///   verb with other senses, 0.6 for a verb of thought);
/// - `reported-participle`: `…, saying (that) …`: the speaker of the clause it hangs on (0.7);
/// - `reported-coordinated`: `… and added that …`: the speaker of the cue before (0.8).
///
/// Content runs from the cue (after `that`, an addressee, or a colon) to the end of the clause:
/// the sentence's end (its final punctuation left out unless a quotation closes after it), or
/// before `, saying`, `and added that`, `, according to`, `;`. A negated cue (`did not say`) and
/// a cue inside the content of a statement already found attribute nothing. A quotation inside
/// the content makes the statement `partial`, with the quotation as its fragment.
extension AttributionSieves {
    /// Prepositions and time words that start an adjunct after a cue, not its content.
    static let adjunctStarts: Set<String> = [
        "in", "on", "at", "during", "of", "to", "about", "after", "before", "from", "with", "via", "through", "last",
        "this", "earlier", "late", "early", "when", "while", "as", "later", "recently", "yesterday", "today", "tonight",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "afterward", "afterwards",
        "again", "repeatedly", "publicly", "privately", "then", "too", "also", "over", "inside", "outside", "under",
    ]

    /// Auxiliaries and copulas that show a clause of its own after a phrase.
    static let clauseVerbs: Set<String> = [
        "is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "can", "should", "might", "may",
        "must", "did", "does", "do",
    ]

    static let objectPronouns: Set<String> = ["him", "her", "them", "me", "us", "you", "reporters", "journalists"]

    mutating func reportedSpeech() {
        var covered = [Bool](repeating: false, count: analyzed.tokens.count)
        for item in items {
            for range in item.content { mark(range, in: &covered) }
        }
        for c in cues.indices where !usedCue[c] && !covered[cues[c].tokens.lowerBound] && (usesLearned || !cues[c].isLearned) {
            let before = items.count
            if cues[c].isAccordingTo {
                accordingTo(c)
            } else {
                reported(c)
            }
            for item in items[before...] {
                for range in item.content { mark(range, in: &covered) }
            }
        }
    }

    private func mark(_ range: Range<Int>, in covered: inout [Bool]) {
        var t = analyzed.firstToken(atOrAfter: range.lowerBound)
        while t < analyzed.tokens.count, analyzed.tokens[t].start < range.upperBound {
            covered[t] = true
            t += 1
        }
    }

    /// `X said (that) …` and its inverted and interrupted forms; `, saying …`; `and added …`.
    mutating func reported(_ c: Int) {
        let cue = cues[c]
        let tokens = analyzed.tokens
        let bounds = analyzed.sentences[cue.sentence].tokens
        let start = cue.tokens.lowerBound
        guard let verb = cue.verb, !isNegated(start, bounds) else { return }
        let previous = start > bounds.lowerBound ? tokens[start - 1].text : ""
        if tokens[start].text.hasSuffix("ing"), previous == "," {
            participle(c)
            return
        }
        if previous == "and" || previous == "but" || (previous == "also" && start - 2 >= bounds.lowerBound && tokens[start - 2].text == "and") {
            coordinated(c)
            return
        }
        // "ads supporting Rubio", "a group backing Bush": a participle that modifies a noun.
        if tokens[start].text.hasSuffix("ing"),
            !["is", "are", "was", "were", "been", "be", "'s", "'re", "also", "now", "still", "keeps", "kept", "started", "began"].contains(previous)
        {
            return
        }
        guard let subject = phrases.subject(before: start, sentence: bounds, mentions: &mentions) else {
            invertedAfter(c)
            return
        }
        let forward = forwardContent(c)
        let beforeSubject = subject.tokens.lowerBound - 1
        let tail = tailEnd(after: cue.tokens.upperBound, bounds: bounds, objectVerb: verb.takesObject)
        // "Clinton is “the most dishonest candidate,” Pence said": a clause that ends in a
        // quotation closed after its comma, the subject after it.
        let quotedClauseEnd = beforeSubject > bounds.lowerBound + 2 && tokens[beforeSubject].kind == .quote
            && tokens[beforeSubject - 1].text == "," && analyzed.isQuoted(beforeSubject - 2)
            && !analyzed.isQuoted(bounds.lowerBound)
        let subjectAfterClause = beforeSubject > bounds.lowerBound + 1
            && (tokens[beforeSubject].text == "," || tokens[beforeSubject].kind == .dash)
            && !analyzed.isQuoted(beforeSubject - 1)
        if subjectAfterClause || quotedClauseEnd, tail.isAdjunct {
            let first = contentStart(bounds.lowerBound, upTo: beforeSubject)
            guard first < beforeSubject else { return }
            var spans = [first..<(quotedClauseEnd ? beforeSubject + 1 : beforeSubject)]
            var rule = "reported-cue-after"
            var confidence = 0.9
            if tail.end < bounds.upperBound, tokens[tail.end].text == "," {
                let second = tail.end + 1
                let end = clauseEnd(from: second, bounds: bounds)
                if end > second {
                    spans.append(second..<end)
                    rule = "reported-interrupted"
                    confidence = 0.85
                }
            }
            make(c, spans: spans, subject: subject, rule: rule, confidence: confidence)
            return
        }
        guard let forward else { return }
        // A passive ("was written", "were told") makes its subject what was said, not who said it.
        if isPassive(start, bounds) { return }
        var confidence = 0.85
        let complement = forward.lowerBound > cue.tokens.upperBound && tokens[forward.lowerBound - 1].text == "that"
        if verb.isWeak && !complement { confidence = 0.7 }
        if verb.isBelief { confidence = 0.6 }
        make(c, spans: [forward], subject: subject, rule: "reported-subject-cue", confidence: confidence)
    }

    /// `…, said Homan.`: a cue after a comma with its speaker after it.
    mutating func invertedAfter(_ c: Int) {
        let cue = cues[c]
        let tokens = analyzed.tokens
        let bounds = analyzed.sentences[cue.sentence].tokens
        let start = cue.tokens.lowerBound
        guard start - 1 > bounds.lowerBound, tokens[start - 1].text == ",",
            let phrase = phrases.phrase(startingAt: cue.tokens.upperBound, sentence: bounds, mentions: &mentions),
            phrase.tokens.lowerBound == cue.tokens.upperBound
        else { return }
        let tail = tailEnd(after: phrase.tokens.upperBound, bounds: bounds, objectVerb: false)
        guard tail.isAdjunct || tail.end >= bounds.upperBound || tokens[tail.end].isTerminal else { return }
        // "…, said Clinton's response to Trump was undercut": the phrase is a clause's subject.
        if (phrase.tokens.upperBound..<tail.end).contains(where: { tokens[$0].has(.clauseVerb) }) { return }
        let first = contentStart(bounds.lowerBound, upTo: start - 1)
        guard first < start - 1 else { return }
        make(c, spans: [first..<(start - 1)], subject: phrase, rule: "reported-cue-after", confidence: 0.9)
    }

    /// `According to X, …` and `…, according to X.`
    mutating func accordingTo(_ c: Int) {
        let cue = cues[c]
        let tokens = analyzed.tokens
        let bounds = analyzed.sentences[cue.sentence].tokens
        guard var phrase = phrases.phrase(startingAt: cue.tokens.upperBound, sentence: bounds, mentions: &mentions) else {
            return
        }
        // "according to a statement from the White House": the speaker is who issued it.
        var after = phrase.tokens.upperBound
        if after + 1 < bounds.upperBound, ["from", "by", "of"].contains(tokens[after].text),
            let issuer = phrases.phrase(startingAt: after + 1, sentence: bounds, mentions: &mentions), issuer.entity != nil
        {
            phrase = SpeakerPhrases.Phrase(tokens: phrase.tokens.lowerBound..<issuer.tokens.upperBound, entity: issuer.entity,
                                           coSpeakers: issuer.coSpeakers, form: issuer.form)
            after = issuer.tokens.upperBound
        }
        let content: Range<Int>
        if contentStart(bounds.lowerBound, upTo: cue.tokens.lowerBound) == cue.tokens.lowerBound {
            // At the start: the content follows the comma after the source.
            var k = after
            while k < bounds.upperBound, tokens[k].text != ",", k - after < 12 { k += 1 }
            guard k < bounds.upperBound, tokens[k].text == "," else { return }
            content = (k + 1)..<clauseEnd(from: k + 1, bounds: bounds)
        } else {
            var end = cue.tokens.lowerBound
            if end > bounds.lowerBound, tokens[end - 1].text == "," { end -= 1 }
            content = contentStart(bounds.lowerBound, upTo: end)..<end
        }
        guard content.count >= 2 else { return }
        make(c, spans: [content], subject: phrase, rule: "according-to", confidence: 0.85)
    }

    /// `…, saying (that) …`: the speaker is that of the statement or the subject before it.
    mutating func participle(_ c: Int) {
        let cue = cues[c]
        let bounds = analyzed.sentences[cue.sentence].tokens
        guard let content = forwardContent(c) else { return }
        if let index = lastItem(endingIn: cue.sentence), (items[index].cue?.lowerBound ?? 0) < cue.tokens.lowerBound {
            let previous = items[index]
            let phrase = SpeakerPhrases.Phrase(tokens: previous.speaker ?? cue.tokens, entity: previous.entity,
                                               coSpeakers: previous.coSpeakers, form: .name)
            make(c, spans: [content], subject: phrase, rule: "reported-participle", confidence: 0.7, speakerSpan: previous.speaker)
            return
        }
        guard let subject = nearestSubject(before: cue.tokens.lowerBound, bounds: bounds) else { return }
        make(c, spans: [content], subject: subject, rule: "reported-participle", confidence: 0.65)
    }

    /// `… and added that …`: the speaker of the cue before it in the sentence, or else the
    /// nearest actor before it that can be a subject (`Rubio thanked Miami and said …`).
    mutating func coordinated(_ c: Int) {
        let cue = cues[c]
        // "and questions about …": a noun after "and", not a second verb.
        if let verb = cue.verb, SpeakerPhrases.nounLike.contains(verb.lemma),
            analyzed.tokens[cue.tokens.lowerBound].text == verb.lemma || analyzed.tokens[cue.tokens.lowerBound].text == verb.lemma + "s"
        {
            return
        }
        guard let content = forwardContent(c) else { return }
        if let index = lastItem(endingIn: cue.sentence), (items[index].cue?.lowerBound ?? 0) < cue.tokens.lowerBound {
            let previous = items[index]
            let phrase = SpeakerPhrases.Phrase(tokens: previous.speaker ?? cue.tokens, entity: previous.entity,
                                               coSpeakers: previous.coSpeakers, form: .name)
            make(c, spans: [content], subject: phrase, rule: "reported-coordinated", confidence: 0.8, speakerSpan: previous.speaker)
            return
        }
        let bounds = analyzed.sentences[cue.sentence].tokens
        guard let subject = nearestSubject(before: cue.tokens.lowerBound, bounds: bounds) else { return }
        make(c, spans: [content], subject: subject, rule: "reported-coordinated", confidence: 0.7)
    }

    /// The subject of the clause a participle or a second verb hangs on: the first actor of the
    /// sentence before token `limit` that can be a subject — not a place, not governed by a
    /// preposition, a verb or a possessive, not a possessive or object pronoun ("Huma Abedin …
    /// emailed supporters, telling them …": Abedin, not the supporters).
    func nearestSubject(before limit: Int, bounds: Range<Int>) -> SpeakerPhrases.Phrase? {
        let tokens = analyzed.tokens
        var t = max(bounds.lowerBound, limit - 40)
        while t < limit {
            if let mention = mentions.mention(at: t), !analyzed.isQuoted(t), mention.tokens.lowerBound == t {
                let entity = mentions.entities[mention.entity]
                let governed = t > bounds.lowerBound
                    && (tokens[t - 1].has(.preposition) || tokens[t - 1].text == "'s"
                        || (lexicon.cueVerb(tokens[t - 1]) != nil))
                let possessor = mention.tokens.upperBound < bounds.upperBound && tokens[mention.tokens.upperBound].text == "'s"
                if entity.kind != .place, !governed, !possessor,
                    !["his", "her", "its", "their", "him", "them", "themselves", "himself", "herself"].contains(tokens[t].text)
                {
                    return SpeakerPhrases.Phrase(tokens: mention.tokens, entity: mention.entity, form: mention.form)
                }
                t = mention.tokens.upperBound
                continue
            }
            t += 1
        }
        return nil
    }

    /// Whether a form of `be` stands before the cue, adverbs between: a passive (`was written`).
    func isPassive(_ start: Int, _ bounds: Range<Int>) -> Bool {
        let tokens = analyzed.tokens
        guard !tokens[start].text.hasSuffix("ing") else { return false }
        var k = start - 1
        while k >= bounds.lowerBound, start - k <= 3 {
            let text = tokens[k].text
            if ["is", "are", "was", "were", "be", "been", "being"].contains(text) { return true }
            if !(text.hasSuffix("ly") || ["also", "not", "never", "first", "later", "widely"].contains(text)) { return false }
            k -= 1
        }
        return false
    }

    /// Whether a `not`, `n't` or `never` stands just before the cue.
    func isNegated(_ start: Int, _ bounds: Range<Int>) -> Bool {
        let tokens = analyzed.tokens
        var k = start - 1
        while k >= max(bounds.lowerBound, start - 3) {
            let text = tokens[k].text
            if text == "not" || text == "never" || text.hasSuffix("n't") || text == "no" { return true }
            k -= 1
        }
        return false
    }

    /// Where the words after a cue that are not its content end (an addressee, a time, a venue:
    /// `said Wednesday`, `told reporters`, `said of the ongoing protests`), and whether they are
    /// only such words: the next `,`, terminal or quotation, at most 10 tokens on.
    func tailEnd(after start: Int, bounds: Range<Int>, objectVerb: Bool) -> (end: Int, isAdjunct: Bool) {
        let tokens = analyzed.tokens
        var t = start
        while t < bounds.upperBound, t - start < 10 {
            let token = tokens[t]
            if token.text == "," || token.isTerminal || token.kind == .quote || token.text == ";" { break }
            if token.text == "that" { return (t, false) }
            t += 1
        }
        if t - start >= 10 { return (t, false) }
        guard t > start else { return (t, true) }
        // Words that run into a quotation are its lead-in: content, not an adjunct.
        if t < bounds.upperBound, tokens[t].kind == .quote { return (t, false) }
        let first = tokens[start]
        let adjunct = first.has(.adjunctStart) || first.has(.objectPronoun)
            || objectVerb && mentions.mention(at: start) != nil && t - start <= 4
        return (t, adjunct)
    }

    /// The content after a cue: after `that`, an addressee or a colon, to the clause's end.
    func forwardContent(_ c: Int) -> Range<Int>? {
        let cue = cues[c]
        let tokens = analyzed.tokens
        let bounds = analyzed.sentences[cue.sentence].tokens
        guard let verb = cue.verb else { return nil }
        var k = cue.tokens.upperBound
        // The addressee of "told", "warned", "asked".
        if verb.takesObject, k < bounds.upperBound {
            if let mention = mentions.mention(at: k), mention.form != .pronoun || tokens[k].has(.objectPronoun) {
                k = mention.tokens.upperBound
            } else if tokens[k].has(.objectPronoun) {
                k += 1
            }
        }
        // "that" within a few words: "said in a statement Wednesday that …".
        var look = k
        var sawThat: Int?
        while look < min(bounds.upperBound, k + 10) {
            let token = tokens[look]
            if token.text == "that" {
                sawThat = look
                break
            }
            if token.kind == .quote || token.isTerminal || token.text == ";" || Lexicon.shared.cueVerb(token) != nil { break }
            look += 1
        }
        let between = sawThat.map { k..<$0 }
        if let that = sawThat, let between,
            between.isEmpty || tokens[between.lowerBound].has(.adjunctStart)
                || mentions.mention(at: between.lowerBound) != nil || tokens[between.lowerBound].text == ","
        {
            k = that + 1
        } else if k < bounds.upperBound, tokens[k].text == ":" || tokens[k].text == "," {
            k += 1
        } else if verb.isWeak || verb.isBelief {
            // A verb with other senses needs a clause: a subject-like start or a quotation.
            guard k < bounds.upperBound else { return nil }
            let first = tokens[k]
            let subjectLike = ["he", "she", "they", "it", "we", "i", "you", "there", "this", "the", "a", "an", "his", "her",
                               "their", "its", "our"].contains(first.text) || first.isCapitalized || first.kind == .quote
            let infinitive = verb.takesInfinitive && first.text == "to"
            if !subjectLike && !infinitive && !(verb.takesNounPhrase && !verb.isBelief) { return nil }
        }
        guard k < bounds.upperBound else { return nil }
        // "wants to run", "urged voters to stay home": an infinitive after the verb or its object.
        if verb.takesInfinitive, tokens[k].text != "to", sawThat == nil, k + 1 < bounds.upperBound,
            mentions.mention(at: k) != nil || tokens[k].has(.objectPronoun)
        {
            var o = k
            while o < min(bounds.upperBound, k + 5), tokens[o].text != "to" { o += 1 }
            if o < bounds.upperBound, tokens[o].text == "to" { k = o }
        }
        if verb.takesInfinitive, sawThat == nil, let to = infinitiveAfterTime(k, bounds: bounds) { k = to }
        let infinitive = tokens[k].text == "to" && verb.takesInfinitive
        if tokens[k].has(.adjunctStart) && sawThat == nil && !verb.takesNounPhrase && !infinitive { return nil }
        let end = clauseEnd(from: k, bounds: bounds)
        let words = tokens[k..<end].filter(\.isWordLike).count
        // One word is content only as an answer: "said no", "said so". "Said nothing" reports
        // silence, not speech.
        guard words >= 2 || (words == 1 && ["yes", "no", "so"].contains(tokens[k].text)) else { return nil }
        if tokens[k].text == "nothing" { return nil }
        return k..<end
    }

    /// The `to` of an infinitive after a day or month that dates the cue, not its content:
    /// `voted Monday to reopen`, `agreed on Tuesday to raise`, `promised last week to cut`.
    func infinitiveAfterTime(_ k: Int, bounds: Range<Int>) -> Int? {
        let tokens = analyzed.tokens
        var t = k
        if t < bounds.upperBound, ["on", "in", "last", "this", "early", "late"].contains(tokens[t].text) { t += 1 }
        guard t < bounds.upperBound, tokens[t].has(.weekdayOrMonth) || ["week", "month", "year"].contains(tokens[t].text),
            t > k || tokens[t].has(.weekdayOrMonth)
        else { return nil }
        t += 1
        if t < bounds.upperBound, tokens[t].kind == .number { t += 1 }
        return t < bounds.upperBound && tokens[t].text == "to" ? t : nil
    }

    /// The first token of a clause that runs to `limit`: skips a leading conjunction or dateline.
    func contentStart(_ start: Int, upTo limit: Int) -> Int {
        var k = start
        while k < limit, ["but", "and", "so", "yet", "still"].contains(analyzed.tokens[k].text) { k += 1 }
        return k
    }

    /// One past the last token of the clause that starts at `start`.
    func clauseEnd(from start: Int, bounds: Range<Int>) -> Int {
        let tokens = analyzed.tokens
        var t = start
        while t < bounds.upperBound {
            let token = tokens[t]
            if token.text == ";" { break }
            if token.text == ",", !analyzed.isQuoted(t), t + 1 < bounds.upperBound {
                let next = tokens[t + 1]
                if next.text.hasSuffix("ing"), Lexicon.shared.cueVerb(next) != nil { break }
                // "Walz, who has criticized the surge, said …": the main clause's verb after an
                // appositive's closing comma.
                if let verb = Lexicon.shared.cueVerb(next), !verb.isWeak, next.text != verb.lemma { break }
                if next.text == "according", t + 2 < bounds.upperBound, tokens[t + 2].text == "to" { break }
                // ", he said." or ", Homan added." to the end.
                if t + 2 < bounds.upperBound, endsWithCue(from: t + 1, bounds: bounds) { break }
            }
            // ", but his colleague Ruth Alvarez said …": another speaker's statement starts.
            if token.text == "," || token.text == "but" || token.text == "while", !analyzed.isQuoted(t), t > start,
                startsAttribution(at: t + 1, bounds: bounds)
            {
                break
            }
            if token.text == "and" || token.text == "but", !analyzed.isQuoted(t) {
                var v = t + 1
                if v < bounds.upperBound, ["also", "then", "later"].contains(tokens[v].text) { v += 1 }
                if v + 1 < bounds.upperBound, Lexicon.shared.cueVerb(tokens[v]) != nil,
                    tokens[v + 1].text == "that" || tokens[v + 1].kind == .quote || tokens[v + 1].text == ":"
                {
                    break
                }
            }
            t += 1
        }
        var end = t
        // The sentence's final punctuation is not content, unless a quotation closes after it.
        if end == bounds.upperBound, end > start, tokens[end - 1].isTerminal { end -= 1 }
        while end > start, tokens[end - 1].text == "," || tokens[end - 1].kind == .dash { end -= 1 }
        return end
    }

    /// Whether a subject and a cue verb followed by more words start at `start` (`his
    /// colleague Ruth Alvarez said she …`): a mention or pronoun, then within six words a cue verb
    /// with content after it.
    func startsAttribution(at start: Int, bounds: Range<Int>) -> Bool {
        let tokens = analyzed.tokens
        var t = start
        if t < bounds.upperBound, ["but", "and", "while", "whereas"].contains(tokens[t].text) { t += 1 }
        var sawSubject = false
        let limit = min(bounds.upperBound - 2, t + 7)
        while t < limit {
            if analyzed.isQuoted(t) || tokens[t].text == "," || tokens[t].isTerminal { return false }
            if mentions.mention(at: t) != nil || tokens[t].has(.personalPronoun) {
                sawSubject = true
            } else if sawSubject, let verb = lexicon.cueVerb(tokens[t]), !verb.isWeak, !tokens[t].text.hasSuffix("ing") {
                return tokens[t + 1].isWordLike
            }
            t += 1
        }
        return false
    }

    /// Whether the words from `start` to the sentence end are a speaker and a cue (`he said`).
    func endsWithCue(from start: Int, bounds: Range<Int>) -> Bool {
        let tokens = analyzed.tokens
        var t = start
        while t < bounds.upperBound, t - start < 6 {
            if Lexicon.shared.cueVerb(tokens[t]) != nil, t > start {
                let rest = bounds.upperBound - t
                return rest <= 4 || tokens[(t + 1)..<bounds.upperBound].allSatisfy { !$0.isWordLike || $0.has(.adjunctStart) }
            }
            if !tokens[t].isWordLike { return false }
            t += 1
        }
        return false
    }

    /// Whether a relative clause describes the speaker of the cue after it (`Walz and Frey, both
    /// Democrats who have criticized the surge, said …`): its content ends at a comma before a
    /// cue verb. The clause is who the speaker is, not what was said.
    func describesSpeaker(_ subject: SpeakerPhrases.Phrase, _ spans: [Range<Int>]) -> Bool {
        guard subject.written != nil, let last = spans.last, last.upperBound + 1 < analyzed.tokens.count else { return false }
        let tokens = analyzed.tokens
        guard tokens[last.upperBound].text == ",", let verb = lexicon.cueVerb(tokens[last.upperBound + 1]) else { return false }
        return !verb.isWeak && !tokens[last.upperBound + 1].text.hasSuffix("ing")
    }

    /// Whether a learned or fallback cue's content is an occasion (`filed a lawsuit …`,
    /// `issued a statement …`): the occasion's own cue (`saying`, `that`) carries what was said.
    func namesOccasion(_ c: Int, _ spans: [Range<Int>]) -> Bool {
        guard cues[c].isLearned || lexicon.cueVerb(analyzed.tokens[cues[c].tokens.lowerBound]) == nil || cues[c].verb?.isWeak == true,
            let first = spans.first, first.lowerBound == cues[c].tokens.upperBound
        else { return false }
        let tokens = analyzed.tokens
        var t = first.lowerBound
        while t < min(first.upperBound, first.lowerBound + 3) {
            if tokens[t].has(.cueNounLast) { return true }
            guard tokens[t].has(.determiner) || !tokens[t].isCapitalized else { return false }
            t += 1
        }
        return false
    }

    /// Makes a reported (or partial) statement of the token ranges `spans`.
    mutating func make(
        _ c: Int, spans: [Range<Int>], subject: SpeakerPhrases.Phrase, rule: String, confidence: Double,
        speakerSpan: Range<Int>?? = nil
    ) {
        let cue = cues[c]
        guard !describesSpeaker(subject, spans), !namesOccasion(c, spans) else { return }
        let (entity, coSpeakers, certainty) = resolve(subject)
        var content: [Range<Int>] = []
        var quotes: [Range<Int>] = []
        for span in spans where !span.isEmpty {
            let range = analyzed.scalarRange(tokens: span)
            content.append(range)
            var q = analyzed.quotations.partitionIndex { $0.start < range.lowerBound }
            while q < analyzed.quotations.count, analyzed.quotations[q].start < range.upperBound {
                let quotation = analyzed.quotations[q]
                if !usedQuote[q], quotation.outerStart >= range.lowerBound, quotation.outerEnd <= range.upperBound {
                    quotes.append(quoteContent(quotation.pieces[0].inner))
                    usedQuote[q] = true
                }
                q += 1
            }
        }
        guard !content.isEmpty else { return }
        usedCue[c] = true
        var addressee: Int?
        if cue.verb?.takesObject == true, cue.tokens.upperBound < analyzed.tokens.count,
            let mention = mentions.mention(at: cue.tokens.upperBound), mention.form == .name
        {
            addressee = mention.entity
        }
        let sentenceRange = sentences(from: min(cue.tokens.lowerBound, spans[0].lowerBound), to: max(cue.tokens.upperBound, spans[spans.count - 1].upperBound) - 1)
        var item = Attribution(
            kind: quotes.isEmpty ? .reported : .partial, content: content, quotes: quotes, cue: cue.tokens,
            cueText: analyzed.text(tokens: cue.tokens), speaker: speakerSpan ?? subject.speakerWords, entity: entity,
            coSpeakers: coSpeakers, addressee: addressee, rule: rule, confidence: confidence * certainty,
            sentences: sentenceRange)
        item.certainty = certainty
        item.learnedCue = cue.isLearned
        addVenue(&item, near: cue.tokens)
        append(item)
    }
}
