import NewsModel

/// The words that name a speaker next to a cue, and the entity they name.
///
/// A speaker phrase is a noun phrase without a parse: a mention (name, description, group,
/// pronoun) with the titles, qualifiers and determiners before it (`White House press secretary
/// Karoline Leavitt`, `the border czar`), two of them joined by `and` (co-speakers), or a
/// description of up to eight words that starts with a determiner or a capital (`The lawsuit`,
/// `a spokesman for the campaign`). Before a cue, auxiliaries and adverbs are skipped (`has long
/// complained`, `also said`), and so is an appositive or relative clause between commas (`The
/// Hennepin County Sheriff’s Office, which serves Minneapolis …, said`).
struct SpeakerPhrases {
    let analyzed: AnalyzedText
    let lexicon = Lexicon.shared

    /// A speaker phrase: its tokens, its entity (if one is known or made), co-speakers.
    struct Phrase: Equatable {
        var tokens: Range<Int>
        var entity: Int?
        var coSpeakers: [Int] = []
        var form: Mention.Form
        /// For `X and Y`, where neither names an actor yet: X's tokens and entity; `tokens`
        /// covers both, `secondConjunct` is Y's.
        var conjunct: Range<Int>? = nil
        var conjunctEntity: Int? = nil
        var secondConjunct: Range<Int>? = nil
        /// The words the statement records as its speaker's when they are not `tokens`: the
        /// relative pronoun of `voters who said`, whose antecedent `tokens` names.
        var written: Range<Int>? = nil

        /// The speaker's words as the statement records them.
        var speakerWords: Range<Int> { written ?? tokens }
    }

    /// Words skipped between a subject and its cue verb.
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "previously", "later", "repeatedly", "will", "would", "could", "can", "may",
        "might", "should", "must", "is", "was", "were", "are", "be", "been", "not", "never", "again", "often",
        "once", "still", "then", "recently", "publicly", "privately", "first", "quickly", "reportedly", "did",
        "does", "do", "long", "already", "even", "only", "just", "now", "further", "flatly", "specifically",
        "explicitly", "initially", "originally", "since", "today", "yesterday", "and", "but", "himself",
        "herself", "themselves", "itself", "has", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't",
        "wasn't", "weren't", "isn't", "aren't", "won't", "wouldn't", "couldn't", "also", "too", "always",
    ]

    static let personalPronouns: Set<String> = ["he", "she", "they", "it", "we", "i", "you", "who"]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "some", "many",
        "several", "both", "two", "three", "four", "five", "other", "another", "one", "most", "all", "each",
        "every", "few", "no",
    ]
    static let stopBefore: Set<String> = [
        ",", ";", ":", "(", ")", "that", "which", "and", "but", "or", "because", "if", "when", "while", "as",
        "after", "before", "since", "than", "so", "to", "—", "–", "-",
    ]

    /// The subject that ends just before the cue starting at token `cue`, within `sentence`.
    func subject(before cue: Int, sentence: Range<Int>, mentions: inout MentionSet) -> Phrase? {
        let tokens = analyzed.tokens
        var k = cue - 1
        // Auxiliaries, adverbs and "on Wednesday" between subject and verb.
        var skipped = 0
        while k >= sentence.lowerBound, skipped < 5 {
            let text = tokens[k].text
            if text == "and" || text == "but" { break }
            if tokens[k].has(.auxiliary) || (text.hasSuffix("ly") && text.count > 4 && mentions.mention(at: k) == nil) {
                k -= 1
                skipped += 1
            } else if tokens[k].has(.weekdayOrMonth), k - 1 >= sentence.lowerBound, tokens[k - 1].text == "on" {
                k -= 2
                skipped += 1
            } else {
                break
            }
        }
        guard k >= sentence.lowerBound, !analyzed.isQuoted(k) else { return nil }
        // A relative clause without commas: "officials who spoke with The Post said",
        // "organizations that back him say" — the subject is the noun before it.
        if let relative = restrictiveRelative(endingAt: k, sentence: sentence) { k = relative - 1 }
        // Appositives and relative clauses between commas ("Clinton, 35, the daughter of …,"),
        // and a bracket after a name ("Gov. Mary Fallin (R-OK)").
        var clauses = 0
        while clauses < 3 {
            // "The fire chief, Dana Okafor, said": the name between the commas is the speaker.
            if tokens[k].text == ",", k - 1 >= sentence.lowerBound, let name = mentions.mention(at: k - 1),
                name.form == .name, name.tokens.upperBound == k, name.tokens.lowerBound - 1 > sentence.lowerBound,
                tokens[name.tokens.lowerBound - 1].text == ","
            {
                return Phrase(tokens: name.tokens, entity: name.entity, form: .name)
            }
            if tokens[k].text == ",", let before = appositiveStart(endingAt: k, sentence: sentence) {
                k = before - 1
            } else if clauses > 0, tokens[k].text != ",", let opening = titledAppositive(endingAt: k, sentence: sentence) {
                k = opening - 1
            } else if tokens[k].text == ")", let open = (max(sentence.lowerBound, k - 8)..<k).last(where: { tokens[$0].text == "(" }) {
                k = open - 1
            } else {
                break
            }
            guard k >= sentence.lowerBound else { return nil }
            clauses += 1
        }
        guard var found = phrase(endingAt: k, sentence: sentence, mentions: &mentions) else { return nil }
        // "A spokesman for the campaign said", "Officials in Boston said": the phrase after the
        // preposition belongs to the noun before it, which is the speaker.
        var hops = 0
        while found.written == nil, found.tokens.lowerBound - 2 >= sentence.lowerBound, hops < 2,
            tokens[found.tokens.lowerBound - 1].has(.preposition),
            !analyzed.isQuoted(found.tokens.lowerBound - 2)
        {
            guard var head = phrase(endingAt: found.tokens.lowerBound - 2, sentence: sentence, mentions: &mentions),
                head.form != .pronoun
            else { return nil }
            head.tokens = head.tokens.lowerBound..<found.tokens.upperBound
            head.conjunct = nil
            head.secondConjunct = nil
            found = head
            hops += 1
        }
        // A cue that is also a noun ("his biggest worry", "a controversial tweet") needs a
        // subject that names someone.
        let cueText = tokens[cue].text
        if found.entity == nil, found.form == .description, let verb = lexicon.cueVerbs[cueText],
            Self.nounLike.contains(verb.lemma), cueText == verb.lemma || cueText == verb.lemma + "s"
        {
            return nil
        }
        return found
    }

    /// Words that open an appositive or a relative clause after a comma.
    static let appositiveOpeners: Set<String> = [
        "who", "which", "whose", "a", "an", "the", "both", "also", "now", "then", "once", "himself", "herself", "one",
        "whom", "including", "like", "in", "on", "at", "during", "speaking", "writing", "unlike", "as", "for", "his", "her",
        "their", "its", "citing", "after", "before", "when", "while", "however", "meanwhile", "too", "though", "asked",
        "responding", "appearing", "standing", "referring", "talking", "addressing", "meanwhile", "moreover", "nevertheless",
    ]

    /// Prepositions: a phrase right after one is its object, not a subject.
    static let prepositions: Set<String> = [
        "in", "on", "at", "of", "for", "with", "from", "by", "about", "to", "into", "over", "under", "after", "before",
        "during", "since", "than", "like", "against", "among", "between", "through", "toward", "towards", "within",
    ]

    /// Cue verbs whose base and -s forms are common nouns too.
    static let nounLike: Set<String> = [
        "worry", "fear", "hope", "claim", "plan", "report", "support", "call", "comment", "answer", "reply", "note",
        "remark", "estimate", "doubt", "question", "show", "tweet", "post", "promise", "pledge", "vow", "charge",
        "demand", "protest", "object", "decline", "statement", "attack", "blast", "back", "warning", "want", "wish",
        "find", "view", "state", "point", "signal", "hint", "cite", "respond", "counter", "threaten", "repeat",
        "praise", "blame", "defend", "reject", "dismiss", "estimate", "continue", "plan", "decide", "welcome", "seek",
        "chant", "shout", "cry", "yell", "scream", "joke", "quip", "boast", "echo", "label", "name", "read", "quote",
        "offer", "mock", "tout", "voice", "highlight", "comment", "remark", "whisper", "testify", "recount",
    ]

    /// The start of a `, who …,` or `, a spokesman for …,` clause whose closing comma is at `comma`:
    /// the index of its opening comma.
    func appositiveStart(endingAt comma: Int, sentence: Range<Int>) -> Int? {
        let tokens = analyzed.tokens
        var k = comma - 1
        var length = 0
        // The opening comma may be several commas back when the clause has commas of its own
        // ("Kasich, who won Ohio, Vermont and Maine in the primary, said"): the nearest one whose
        // next word opens an appositive or a relative clause, within 40 words.
        while k > sentence.lowerBound, length < 40 {
            if tokens[k].text == "," {
                let opens = tokens[k + 1].has(.appositiveOpener)
                    || lexicon.title(endingAt: k + 1, in: tokens, from: k + 1) != nil
                    || tokens[k + 1].kind == .number
                    // "Murshed Zaheed, acting political director of CREDO Action,": a title after a name.
                    || (k > sentence.lowerBound && tokens[k - 1].isCapitalized && !tokens[k + 1].isCapitalized
                        && ((k + 1)..<min(comma, k + 6)).contains { tokens[$0].has(.titleLast) })
                if opens { return k }
            }
            if analyzed.isQuoted(k) || tokens[k].isTerminal || tokens[k].text == ";" { return nil }
            k -= 1
            length += 1
        }
        return nil
    }

    /// A relative clause that ends at `end`, right before a cue, without commas (`who spoke with
    /// The Post`, `that back him`): the index of its `who` or `that`, at most ten words back,
    /// when a word that can end a noun phrase stands before it and (for `that`) a verb in lower
    /// case follows it.
    func restrictiveRelative(endingAt end: Int, sentence: Range<Int>) -> Int? {
        let tokens = analyzed.tokens
        var r = end
        while r > sentence.lowerBound, end - r < 10 {
            let token = tokens[r]
            if token.kind != .word || analyzed.isQuoted(r) { return nil }
            if token.text == "who" || token.text == "that", r < end {
                let before = tokens[r - 1]
                let after = tokens[r + 1]
                guard before.kind == .word, !before.has(.cueVerb), !before.has(.preposition), !before.has(.determiner),
                    !before.has(.common) || before.has(.quantifier)
                else { return nil }
                if token.text == "that" {
                    guard after.kind == .word, !after.isCapitalized, !after.has(.determiner), !after.has(.personalPronoun),
                        !after.has(.pronoun), !after.has(.common) || after.has(.auxiliary)
                    else { return nil }
                }
                return r
            }
            r -= 1
        }
        return nil
    }

    /// `Murshed Zaheed, acting political director of CREDO Action` ending at `end`, after a
    /// relative clause was skipped: the index of the comma that opens the titled appositive.
    func titledAppositive(endingAt end: Int, sentence: Range<Int>) -> Int? {
        let tokens = analyzed.tokens
        var c = end - 1
        while c > sentence.lowerBound, end - c < 10 {
            if tokens[c].text == "," {
                guard tokens[c - 1].isCapitalized, c + 1 <= end, !tokens[c + 1].isCapitalized,
                    ((c + 1)...end).contains(where: { tokens[$0].has(.titleLast) })
                else { return nil }
                return c
            }
            if analyzed.isQuoted(c) || tokens[c].isTerminal { return nil }
            c -= 1
        }
        return nil
    }

    /// The speaker phrase whose last token is `end`.
    func phrase(endingAt end: Int, sentence: Range<Int>, mentions: inout MentionSet) -> Phrase? {
        let tokens = analyzed.tokens
        let last = tokens[end]
        if let quantity = quantityPhrase(endingAt: end, sentence: sentence) { return quantity }
        guard last.kind == .word || last.kind == .number else { return nil }
        if let mention = mentions.mention(at: end) {
            var start = extendLeft(from: mention.tokens.lowerBound, sentence: sentence, mentions: mentions)
            var phrase = Phrase(tokens: start..<(end + 1), entity: mention.entity, form: mention.form)
            // "X and Y said": Y is a co-speaker, X the speaker.
            if start - 1 > sentence.lowerBound, tokens[start - 1].text == "and",
                let other = mentions.mention(at: start - 2), other.form != .pronoun || mention.form == .pronoun,
                mentions.entities[other.entity].kind != .place
            {
                let otherStart = extendLeft(from: other.tokens.lowerBound, sentence: sentence, mentions: mentions)
                phrase.coSpeakers = [mention.entity]
                phrase.entity = other.entity
                phrase.form = other.form
                start = otherStart
                phrase.tokens = start..<(end + 1)
            }
            // A possessive ("his") or an object ("him") does not speak.
            if mention.form == .pronoun, !last.has(.personalPronoun) { return nil }
            return phrase
        }
        if last.text == "who" { return relative(end, sentence: sentence, mentions: &mentions) }
        if last.has(.personalPronoun), last.text != "it" || end + 1 < tokens.count {
            return Phrase(tokens: end..<(end + 1), entity: nil, form: .pronoun)
        }
        // A description: back to a determiner, a capital at the start, or a stop word.
        guard !last.has(.stopBefore), !last.has(.common) || last.isCapitalized
        else { return nil }
        var start = end
        while start > sentence.lowerBound, end - start < 8 {
            let previous = tokens[start - 1]
            if previous.has(.stopBefore) || previous.kind == .quote || previous.kind == .dash
                || previous.isTerminal || Lexicon.shared.cueVerb(previous) != nil
            {
                break
            }
            if previous.has(.determiner) {
                start -= 1
                break
            }
            if previous.has(.common), previous.text != "of", previous.text != "for" {
                // "the new bill": adjectives that are common words, back to a determiner.
                var d = start - 1
                while d > sentence.lowerBound, start - d < 3, !tokens[d].isCapitalized, tokens[d].kind == .word,
                    !tokens[d].has(.stopBefore), !tokens[d].has(.preposition),
                    !tokens[d].has(.determiner), Lexicon.shared.cueVerb(tokens[d]) == nil
                {
                    d -= 1
                }
                if d >= sentence.lowerBound, tokens[d].has(.determiner), tokens[d].text != "that",
                    ((d + 1)..<start).allSatisfy({ !tokens[$0].has(.stopBefore) && !tokens[$0].has(.preposition) })
                {
                    start = d
                }
                break
            }
            start -= 1
        }
        let first = tokens[start]
        guard first.has(.determiner) || first.isCapitalized || start == sentence.lowerBound
            || first.kind == .number || last.has(.group) || last.has(.titleLast)
        else { return nil }
        // A phrase that is only a determiner and adjectives is not a speaker; nor is a phrase
        // that opens with a participle or an adverb ("Speaking at a rally", "Instead").
        guard end > start || !first.has(.determiner) else { return nil }
        if first.text.hasSuffix("ing") || (first.has(.common) && !first.has(.determiner)) {
            return nil
        }
        var found = Phrase(tokens: start..<(end + 1), entity: nil, form: .description)
        // "Two Minnesota school districts and a teachers union": two speakers.
        if start - 2 >= sentence.lowerBound, tokens[start - 1].text == "and", tokens[start - 2].isWordLike,
            let other = self.phrase(endingAt: start - 2, sentence: sentence, mentions: &mentions), other.conjunct == nil,
            other.form != .pronoun
        {
            found.conjunct = other.tokens
            found.conjunctEntity = other.entity
            found.secondConjunct = start..<(end + 1)
            found.tokens = other.tokens.lowerBound..<(end + 1)
        }
        return found
    }

    /// Words that stand for a share or a number of people (`Some say`, `Many in the crowd said`,
    /// `half of GOP voters said`).
    static let quantifiers: Set<String> = [
        "some", "many", "most", "others", "several", "few", "both", "all", "one", "another", "half", "majority",
        "majorities", "minority", "plurality", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "percent",
        "dozens", "hundreds", "thousands", "millions", "each", "either", "everyone", "someone",
        "anyone", "everybody", "somebody", "two-thirds", "three-quarters", "one-third", "one-quarter", "share", "bulk",
    ]

    /// A share or number of people as a speaker: `Some`, `Others`, `85%`, `55 percent`, `three
    /// in five` (`in five` is then a phrase after a preposition, which ``subject(before:sentence:mentions:)``
    /// joins): the quantity's words, a number or number word before it included.
    func quantityPhrase(endingAt end: Int, sentence: Range<Int>) -> Phrase? {
        let tokens = analyzed.tokens
        let last = tokens[end]
        let isQuantity: Bool
        switch last.kind {
        case .word: isQuantity = last.has(.quantifier) || QuantityFinder.numberWords[last.text] != nil
        case .number: isQuantity = !(last.text.count == 4 && last.text.allSatisfy(\.isNumber))
        case .symbol: isQuantity = last.text == "%" && end > sentence.lowerBound && tokens[end - 1].kind == .number
        default: isQuantity = false
        }
        guard isQuantity, !analyzed.isQuoted(end) else { return nil }
        var start = end
        while start > sentence.lowerBound, end - start < 3 {
            let previous = tokens[start - 1]
            guard previous.kind == .number || QuantityFinder.numberWords[previous.text] != nil
                || ["a", "the", "about", "nearly", "roughly", "almost", "only", "just", "some", "most", "other"].contains(previous.text)
                || (previous.text == "than" && start - 2 >= sentence.lowerBound && ["more", "fewer", "less"].contains(tokens[start - 2].text))
                || ["more", "fewer", "less"].contains(previous.text) && start < end
            else { break }
            start -= 1
        }
        return Phrase(tokens: start..<(end + 1), entity: nil, form: .description)
    }

    /// `voters who said`, `Clinton, who said`: the relative pronoun at `who` speaks for the
    /// phrase before it (a phrase after a preposition belongs to the noun before that:
    /// `supporters of Sanders who said`); nil when no phrase stands there.
    func relative(_ who: Int, sentence: Range<Int>, mentions: inout MentionSet) -> Phrase? {
        let tokens = analyzed.tokens
        var k = who - 1
        if k >= sentence.lowerBound, tokens[k].text == "," { k -= 1 }
        guard k >= sentence.lowerBound, !analyzed.isQuoted(k), tokens[k].isWordLike, tokens[k].text != "who",
            var found = phrase(endingAt: k, sentence: sentence, mentions: &mentions), found.form != .pronoun
        else { return nil }
        // Only prepositions that tie a noun to a noun: "residents of the valley who", not "spoke
        // to residents who".
        if found.tokens.lowerBound - 2 >= sentence.lowerBound,
            ["of", "in", "from", "at", "among"].contains(tokens[found.tokens.lowerBound - 1].text),
            tokens[found.tokens.lowerBound - 2].text != "who",
            var head = phrase(endingAt: found.tokens.lowerBound - 2, sentence: sentence, mentions: &mentions), head.form != .pronoun
        {
            head.tokens = head.tokens.lowerBound..<found.tokens.upperBound
            head.conjunct = nil
            head.secondConjunct = nil
            found = head
        }
        found.written = who..<(who + 1)
        return found
    }

    /// Titles, qualifiers and determiners before a mention that belong to the phrase.
    func extendLeft(from start: Int, sentence: Range<Int>, mentions: MentionSet) -> Int {
        let tokens = analyzed.tokens
        var k = start
        var steps = 0
        while k > sentence.lowerBound, steps < 8 {
            let previous = tokens[k - 1]
            if let title = lexicon.title(endingAt: k - 1, in: tokens, from: sentence.lowerBound) {
                k = title.start
            } else if previous.text == "'s", k - 2 >= sentence.lowerBound, mentions.mention(at: k - 2) != nil {
                k = mentions.mention(at: k - 2)!.tokens.lowerBound
            } else if previous.has(.determiner), previous.text != "that" {
                k -= 1
                break
            } else if previous.isCapitalized, previous.kind == .word, !previous.has(.common) {
                k -= 1
            } else {
                break
            }
            steps += 1
        }
        return k
    }

    /// The speaker phrase starting at token `start` (after an inverted cue: `said Homan`).
    func phrase(startingAt start: Int, sentence: Range<Int>, mentions: inout MentionSet) -> Phrase? {
        let tokens = analyzed.tokens
        guard start < sentence.upperBound, !analyzed.isQuoted(start) else { return nil }
        var end = start
        // Up to the end of a mention, or the end of the noun phrase.
        while end < sentence.upperBound, end - start < 10 {
            let token = tokens[end]
            if let mention = mentions.mention(at: end) {
                end = mention.tokens.upperBound
                if end < sentence.upperBound, tokens[end].text == "and", let other = mentions.mention(at: end + 1),
                    other.form == .name
                {
                    end = other.tokens.upperBound
                }
                break
            }
            if token.kind != .word || token.has(.stopBefore) || Lexicon.shared.cueVerb(token) != nil {
                break
            }
            if token.text != "of", token.text != "for", end > start, token.has(.common),
                !token.has(.determiner)
            {
                break
            }
            end += 1
        }
        guard end > start else { return nil }
        return phrase(endingAt: end - 1, sentence: sentence, mentions: &mentions)
    }
}
