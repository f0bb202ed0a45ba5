import NewsModel

/// The sieves for attributions without a cue word: a speaker and a colon (`Graham: Trump’s
/// rhetoric is destroying …` in a headline, `Kerry: “By law, …”` in the body), and a source
/// named by `In a … poll,` at the start of a sentence.
///
/// - `headline-colon` (0.8): a heading or title whose first one to six words name a speaker and
///   end in a colon; the content is the rest of the heading.
/// - `quote-colon-speaker` (0.8): a quotation right after `NAME:` at the start of its sentence,
///   or at the start of a paragraph after one that ends with `NAME:` (made in `quoteCueBefore`,
///   which also takes `Cruz continued:` ending the paragraph before a quotation).
/// - `transcript-colon` (0.75): `PENCE: Well, look, …` opening a paragraph (``transcriptColons()``).
/// - `headline-cue` (0.75): a title-case heading with a cue verb (``headlineCues()``).
/// - `in-source` (0.7): `In a CNN poll released Monday, Clinton led …`: the poll, survey,
///   study or report is the source, the clause after the comma the content.
extension AttributionSieves {
    /// Head nouns of documents and measurements that can be a source after `In`.
    /// (Statements, interviews and posts are venues: "In a statement, X said …" has its own cue.)
    static let sourceNouns: Set<String> = [
        "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "analysis", "census", "data",
        "forecast", "forecasts", "projection", "projections", "estimate", "estimates", "average", "ranking", "rankings",
    ]

    /// `Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance` as a heading.
    mutating func headlineColons() {
        let tokens = analyzed.tokens
        for (s, sentence) in analyzed.sentences.enumerated() where isHeadline(sentence) {
            let bounds = sentence.tokens
            guard let colon = bounds.prefix(7).first(where: { tokens[$0].text == ":" }), colon > bounds.lowerBound,
                colon + 2 < bounds.upperBound, tokens[bounds.lowerBound].isCapitalized,
                (bounds.lowerBound..<colon).allSatisfy({
                    (tokens[$0].isWordLike || tokens[$0].text == "'s" || tokens[$0].text == ".") && lexicon.cueVerb(tokens[$0]) == nil
                })
            else { continue }
            let phrase = SpeakerPhrases.Phrase(tokens: bounds.lowerBound..<colon, entity: mentionEntity(bounds.lowerBound..<colon),
                                               form: .name)
            var end = bounds.upperBound
            if tokens[end - 1].isTerminal { end -= 1 }
            let content = (colon + 1)..<end
            guard tokens[content].filter(\.isWordLike).count >= 2 else { continue }
            makeUncued(spans: [content], subject: phrase, sentences: s..<(s + 1), rule: "headline-colon", confidence: 0.8)
        }
    }

    /// `Glenn Beck Says Trump Is …`, `Pence Endorses Paul Ryan`: a heading or title in title case
    /// whose words after the first one to six hold a cue verb (of the lexicon, or a learned
    /// cue); the words before it are the speaker, those after it the content (`headline-cue`,
    /// 0.75, for the statement model to weigh).
    mutating func headlineCues() {
        let tokens = analyzed.tokens
        for (s, sentence) in analyzed.sentences.enumerated() where isHeadline(sentence) && itemEndingIn[s] < 0 {
            let bounds = sentence.tokens
            guard bounds.count >= 4, tokens[bounds.lowerBound].isCapitalized, !bounds.contains(where: { analyzed.isQuoted($0) }),
                isTitleCase(bounds)
            else { continue }
            var t = bounds.lowerBound + 1
            while t < min(bounds.upperBound - 2, bounds.lowerBound + 7) {
                let token = tokens[t]
                if token.text == ":" || token.isTerminal { break }
                if token.kind == .word, lexicon.cueVerb(token) != nil || token.has(.learnedCue) {
                    break
                }
                t += 1
            }
            guard t < bounds.upperBound - 2, tokens[t].kind == .word, lexicon.cueVerb(tokens[t]) != nil || tokens[t].has(.learnedCue),
                (bounds.lowerBound..<t).allSatisfy({ tokens[$0].isWordLike || tokens[$0].text == "'s" || tokens[$0].text == "." }),
                (bounds.lowerBound..<t).contains(where: { tokens[$0].isWordLike && !tokens[$0].has(.common) })
            else { continue }
            var cueEnd = t + 1
            if let phrase = lexicon.cuePhrase(at: t, in: tokens, before: bounds.upperBound) { cueEnd = phrase }
            var end = bounds.upperBound
            if tokens[end - 1].isTerminal { end -= 1 }
            guard end > cueEnd, tokens[cueEnd..<end].filter(\.isWordLike).count >= 2 else { continue }
            let speaker = bounds.lowerBound..<t
            let phrase = SpeakerPhrases.Phrase(tokens: speaker, entity: mentionEntity(speaker), form: .name)
            if let c = cueIndex(at: t) { usedCue[c] = true }
            makeUncued(spans: [cueEnd..<end], subject: phrase, cue: t..<cueEnd, sentences: s..<(s + 1), rule: "headline-cue",
                       confidence: 0.75)
        }
    }

    /// `PENCE: Well, look, …` — a body paragraph that opens with a name of one to four
    /// capitalised words and a colon, as transcripts and interviews write it: the rest of the
    /// paragraph is what the named speaker said (`transcript-colon`, 0.75).
    mutating func transcriptColons() {
        let tokens = analyzed.tokens
        for (b, block) in analyzed.blocks.enumerated() where block.kind == .body {
            let range = analyzed.blockTokens[b]
            guard range.count >= 5, let s = sentence(of: range.lowerBound), itemEndingIn[s] < 0 else { continue }
            var colon = range.lowerBound
            while colon < min(range.upperBound, range.lowerBound + 5), tokens[colon].text != ":" { colon += 1 }
            guard colon > range.lowerBound, colon < range.upperBound - 2, tokens[colon].text == ":",
                (range.lowerBound..<colon).allSatisfy({ tokens[$0].kind == .word && (tokens[$0].isCapitalized || tokens[$0].text == "'s")
                    && lexicon.cueVerb(tokens[$0]) == nil && !tokens[$0].has(.common) }),
                !analyzed.isQuoted(colon + 1) || tokens[colon + 1].kind == .quote,
                let last = sentence(of: range.upperBound - 1)
            else { continue }
            var end = range.upperBound
            while end > colon + 1, tokens[end - 1].isTerminal { end -= 1 }
            let content = (colon + 1)..<end
            let quote = Int(analyzed.tokenQuote[min(colon + 2, range.upperBound - 1)])
            guard tokens[content].filter(\.isWordLike).count >= 3, quote < 0 || !usedQuote[quote] else { continue }
            let speaker = range.lowerBound..<colon
            let phrase = SpeakerPhrases.Phrase(tokens: speaker, entity: mentionEntity(speaker), form: .name)
            makeUncued(spans: [content], subject: phrase, sentences: s..<(last + 1), rule: "transcript-colon", confidence: 0.75)
        }
    }

    /// Whether the longer words of a heading (four letters or more) are nearly all capitalised,
    /// as in a title; a sentence-case first paragraph is not one.
    func isTitleCase(_ range: Range<Int>) -> Bool {
        var long = 0
        var capitalized = 0
        for t in range where analyzed.tokens[t].kind == .word && analyzed.tokens[t].end - analyzed.tokens[t].start >= 4 {
            long += 1
            if analyzed.tokens[t].isCapitalized { capitalized += 1 }
        }
        return long >= 2 && capitalized * 5 >= long * 4
    }

    /// Whether a sentence is a heading, or the whole of a first block of one short line (a
    /// title that ends in a period, as many do).
    func isHeadline(_ sentence: AnalyzedText.SentenceRecord) -> Bool {
        let block = analyzed.blocks[sentence.block]
        if block.kind == .heading { return true }
        guard sentence.block == 0, analyzed.blocks.count > 1, analyzed.read.dateline?.start != block.range.lowerBound,
            block.range.count <= 150, sentence.range == block.range
        else { return false }
        return !analyzed.scalars[block.range].contains("\n")
    }

    /// `In a CNN/ORC poll released Wednesday, he fell to 10 percent.` — when the clause after
    /// the comma has no cue of its own and no statement took the sentence.
    mutating func inSource() {
        let tokens = analyzed.tokens
        for (s, sentence) in analyzed.sentences.enumerated() where analyzed.blocks[sentence.block].kind == .body && itemEndingIn[s] < 0 {
            let bounds = sentence.tokens
            guard bounds.count > 6, tokens[bounds.lowerBound].text == "in",
                let comma = bounds.prefix(14).first(where: { tokens[$0].text == "," }), comma > bounds.lowerBound + 2,
                (bounds.lowerBound + 1..<comma).contains(where: { tokens[$0].has(.sourceNoun) }),
                !(bounds.lowerBound..<comma).contains(where: { analyzed.isQuoted($0) })
            else { continue }
            let content = (comma + 1)..<clauseEnd(from: comma + 1, bounds: bounds)
            guard tokens[content].filter(\.isWordLike).count >= 3,
                !content.contains(where: { cueIndex(at: $0) != nil && !analyzed.isQuoted($0) })
            else { continue }
            let source = (bounds.lowerBound + 1)..<comma
            let phrase = SpeakerPhrases.Phrase(tokens: source, entity: nil, form: .description)
            makeUncued(spans: [content], subject: phrase, sentences: s..<(s + 1), rule: "in-source", confidence: 0.7)
        }
    }

    /// `“…” ― Hillary Clinton` and a quotation alone in its paragraph with `- Hillary Clinton.`
    /// as the next: a dash, then a name (or a description of a few words) that ends its
    /// sentence or line, perhaps with a comma and a place or date after it. The dash is the cue.
    mutating func quoteDashSpeaker(_ index: Int) -> Bool {
        let quotation = analyzed.quotations[index]
        guard let close = quotation.pieces.last?.close else { return false }
        let tokens = analyzed.tokens
        let dash = markToken(close) + 1
        guard dash + 1 < tokens.count, tokens[dash].kind == .dash, !analyzed.isQuoted(dash + 1),
            let s = sentence(of: dash + 1)
        else { return false }
        let closeBlock = Int(analyzed.tokenBlock[dash - 1])
        let dashBlock = Int(analyzed.tokenBlock[dash])
        if dashBlock != closeBlock {
            // The dash opens the next paragraph, and the quotation was all of its own.
            guard dashBlock == closeBlock + 1, analyzed.blockTokens[dashBlock].lowerBound == dash, isQuoteOnly(block: closeBlock)
            else { return false }
        }
        let bounds = analyzed.sentences[s].tokens
        guard let phrase = phrases.phrase(startingAt: dash + 1, sentence: bounds, mentions: &mentions), phrase.form != .pronoun
        else { return false }
        let after = phrase.tokens.upperBound
        guard after >= bounds.upperBound || [",", "(", "."].contains(tokens[after].text) || tokens[after].isTerminal
            || analyzed.tokenBlock[after] != analyzed.tokenBlock[dash]
            || analyzed.scalars[tokens[after - 1].end..<tokens[after].start].contains("\n")
        else { return false }
        attributeQuotation(index, cueTokens: dash..<(dash + 1), cue: nil, phrase: phrase, rule: "quote-dash-speaker",
                           confidence: 0.8, nearEnd: true, sameSentence: dashBlock == closeBlock)
        return true
    }

    /// The entity a run of tokens names: a mention that covers them, or a known name or alias.
    func mentionEntity(_ range: Range<Int>) -> Int? {
        // "LIND" in a transcript is the Lind the article names, not an acronym.
        if range.allSatisfy({ analyzed.tokens[$0].isAllCaps || !analyzed.tokens[$0].isWordLike }) {
            let titled = analyzed.text(tokens: range).split(separator: " ").map { $0.prefix(1) + $0.dropFirst().lowercased() }
                .joined(separator: " ")
            if let known = aliasIndex[titled] { return known }
        }
        for t in range {
            if let mention = mentions.mention(at: t), mention.form == .name, mention.tokens.upperBound >= range.upperBound - 1 {
                return mention.entity
            }
        }
        return aliasIndex[analyzed.text(tokens: range)]
    }

    /// A statement with no cue word: its cue is the colon or the source words.
    mutating func makeUncued(
        spans: [Range<Int>], subject: SpeakerPhrases.Phrase, cue: Range<Int>? = nil, sentences covered: Range<Int>, rule: String,
        confidence: Double
    ) {
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
        let cueTokens: Range<Int> = cue ?? (rule == "in-source"
            ? (subject.tokens.lowerBound - 1)..<subject.tokens.lowerBound
            : subject.tokens.upperBound..<(subject.tokens.upperBound + 1))
        append(Attribution(
            kind: quotes.isEmpty ? .reported : .partial, content: content, quotes: quotes, cue: cueTokens,
            cueText: analyzed.text(tokens: cueTokens), speaker: subject.speakerWords, entity: entity, coSpeakers: coSpeakers,
            rule: rule, confidence: confidence * certainty, sentences: covered, certainty: certainty))
    }
}
