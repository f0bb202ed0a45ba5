import NewsModel

/// A cue: the words that attribute a statement (`said`, `made clear`, `according to`).
struct Cue: Sendable, Equatable {
    /// The cue's tokens.
    var tokens: Range<Int>
    /// The verb, for a cue verb or a phrase that starts with one; `nil` for `according to`.
    var verb: Lexicon.CueVerb?
    /// Whether the cue is `according to`.
    var isAccordingTo: Bool
    /// The sentence (0-based) that holds it.
    var sentence: Int
    /// Whether the cue is no word of the cue lexicons but a verb the statement model has
    /// learned to weigh (``StatementClassifier``): tried only after the lexicon's cues, and
    /// kept only when the model says so.
    var isLearned = false
}

/// Phase 5a, cues: every cue verb and cue phrase outside quotations (``Lexicon``'s lists).
///
/// A cue phrase (`made clear`, `pointed out`, `according to`) is tried before a one-word cue at
/// the same place. A cue verb is not a cue where the words around it show a noun or an
/// infinitive: after a determiner or preposition (`the report`, `a call`, `of claims`), after
/// `to` (`refused to say` — the cue is `refused`), or before `of` used as a noun's complement
/// (`reports of`), except `spoke of` and `said of`.
struct CueFinder {
    let analyzed: AnalyzedText
    let lexicon = Lexicon.shared

    /// Words before which a cue verb form is a noun or an infinitive, not a cue.
    static let nounMarkers: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
        "of", "in", "on", "for", "with", "by", "from", "about", "no", "any", "some", "every", "each", "to",
        "whose", "such", "more", "most", "first", "new", "'s",
    ]

    func find() -> [Cue] {
        let tokens = analyzed.tokens
        var cues: [Cue] = []
        for (index, sentence) in analyzed.sentences.enumerated() {
            var t = sentence.tokens.lowerBound
            while t < sentence.tokens.upperBound {
                defer { t += 1 }
                guard tokens[t].kind == .word, !analyzed.isQuoted(t) else { continue }
                // A capitalised cue word inside a sentence is part of a name ("Secretary of State").
                if tokens[t].isCapitalized, t > sentence.tokens.lowerBound, tokens[t - 1].kind != .quote { continue }
                if let end = lexicon.cuePhrase(at: t, in: tokens, before: sentence.tokens.upperBound) {
                    let according = tokens[t].text == "according"
                    let verb = according ? nil : Lexicon.shared.cueVerb(tokens[t])
                    if according || isVerbPosition(t, sentence: sentence.tokens) {
                        cues.append(Cue(tokens: t..<end, verb: verb ?? Self.phraseVerb, isAccordingTo: according,
                                        sentence: index))
                        t = end - 1
                        continue
                    }
                }
                guard let verb = Lexicon.shared.cueVerb(tokens[t]) else {
                    if isLearnedCandidate(t, sentence: sentence.tokens) {
                        let verb = Lexicon.CueVerb(lemma: tokens[t].text, takesObject: true, isBelief: false, isWeak: false,
                                                   takesNounPhrase: true, takesInfinitive: true)
                        cues.append(Cue(tokens: t..<(t + 1), verb: verb, isAccordingTo: false, sentence: index, isLearned: true))
                    }
                    continue
                }
                guard isVerbPosition(t, sentence: sentence.tokens) else { continue }
                cues.append(Cue(tokens: t..<(t + 1), verb: verb, isAccordingTo: false, sentence: index))
            }
        }
        return cues
    }

    /// The verb a cue phrase that does not start with a cue verb stands for (`made clear`).
    static let phraseVerb = Lexicon.CueVerb(lemma: "say", takesObject: false, isBelief: false, isWeak: false,
                                            takesNounPhrase: true, takesInfinitive: true)

    /// Whether token `t` may be a learned cue: a word of `Lexicons/learned-cues.txt` in lower
    /// case that no other lexicon lists as a function word, title, group or pronoun, in a
    /// verb's position after a word or a comma.
    func isLearnedCandidate(_ t: Int, sentence: Range<Int>) -> Bool {
        let token = analyzed.tokens[t]
        guard t > sentence.lowerBound, !token.isCapitalized, token.kind == .word, token.has(.learnedCue),
            token.end - token.start >= 3,
            !token.has(.common), !token.has(.titleLast), !token.has(.group), !token.has(.pronoun),
            !token.has(.weekdayOrMonth), !token.has(.amountStart), !token.text.hasSuffix("ly"),
            !token.has(.auxiliary), !token.has(.preposition)
        else { return false }
        let previous = analyzed.tokens[t - 1]
        guard previous.isWordLike || previous.text == "," || previous.text == "'s" else { return false }
        return isVerbPosition(t, sentence: sentence)
    }

    /// Whether token `t` stands where a verb can: not after a determiner or a preposition.
    func isVerbPosition(_ t: Int, sentence: Range<Int>) -> Bool {
        let tokens = analyzed.tokens
        if t > sentence.lowerBound {
            let previous = tokens[t - 1]
            // "Some say", "Most said": a quantifier that is the subject.
            if previous.has(.quantifier), !tokens[t].text.hasSuffix("ing"),
                t - 1 == sentence.lowerBound || !tokens[t - 2].isWordLike || ["and", "but", "while"].contains(tokens[t - 2].text)
            {
                return true
            }
            if previous.has(.nounMarker) {
                // "and said" after "to"? No; but "he also said that" is fine. "that said" is a cue
                // after a relative "that" ("officials that said…" is rare): keep "that" as a marker.
                return false
            }
        }
        // "reports of", "claims of" are nouns; "said of", "warned of" are not.
        if t + 1 < sentence.upperBound, tokens[t + 1].text == "of", let verb = Lexicon.shared.cueVerb(tokens[t]),
            SpeakerPhrases.nounLike.contains(verb.lemma), tokens[t].text == verb.lemma || tokens[t].text == verb.lemma + "s"
        {
            return false
        }
        return true
    }
}
