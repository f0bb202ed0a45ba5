import NewsModel

/// The sieves that attribute quotations (see ``AttributionSieves`` for their order).
extension AttributionSieves {
    /// The unused cue that starts at token `t`.
    func cue(startingAt t: Int) -> Int? {
        let index = cueIndex(at: t)
        guard let index, cues[index].tokens.lowerBound == t, !usedCue[index] else { return nil }
        return index
    }

    /// The cue whose tokens hold token `t`, by binary search.
    func cueIndex(at t: Int) -> Int? {
        var low = 0
        var high = cues.count
        while low < high {
            let middle = (low + high) / 2
            if cues[middle].tokens.upperBound <= t { low = middle + 1 } else { high = middle }
        }
        guard low < cues.count, cues[low].tokens.contains(t), usesLearned || !cues[low].isLearned else { return nil }
        return low
    }

    /// The token index of the quotation mark at scalar `offset`.
    func markToken(_ offset: Int) -> Int {
        analyzed.firstToken(atOrAfter: offset)
    }

    /// `“…,” Homan said` / `“…,” said Homan` / `“…,” the border czar said Wednesday`.
    mutating func quoteCueAfter(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        guard let close = quotation.pieces.last?.close else { return false }
        let tokens = analyzed.tokens
        let closeToken = markToken(close)
        guard let s = sentence(of: closeToken) else { return false }
        let bounds = analyzed.sentences[s].tokens
        var t = closeToken + 1
        if t < bounds.upperBound, tokens[t].text == "," { t += 1 }
        guard t < bounds.upperBound, !analyzed.isQuoted(t) else { return false }
        // The cue first: "said Homan".
        if let c = cue(startingAt: t), !cues[c].isAccordingTo,
            let phrase = phrases.phrase(startingAt: cues[c].tokens.upperBound, sentence: bounds, mentions: &mentions)
        {
            attributeQuotation(index, cue: c, phrase: phrase, rule: "quote-cue-after", confidence: 0.95, nearEnd: true)
            return true
        }
        // The speaker first: "Homan said", "the border czar said".
        var c = t + 1
        while c < min(bounds.upperBound, t + 12) {
            if let cueIndex = cue(startingAt: c), !cues[cueIndex].isAccordingTo {
                guard let phrase = phrases.subject(before: c, sentence: t..<bounds.upperBound, mentions: &mentions),
                    phrase.tokens.lowerBound == t
                else { return false }
                attributeQuotation(index, cue: cueIndex, phrase: phrase, rule: "quote-cue-after",
                                   confidence: phrase.form == .pronoun ? 0.9 : 0.95, nearEnd: true)
                return true
            }
            if tokens[c].text == ",", let appositive = cueAfterAppositive(comma: c, speaker: t, bounds: bounds) {
                attributeQuotation(index, cue: appositive.cue, phrase: appositive.phrase, rule: "quote-cue-after",
                                   confidence: 0.9, nearEnd: true)
                return true
            }
            if analyzed.isQuoted(c) || tokens[c].isTerminal || tokens[c].text == "," { return false }
            c += 1
        }
        return false
    }

    /// `“…,” Ada Quill, the board’s treasurer, said` / `“…,” Quill, who chairs the board, told
    /// reporters`: the speaker's phrase from token `speaker` to the comma at `comma`, an
    /// appositive or relative clause of at most fifteen tokens closed by a second comma, then an
    /// unused cue. The speaker is the subject ``SpeakerPhrases`` finds before the cue; it starts
    /// at `speaker` or after at most three lower-case words of a title there (`harbour chair`).
    mutating func cueAfterAppositive(comma: Int, speaker: Int, bounds: Range<Int>) -> (cue: Int, phrase: SpeakerPhrases.Phrase)? {
        let tokens = analyzed.tokens
        guard comma > speaker, mentions.mention(at: comma - 1) != nil else { return nil }
        var d = comma + 1
        while d < min(bounds.upperBound, comma + 16) {
            if analyzed.isQuoted(d) || tokens[d].isTerminal || tokens[d].kind == .quote { return nil }
            if tokens[d].text == "," { break }
            d += 1
        }
        guard d < bounds.upperBound - 1, d > comma + 1, tokens[d].text == ",",
            let c = cue(startingAt: d + 1), !cues[c].isAccordingTo
        else { return nil }
        guard let phrase = phrases.subject(before: d + 1, sentence: speaker..<bounds.upperBound, mentions: &mentions),
            phrase.entity != nil, phrase.tokens.lowerBound >= speaker, phrase.tokens.lowerBound - speaker <= 3,
            // Only a title's words before the phrase: "harbour chair Ada Quill, …".
            (speaker..<phrase.tokens.lowerBound).allSatisfy({ tokens[$0].kind == .word && !tokens[$0].isCapitalized && cueIndex(at: $0) == nil })
        else { return nil }
        return (c, phrase)
    }

    /// `Homan said: “…”`, `McLaughlin said “…”`, `she told reporters on Wednesday, “…”`.
    mutating func quoteCueBefore(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        guard let open = quotation.pieces[0].open else { return false }
        let tokens = analyzed.tokens
        let openToken = markToken(open)
        guard openToken > 0, let s = sentence(of: openToken) else { return false }
        // The cue is in the same sentence, or ends the paragraph before with a colon
        // ("Cruz continued:" and the quotation as the next paragraph).
        let block = Int(analyzed.tokenBlock[openToken])
        let opensBlock = analyzed.blockTokens[block].lowerBound == openToken
        let previousEndsWithColon = opensBlock && block > 0 && tokens[openToken - 1].text == ":"
            && Int(analyzed.tokenBlock[openToken - 1]) == block - 1
        guard sentence(of: openToken - 1) == s || previousEndsWithColon,
            let cueSentence = sentence(of: openToken - 1)
        else { return false }
        let bounds = analyzed.sentences[cueSentence].tokens
        var k = openToken - 1
        let marked = tokens[k].text == ":" || tokens[k].text == ","
        let colon = tokens[k].text == ":" ? k : nil
        if marked { k -= 1 }
        var j = k
        while j >= max(bounds.lowerBound, k - 8) {
            if analyzed.isQuoted(j) || tokens[j].text == "that" || tokens[j].isTerminal { return false }
            if let c = cueIndex(at: j), !usedCue[c], !cues[c].isAccordingTo, cues[c].tokens.upperBound - 1 == j {
                // A verb with other senses introduces a quotation only with a colon or comma.
                if cues[c].verb?.isWeak == true || cues[c].verb?.isBelief == true, !marked { return false }
                guard let phrase = phrases.subject(before: cues[c].tokens.lowerBound, sentence: bounds, mentions: &mentions)
                else { return false }
                attributeQuotation(index, cue: c, phrase: phrase, rule: "quote-cue-before", confidence: 0.9, nearEnd: false,
                                   sameSentence: !previousEndsWithColon)
                return true
            }
            j -= 1
        }
        // "Kerry: “By law, …”" — a name alone before a colon speaks; so does a name after a
        // dash that closes a newsletter's heading ("FARES HOLD - Ada Quill: “…”").
        if let colon, k >= bounds.lowerBound, let mention = mentions.mention(at: k), mention.form == .name,
            mention.tokens.upperBound == colon,
            let start = nameAloneStart(phrases.extendLeft(from: mention.tokens.lowerBound, sentence: bounds, mentions: mentions),
                                       bounds: bounds),
            mentions.entities[mention.entity].kind != .place
        {
            let phrase = SpeakerPhrases.Phrase(tokens: start..<colon, entity: mention.entity, form: .name)
            attributeQuotation(index, cueTokens: colon..<(colon + 1), cue: nil, phrase: phrase, rule: "quote-colon-speaker",
                               confidence: 0.8, nearEnd: false, sameSentence: !previousEndsWithColon)
            return true
        }
        return false
    }

    /// Where a speaker's name that starts at token `start` stands alone: at its sentence's start,
    /// or after a dash (and `More from`) that ends a heading run into the paragraph, as
    /// newsletters write `HEADING - NAME: “…”`. Nil when other words stand before it.
    func nameAloneStart(_ start: Int, bounds: Range<Int>) -> Int? {
        if start == bounds.lowerBound { return start }
        let tokens = analyzed.tokens
        var k = start
        if k - 2 >= bounds.lowerBound, tokens[k - 2].text == "more", tokens[k - 1].text == "from" { k -= 2 }
        guard k - 1 > bounds.lowerBound, ["-", "–", "—", "―", "--"].contains(tokens[k - 1].text) else { return nil }
        return start
    }

    /// A cue and its subject elsewhere in the quotation's sentence (at most 40 tokens away).
    mutating func quoteInSentence(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        let first = analyzed.firstToken(atOrAfter: quotation.start)
        guard let s = sentence(of: first) else { return false }
        let bounds = analyzed.sentences[s].tokens
        let last = analyzed.firstToken(atOrAfter: quotation.end)
        let window = max(bounds.lowerBound, first - 40)..<min(bounds.upperBound, last + 40)
        for t in window where !analyzed.isQuoted(t) {
            guard let c = cue(startingAt: t), !cues[c].isAccordingTo, cues[c].verb?.isBelief != true,
                let phrase = phrases.subject(before: t, sentence: bounds, mentions: &mentions)
            else { continue }
            attributeQuotation(index, cue: c, phrase: phrase, rule: "quote-in-sentence", confidence: 0.75,
                               nearEnd: t > first)
            return true
        }
        return false
    }

    /// A quotation that is a sentence of its own, right after an attributed sentence of the
    /// same paragraph, continues that statement's speaker.
    mutating func quoteContinuesSentence(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        let first = analyzed.firstToken(atOrAfter: quotation.start)
        guard let s = sentence(of: first), s > 0, isQuoteOnly(sentence: s),
            analyzed.sentences[s - 1].block == analyzed.sentences[s].block,
            let previous = lastItem(endingIn: s - 1)
        else { return false }
        inherit(index, from: items[previous], rule: "quote-continues-sentence", confidence: 0.85)
        return true
    }

    /// A paragraph of quotations alone takes the speaker of the previous paragraph's last
    /// statement, when that statement ends the paragraph.
    mutating func quoteOnlyParagraph(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        let block = quotation.pieces[0].block
        guard block > 0, analyzed.blocks[block - 1].kind == .body, isQuoteOnly(block: block) else { return false }
        let first = analyzed.firstToken(atOrAfter: quotation.start)
        guard let s = sentence(of: first) else { return false }
        // The statement ending the sentence before: in the previous paragraph, or earlier in this one.
        guard s > 0, let previous = lastItem(endingIn: s - 1) else { return false }
        let previousBlock = analyzed.sentences[s - 1].block
        guard previousBlock == block - 1 || previousBlock == block else { return false }
        inherit(index, from: items[previous], rule: "quote-only-paragraph", confidence: 0.7)
        return true
    }

    /// Whether every word of sentence `s` is inside quotations.
    func isQuoteOnly(sentence s: Int) -> Bool {
        quoteOnlySentence[s]
    }

    /// Whether every word of a block is inside quotations.
    func isQuoteOnly(block: Int) -> Bool {
        quoteOnlyBlock[block]
    }

    /// The statement that ends latest in sentence `s`, if any.
    func lastItem(endingIn s: Int) -> Int? {
        itemEndingIn[s] >= 0 ? Int(itemEndingIn[s]) : nil
    }

    /// Adds a statement and records where it ends.
    mutating func append(_ item: Attribution) {
        items.append(item)
        let s = item.sentences.upperBound - 1
        let known = Int(itemEndingIn[s])
        if known >= 0, items[known].content[0].lowerBound > item.content[0].lowerBound { return }
        itemEndingIn[s] = Int32(items.count - 1)
    }

    /// Attributes quotation `index` to the speaker `phrase` of cue `c`: a statement for each of
    /// its paragraphs (the one next to the cue with `rule`, the others `quote-continues-paragraph`),
    /// and a second content span when the attribution interrupts it (`“…,” Homan said, “…”`).
    mutating func attributeQuotation(
        _ index: Int, cue c: Int, phrase: SpeakerPhrases.Phrase, rule: String, confidence: Double, nearEnd: Bool,
        sameSentence: Bool = true
    ) {
        attributeQuotation(index, cueTokens: cues[c].tokens, cue: c, phrase: phrase, rule: rule, confidence: confidence,
                           nearEnd: nearEnd, sameSentence: sameSentence)
    }

    /// ``attributeQuotation(_:cue:phrase:rule:confidence:nearEnd:sameSentence:)`` for a cue that
    /// may be no cue word (a colon); `sameSentence` is false when the cue ends the paragraph
    /// before, whose sentence the statement's sentences then leave out.
    mutating func attributeQuotation(
        _ index: Int, cueTokens: Range<Int>, cue c: Int?, phrase: SpeakerPhrases.Phrase, rule: String, confidence: Double,
        nearEnd: Bool, sameSentence: Bool
    ) {
        let quotation = analyzed.quotations[index]
        let (entity, coSpeakers, certainty) = resolve(phrase)
        if let c { usedCue[c] = true }
        usedQuote[index] = true
        let cueText = analyzed.text(tokens: cueTokens)
        let adjacent = nearEnd ? quotation.pieces.count - 1 : 0
        for (p, piece) in quotation.pieces.enumerated() {
            var content = [quoteContent(piece.inner)]
            var covered = sentences(covering: piece.inner)
            var pieceRule = rule
            var pieceConfidence = confidence * certainty
            if p == adjacent, sameSentence {
                let ends = [cueTokens.upperBound - 1, phrase.tokens.upperBound - 1]
                covered = covered.lowerBound..<max(covered.upperBound, (ends.compactMap { sentence(of: $0) }.max() ?? 0) + 1)
                if let s = ends.compactMap({ sentence(of: $0) }).min(), s < covered.lowerBound {
                    covered = s..<covered.upperBound
                }
                if nearEnd, p == quotation.pieces.count - 1, let next = interruptedContinuation(after: max(cueTokens.upperBound, phrase.tokens.upperBound)) {
                    content.append(quoteContent(analyzed.quotations[next].pieces[0].inner))
                    usedQuote[next] = true
                    covered = covered.lowerBound..<max(covered.upperBound, sentences(covering: analyzed.quotations[next].pieces[0].inner).upperBound)
                }
            } else if p != adjacent {
                pieceRule = "quote-continues-paragraph"
                pieceConfidence = 0.85 * certainty
            }
            var item = Attribution(
                kind: .direct, content: content, cue: p == adjacent ? cueTokens : nil, cueText: cueText,
                speaker: phrase.speakerWords, entity: entity, coSpeakers: coSpeakers,
                rule: pieceRule, confidence: pieceConfidence, sentences: covered, quotation: index)
            if p != adjacent { item.cue = cueTokens }
            item.certainty = certainty
            item.learnedCue = c.map { cues[$0].isLearned } ?? false
            addVenue(&item, near: cueTokens)
            append(item)
        }
    }

    /// After `“…,” Homan said,` a quotation that goes on in lower case in the same sentence
    /// continues the first: its index.
    func interruptedContinuation(after end: Int) -> Int? {
        let tokens = analyzed.tokens
        guard end < tokens.count, let s = sentence(of: end - 1) else { return nil }
        var t = end
        let bounds = analyzed.sentences[s].tokens
        // Skip a short trailing phrase ("of the ongoing protests", "on Wednesday").
        while t < bounds.upperBound, t - end < 8, tokens[t].text != ",", !analyzed.isQuoted(t), tokens[t].kind != .quote {
            t += 1
        }
        guard t + 1 < bounds.upperBound, tokens[t].text == ",", tokens[t + 1].kind == .quote else { return nil }
        let first = t + 2
        guard first < bounds.upperBound, let q = Optional(Int(analyzed.tokenQuote[first])), q >= 0, !usedQuote[q],
            !tokens[first].isCapitalized || tokens[first].text == "i"
        else { return nil }
        return q
    }

    /// Another statement of the same speaker continues: a quotation with no cue of its own.
    mutating func inherit(_ index: Int, from previous: Attribution, rule: String, confidence: Double) {
        let quotation = analyzed.quotations[index]
        usedQuote[index] = true
        for piece in quotation.pieces {
            var item = Attribution(
                kind: .direct, content: [quoteContent(piece.inner)], cue: previous.cue, cueText: previous.cueText,
                speaker: previous.speaker, entity: previous.entity, coSpeakers: previous.coSpeakers, addressee: previous.addressee,
                rule: rule, confidence: min(confidence, previous.confidence), sentences: sentences(covering: piece.inner),
                quotation: index)
            item.venue = previous.venue
            item.venueActor = previous.venueActor
            item.certainty = previous.certainty
            item.learnedCue = previous.learnedCue
            append(item)
        }
    }

    /// The venue named next to a cue: `in a statement`, `during a news conference`, `in an
    /// interview on “The Megyn Kelly Show”`, `on social media`.
    func addVenue(_ item: inout Attribution, near cue: Range<Int>) {
        let tokens = analyzed.tokens
        guard let s = sentence(of: cue.lowerBound) else { return }
        let bounds = analyzed.sentences[s].tokens
        var t = cue.upperBound
        while t < min(bounds.upperBound, cue.upperBound + 10) {
            if tokens[t].text == "that" || tokens[t].isTerminal { break }
            if tokens[t].has(.cueNounLast), let nouns = lexicon.cueNouns[tokens[t].text] {
                for noun in nouns {
                    let start = t - noun.words.count + 1
                    guard start >= cue.upperBound else { continue }
                    if (start..<(t + 1)).map({ tokens[$0].text }) == noun.words {
                        let words = start..<(t + 1)
                        item.venue = (analyzed.text(tokens: words), noun.kind, words)
                        // "an interview with NBC News", "an interview on The Megyn Kelly Show".
                        var a = t + 1
                        if a < bounds.upperBound, ["with", "on", "to"].contains(tokens[a].text) { a += 1 }
                        if a < bounds.upperBound, tokens[a].kind == .quote { a += 1 }
                        if a + 1 < bounds.upperBound, tokens[a].text == "the", mentions.mention(at: a) == nil { a += 1 }
                        if a < bounds.upperBound, let mention = mentions.mention(at: a) { item.venueActor = mention.entity }
                        return
                    }
                }
            }
            if tokens[t].text == "social", t + 1 < bounds.upperBound, tokens[t + 1].text == "media" {
                item.venue = ("social media", .post, t..<(t + 2))
                return
            }
            t += 1
        }
    }
}
