import NewsModel

/// The statement model's features of a candidate (see ``StatementClassifier/Template``), and the
/// filter that keeps the candidates the model believes.
extension AttributionSieves {
    /// The features of candidate `item`; with `names`, each with the value as the weights file
    /// writes it (for training).
    func features(of item: Attribution, names: Bool) -> [StatementClassifier.Feature] {
        typealias Feature = StatementClassifier.Feature
        typealias Template = StatementClassifier.Template
        let tokens = analyzed.tokens
        // The single features by template, then the pairs made of them.
        var base = [Feature?](repeating: nil, count: Template.count)
        func add(_ template: Template, _ category: String) {
            guard let code = template.categories.firstIndex(of: category) else { return }
            base[template.hashIndex] = Feature(template: template, code: Int32(code), name: names ? category : nil)
        }
        // Words in lower case only: a name says more about the corpus than about attribution.
        func addWord(_ template: Template, _ t: Int) {
            guard t >= 0, t < tokens.count, tokens[t].kind == .word, !tokens[t].isCapitalized || template == .cue,
                names || tokens[t].word >= 0
            else { return }
            base[template.hashIndex] = Feature(template: template, code: tokens[t].word, name: names ? tokens[t].text : nil)
        }
        add(.bias, "yes")
        if StatementClassifier.rules.contains(item.rule) { add(.rule, item.rule) }
        add(.kind, item.kind.rawValue)
        add(.certainty, Self.certaintyBucket(item.certainty))
        let cue = item.cue
        if let cue, cue.lowerBound < tokens.count {
            let head = cue.lowerBound
            addWord(.cue, head)
            add(.cueClass, cueClass(item, cue))
            let next = cue.upperBound
            let sameNext = next < tokens.count && sentence(of: next) == sentence(of: head)
            add(.next, tokenClass(sameNext ? next : nil))
            addWord(.nextWord, sameNext ? next : -1)
            let previous = head - 1
            let samePrevious = previous >= 0 && sentence(of: previous) == sentence(of: head)
            add(.previous, tokenClass(samePrevious ? previous : nil))
            addWord(.previousWord, samePrevious ? previous : -1)
            if let s = sentence(of: head) {
                let bounds = analyzed.sentences[s].tokens
                if bounds.lowerBound == head { add(.cueInitial, "yes") }
                if isNegated(head, bounds) { add(.negated, "yes") }
            }
            if let how = item.fallback { add(.fallback, how.rawValue) }
        } else {
            add(.cueClass, "none")
        }
        if let speaker = item.speaker, !speaker.isEmpty {
            add(.subject, subjectForm(speaker))
            addWord(.subjectHead, speaker.upperBound - 1)
            if let cue {
                let gap = cue.lowerBound - speaker.upperBound
                add(.subjectDistance, speaker.lowerBound >= cue.upperBound ? "after"
                    : gap <= 0 ? "0" : gap == 1 ? "1" : gap == 2 ? "2" : gap <= 5 ? "3-5" : "6+")
            }
        } else {
            add(.subject, "none")
        }
        let unnamed = !mentions.entities[item.entity].isNamed && mentions.entities[item.entity].name.hasPrefix("unnamed")
        add(.speakerKind, unnamed ? "unnamed" : mentions.entities[item.entity].kind.rawValue)
        // The content: its words, and on which side of the cue it lies.
        var words = 0
        var before = false
        var after = false
        for range in item.content {
            var t = analyzed.firstToken(atOrAfter: range.lowerBound)
            while t < tokens.count, tokens[t].start < range.upperBound {
                if tokens[t].isWordLike { words += 1 }
                t += 1
            }
            if let cue, cue.lowerBound < tokens.count {
                if range.upperBound <= tokens[cue.lowerBound].start { before = true } else { after = true }
            }
        }
        add(.contentWords, words <= 1 ? "1" : words == 2 ? "2" : words <= 5 ? "3-5" : words <= 10 ? "6-10"
            : words <= 20 ? "11-20" : words <= 40 ? "21-40" : "41+")
        if let cue, cue.lowerBound < tokens.count, let cueSentence = sentence(of: cue.lowerBound),
            !item.sentences.contains(cueSentence)
        {
            add(.contentSide, "apart")
        } else {
            add(.contentSide, before && after ? "around" : before ? "before" : "after")
        }
        if let first = item.content.first {
            let t = min(analyzed.firstToken(atOrAfter: first.lowerBound), tokens.count - 1)
            let block = Int(analyzed.tokenBlock[t])
            if block >= 0 {
                if analyzed.blocks[block].kind == .heading { add(.headline, "yes") }
                if quoteOnlyBlock[block] { add(.quoteOnlyParagraph, "yes") }
            }
        }
        var result: [Feature] = []
        result.reserveCapacity(Template.count)
        for feature in base { if let feature { result.append(feature) } }
        for (template, first, second) in Template.pairs {
            guard let a = base[first.hashIndex], let b = base[second.hashIndex] else { continue }
            let name = names ? "\(a.name ?? "")|\(b.name ?? "")" : nil
            result.append(Feature(template: template, code: a.code &* 64 &+ b.code, name: name))
        }
        return result
    }

    static func certaintyBucket(_ value: Double) -> String {
        value >= 0.95 ? "1" : value >= 0.88 ? "0.9" : value >= 0.78 ? "0.8" : value >= 0.68 ? "0.7" : value >= 0.58 ? "0.6" : "0.5"
    }

    /// What kind of cue a statement has.
    func cueClass(_ item: Attribution, _ cue: Range<Int>) -> String {
        let token = analyzed.tokens[cue.lowerBound]
        if item.learnedCue { return "learned" }
        if token.kind != .word { return "mark" }
        if token.text == "according" { return "according" }
        if cue.count > 1 { return "phrase" }
        guard let verb = lexicon.cueVerb(token) else { return "none" }
        return verb.isBelief ? "belief" : verb.isWeak ? "weak" : "lexicon"
    }

    /// The class of a token next to a cue.
    func tokenClass(_ t: Int?) -> String {
        guard let t else { return "none" }
        let token = analyzed.tokens[t]
        switch token.kind {
        case .quote: return "quote"
        case .dash: return "dash"
        case .number: return "number"
        case .symbol: return "other"
        case .punctuation:
            if token.text == ":" { return "colon" }
            if token.text == "," { return "comma" }
            return token.isTerminal ? "terminal" : "other"
        case .word:
            if token.text == "that" { return "that" }
            if token.text == "to" { return "to" }
            if token.has(.pronoun) || token.has(.personalPronoun) { return "pronoun" }
            if token.isCapitalized { return "capital" }
            if token.has(.determiner) { return "determiner" }
            if token.has(.preposition) { return "preposition" }
            return "word"
        }
    }

    /// The form of a speaker phrase's words.
    func subjectForm(_ speaker: Range<Int>) -> String {
        let tokens = analyzed.tokens
        let last = tokens[speaker.upperBound - 1]
        if speaker.count == 1, last.text == "who" { return "who" }
        if let mention = mentions.mention(at: speaker.upperBound - 1) {
            switch mention.form {
            case .name: return "name"
            case .pronoun: return "pronoun"
            default: return "description"
            }
        }
        if speaker.count == 1, last.has(.personalPronoun) { return "pronoun" }
        if last.kind == .number || last.text == "%" || last.has(.quantifier) { return "quantity" }
        return "description"
    }

    /// Scores every candidate with the statement model and keeps those it believes (all of
    /// them, with their features named, when `keepsAll`); a kept statement's confidence is the
    /// model's probability.
    mutating func applyStatementModel(keepsAll: Bool) {
        let model = StatementClassifier.shared
        guard model.isTrained || keepsAll else { return }
        var kept: [Attribution] = []
        kept.reserveCapacity(items.count)
        for var item in items {
            item.features = features(of: item, names: keepsAll)
            let probability = model.isTrained ? model.probability(item.features) : item.confidence
            item.probability = probability
            let threshold = item.kind == .reported ? model.reportedThreshold : model.quotedThreshold
            if keepsAll || probability >= threshold {
                if model.isTrained { item.confidence = probability }
                if !keepsAll { item.features = [] }
                kept.append(item)
            }
        }
        items = kept
    }
}
