import NewsModel

/// The extractor's word lists, read once from the generated ``LexiconData`` (whose source is
/// `Lexicons/*.txt`; each file's header says where its words come from).
struct Lexicon: Sendable {
    /// A cue verb's lemma and what its tags allow.
    struct CueVerb: Sendable, Equatable {
        /// The base form (`say`).
        var lemma: String
        /// The verb may take the addressee as its object (`told NBC News that …`).
        var takesObject: Bool
        /// A verb of thought or wish, not of speech.
        var isBelief: Bool
        /// A verb with common senses that are not speech: needs a clause or a quotation.
        var isWeak: Bool
        /// The content may be a noun phrase (`criticized the plan`).
        var takesNounPhrase: Bool
        /// The content may be an infinitive (`wants to run`, `urged voters to stay home`).
        var takesInfinitive = false
    }

    /// A person's gender as a title or first name states it.
    enum Gender: Sendable, Equatable {
        case male, female, unknown
    }

    /// Every form of every cue verb → the verb.
    let cueVerbs: [String: CueVerb]
    /// Multi-word cues by their first word, longest first.
    let cuePhrases: [String: [[String]]]
    /// Cue nouns (one or more words) by their last word → (all words, the event kind).
    let cueNouns: [String: [(words: [String], kind: Event.Kind)]]
    /// Person titles (one or more words, lower case) by their last word → (words, gender).
    let titles: [String: [(words: [String], gender: Gender)]]
    /// Organisation head words.
    let organizationWords: Set<String>
    /// Plural nouns for groups of people.
    let groupNouns: Set<String>
    /// Place names, as written, by their first word → the names' words.
    let places: [String: [[String]]]
    /// First names → gender.
    let firstNames: [String: Gender]
    /// Words that are not names when capitalised.
    let commonWords: Set<String>
    /// Every word any list or rule looks for, lower case → its index.
    let vocabulary: [String: Int32]
    /// The same words by their UTF-8 bytes, for the tokenizer.
    let wordTable: WordTable
    /// For each word of the vocabulary, what the lists say of it.
    let wordFlags: [WordFlags]
    /// For each word of the vocabulary, the cue verb it is a form of.
    let verbOfWord: [CueVerb?]
    /// For each word of the vocabulary, the event kind it shows.
    let eventKindOfWord: [Event.Kind?]

    /// The words that show an event's kind (``EventFinder``), every form written out.
    static let eventKindWords: [(words: [String], kind: Event.Kind)] = [
        (["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal", "withdrawals", "pullout",
          "pulling", "pulled", "drawdown", "reduce", "reduced", "reduces", "reducing", "reduction"], .withdrawal),
        (["deploy", "deployed", "deploying", "deployment", "remain", "remained", "remains", "surge", "sent"], .deployment),
        (["shooting", "shootings", "shot", "shoot", "killed", "killing", "killings"], .shooting),
        (["took", "takeover"], .takeover),
        (["agree", "agreed", "agrees", "agreement", "deal"], .agreement),
        (["lawsuit", "lawsuits", "sued", "sue", "suing"], .lawsuit),
        (["protest", "protests", "protested", "demonstration", "demonstrations", "rally", "rallies"], .protest),
        (["policy", "policies"], .policyChange),
        (["ordered", "order"], .order),
        (["arrest", "arrests", "arrested", "detained", "detention", "detentions"], .arrest),
        (["cooperate", "cooperation", "cooperating", "cooperated"], .cooperation),
        (["operation", "operations", "campaign"], .operation),
        (["conference"], .newsConference),
        (["interview", "interviews"], .interview),
        (["posted", "tweet", "tweeted"], .post),
        (["respond", "responded"], .noResponse),
        (["elected", "election", "vote", "voted", "votes", "primary", "caucus", "caucuses"], .other),
    ]

    /// Words that can start a time expression (``TimeFinder``).
    static let timeWords = [
        "over", "the", "past", "this", "last", "next", "today", "yesterday", "early", "mid", "late", "in", "week", "month", "year",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "mar.",
        "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
    ]

    /// The lexicon, parsed once per process.
    static let shared = Lexicon()

    private init() {
        var verbs: [String: CueVerb] = [:]
        for line in LexiconData.cueVerbs {
            let fields = Self.fields(line)
            let forms = fields.filter { !$0.hasPrefix("+") }
            let tags = Set(fields.filter { $0.hasPrefix("+") })
            guard let lemma = forms.first else { continue }
            let verb = CueVerb(lemma: lemma, takesObject: tags.contains("+object"), isBelief: tags.contains("+belief"),
                               isWeak: tags.contains("+weak"), takesNounPhrase: tags.contains("+np"),
                               takesInfinitive: tags.contains("+to"))
            for form in forms where verbs[form] == nil { verbs[form] = verb }
        }
        cueVerbs = verbs
        var phrases: [String: [[String]]] = [:]
        for line in LexiconData.cuePhrases {
            let words = Self.fields(line)
            guard let first = words.first else { continue }
            phrases[first, default: []].append(words)
        }
        cuePhrases = phrases.mapValues { $0.sorted { $0.count > $1.count } }
        var nouns: [String: [(words: [String], kind: Event.Kind)]] = [:]
        for line in LexiconData.cueNouns {
            var words = Self.fields(line)
            guard words.count >= 2, let kind = Event.Kind(rawValue: words.removeLast()), let last = words.last else { continue }
            nouns[last, default: []].append((words, kind))
        }
        cueNouns = nouns.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        var titleTable: [String: [(words: [String], gender: Gender)]] = [:]
        for line in LexiconData.titles {
            var words = Self.fields(line)
            var gender = Gender.unknown
            if words.count > 1, words.last == "m" { gender = .male; words.removeLast() }
            if words.count > 1, words.last == "f" { gender = .female; words.removeLast() }
            guard let last = words.last else { continue }
            titleTable[last, default: []].append((words, gender))
        }
        titles = titleTable.mapValues { $0.sorted { $0.words.count > $1.words.count } }
        organizationWords = Set(LexiconData.organizationWords)
        groupNouns = Set(LexiconData.groupNouns)
        var placeTable: [String: [[String]]] = [:]
        for line in LexiconData.places {
            let words = Self.fields(line)
            guard let first = words.first else { continue }
            placeTable[first, default: []].append(words)
        }
        places = placeTable.mapValues { $0.sorted { $0.count > $1.count } }
        var names: [String: Gender] = [:]
        for line in LexiconData.firstNames {
            let fields = Self.fields(line)
            guard fields.count == 2 else { continue }
            names[fields[0]] = fields[1] == "m" ? .male : fields[1] == "f" ? .female : .unknown
        }
        firstNames = names
        commonWords = Set(LexiconData.commonWords)
        // The vocabulary: every word of every list, with its flags.
        var words: [String: Int32] = [:]
        var flags: [WordFlags] = []
        var verbOf: [CueVerb?] = []
        var kindOf: [Event.Kind?] = []
        func mark(_ word: String, _ flag: WordFlags) {
            let key = word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? word.lowercased() : word
            if let index = words[key] {
                flags[Int(index)].insert(flag)
            } else {
                words[key] = Int32(flags.count)
                flags.append(flag)
                verbOf.append(nil)
                kindOf.append(nil)
            }
        }
        for (form, verb) in verbs {
            mark(form, .cueVerb)
            verbOf[Int(words[form]!)] = verb
        }
        for first in phrases.keys { mark(first, .cuePhraseStart) }
        for last in nouns.keys { mark(last, .cueNounLast) }
        for last in titleTable.keys { mark(last, .titleLast) }
        for word in organizationWords { mark(word, .organization) }
        for word in groupNouns { mark(word, .group) }
        for first in placeTable.keys { mark(first, .placeStart) }
        for name in names.keys { mark(name, .firstName) }
        for word in commonWords { mark(word, .common) }
        for word in Self.timeWords { mark(word, .timeStart) }
        for word in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                     "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                     "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec."]
        {
            mark(word, .weekdayOrMonth)
        }
        for word in QuantityFinder.numberWords.keys { mark(word, .amountStart) }
        for word in ["a", "one", "half"] { mark(word, .amountStart) }
        for word in PronounResolver.pronouns.keys { mark(word, .pronoun) }
        for (list, kind) in Self.eventKindWords {
            for word in list {
                mark(word, .eventKind)
                kindOf[Int(words[word]!)] = kind
            }
        }
        // The phases' function-word lists.
        let lists: [(Set<String>, WordFlags)] = [
            (AttributionSieves.adjunctStarts, .adjunctStart), (AttributionSieves.clauseVerbs, .clauseVerb),
            (SpeakerPhrases.determiners, .determiner), (CueFinder.nounMarkers, .nounMarker),
            (AttributionSieves.objectPronouns, .objectPronoun), (MentionFinder.organizationSuffixes, .organizationSuffix),
            (SpeakerPhrases.personalPronouns, .personalPronoun), (SpeakerPhrases.prepositions, .preposition),
            (SpeakerPhrases.quantifiers, .quantifier), (AttributionSieves.sourceNouns, .sourceNoun),
            (SentenceSplitter.starters, .starter), (SpeakerPhrases.stopBefore, .stopBefore),
            (SentenceSplitter.titles, .closedAbbreviation), (QuantityFinder.unitStops, .unitStop),
            (SpeakerPhrases.auxiliaries, .auxiliary), (SpeakerPhrases.appositiveOpeners, .appositiveOpener),
        ]
        for (list, flag) in lists {
            for word in list { mark(word, flag) }
        }
        // The statement model's words, and the verbs it has learned are cues.
        for word in StatementClassifier.modelWords(LexiconData.statementWeights) { mark(word, .modelWord) }
        for line in LexiconData.learnedCues {
            if let word = Self.fields(line).first { mark(word, .learnedCue) }
        }
        vocabulary = words
        var byIndex = [String](repeating: "", count: flags.count)
        for (word, index) in words { byIndex[Int(index)] = word }
        wordTable = WordTable(byIndex)
        wordFlags = flags
        verbOfWord = verbOf
        eventKindOfWord = kindOf
    }

    /// The words of a data line, split at spaces over its UTF-8 bytes (splitting by
    /// `Character` cost most of the start-up).
    static func fields(_ line: String) -> [String] {
        line.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The cue verb a token is a form of.
    func cueVerb(_ token: Token) -> CueVerb? {
        token.word >= 0 && token.has(.cueVerb) ? verbOfWord[Int(token.word)] : nil
    }

    /// The title that ends at token `end` (inclusive) of `tokens`, longest first: its first
    /// token index and gender.
    func title(endingAt end: Int, in tokens: [Token], from lower: Int) -> (start: Int, gender: Gender)? {
        guard tokens[end].has(.titleLast), let candidates = titles[tokens[end].text] else { return nil }
        for candidate in candidates {
            let start = end - candidate.words.count + 1
            guard start >= lower else { continue }
            var matches = true
            for (offset, word) in candidate.words.enumerated() where tokens[start + offset].text != word {
                matches = false
                break
            }
            if matches { return (start, candidate.gender) }
        }
        return nil
    }

    /// The cue phrase starting at token `start`: the index one past its last token.
    func cuePhrase(at start: Int, in tokens: [Token], before limit: Int) -> Int? {
        guard tokens[start].has(.cuePhraseStart), let candidates = cuePhrases[tokens[start].text] else { return nil }
        for words in candidates where start + words.count <= limit {
            var matches = true
            for (offset, word) in words.enumerated() where tokens[start + offset].text != word {
                matches = false
                break
            }
            if matches { return start + words.count }
        }
        return nil
    }

    /// The place name starting at token `start` (words as written): one past its last token.
    func place(at start: Int, in tokens: [Token], scalars: [Unicode.Scalar], before limit: Int) -> Int? {
        guard tokens[start].has(.placeStart) else { return nil }
        let first = ScalarText.string(scalars[tokens[start].start..<tokens[start].end])
        guard let candidates = places[first] else { return nil }
        for words in candidates where start + words.count <= limit {
            var matches = true
            for (offset, word) in words.enumerated() {
                let token = tokens[start + offset]
                if ScalarText.string(scalars[token.start..<token.end]) != word {
                    matches = false
                    break
                }
            }
            if matches { return start + words.count }
        }
        return nil
    }
}
