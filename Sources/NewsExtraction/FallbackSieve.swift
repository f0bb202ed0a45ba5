import NewsModel

/// The last sieve, `cue-fallback`: a cue that no other sieve could use still proposes a
/// statement, with the simplest reading of its sentence, and the statement model decides
/// whether to keep it (``StatementClassifier``; untrained, it keeps none).
///
/// - The speaker: the cue's subject when ``SpeakerPhrases`` finds one; else the nearest actor
///   mentioned before the cue in its sentence (not a place, not quoted); else the phrase right
///   after the cue (`…, said one adviser`).
/// - A negated cue (`did not say which …`) proposes nothing.
/// - The content: the clause after the cue (after `that`, an addressee or a colon) when it has
///   two words or more and is not only an object and an adjunct (`answered him at length`);
///   else the words of the sentence before the speaker.
///
/// How the speaker was found is a feature of its own (`fallback`), so the model weighs each way.
extension AttributionSieves {
    /// How ``fallback()`` found a statement's speaker.
    enum FallbackSpeaker: String {
        case subject, nearest, after
    }

    mutating func fallback() {
        var covered = [Bool](repeating: false, count: analyzed.tokens.count)
        for item in items {
            for range in item.content { markTokens(range, in: &covered) }
            if let speaker = item.speaker { for t in speaker where t < covered.count { covered[t] = true } }
        }
        for c in cues.indices where !usedCue[c] && !covered[cues[c].tokens.lowerBound] && !cues[c].isAccordingTo {
            let before = items.count
            fallback(c)
            for item in items[before...] {
                for range in item.content { markTokens(range, in: &covered) }
            }
        }
    }

    private mutating func fallback(_ c: Int) {
        let cue = cues[c]
        let tokens = analyzed.tokens
        let bounds = analyzed.sentences[cue.sentence].tokens
        let start = cue.tokens.lowerBound
        // A negated cue ("did not say which …") reports no statement.
        guard !isNegated(start, bounds) else { return }
        var how = FallbackSpeaker.subject
        var phrase = phrases.subject(before: start, sentence: bounds, mentions: &mentions)
        if phrase == nil, let mention = mentions.lastMention(before: start, limit: 12, where: { mention, entity in
            mention.tokens.lowerBound >= bounds.lowerBound && mention.tokens.upperBound <= start && entity.kind != .place
                && !analyzed.isQuoted(mention.tokens.lowerBound) && !entity.name.isEmpty
        }) {
            how = .nearest
            phrase = SpeakerPhrases.Phrase(tokens: mention.tokens, entity: mention.entity, form: mention.form)
        }
        if phrase == nil, let after = phrases.phrase(startingAt: cue.tokens.upperBound, sentence: bounds, mentions: &mentions),
            after.form != .pronoun || tokens[after.tokens.lowerBound].has(.personalPronoun)
        {
            how = .after
            phrase = after
        }
        guard let speaker = phrase else { return }
        var content: Range<Int>?
        if how != .after, let forward = forwardContent(c), forward.lowerBound >= cue.tokens.upperBound {
            content = forward
        } else if how != .after {
            // The words after the cue, unless they are only its object and an adjunct
            // ("answered him at length").
            var first = cue.tokens.upperBound
            if first < bounds.upperBound, tokens[first].has(.objectPronoun) { first += 1 }
            let end = clauseEnd(from: first, bounds: bounds)
            if first < end, !tokens[first].has(.adjunctStart),
                tokens[first..<end].filter(\.isWordLike).count >= 2
            {
                content = cue.tokens.upperBound..<end
            }
        }
        if content == nil {
            var end = min(speaker.tokens.lowerBound, start)
            while end > bounds.lowerBound, tokens[end - 1].text == "," || tokens[end - 1].kind == .dash { end -= 1 }
            let first = contentStart(bounds.lowerBound, upTo: end)
            if tokens[first..<max(first, end)].filter(\.isWordLike).count >= 2 { content = first..<end }
        }
        guard let span = content else { return }
        let count = items.count
        make(c, spans: [span], subject: speaker, rule: "cue-fallback", confidence: 0.5)
        if items.count > count { items[items.count - 1].fallback = how }
    }

    private func markTokens(_ range: Range<Int>, in covered: inout [Bool]) {
        var t = analyzed.firstToken(atOrAfter: range.lowerBound)
        while t < analyzed.tokens.count, analyzed.tokens[t].start < range.upperBound {
            covered[t] = true
            t += 1
        }
    }
}
