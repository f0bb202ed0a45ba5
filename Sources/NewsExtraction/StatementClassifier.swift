import NewsModel

/// The statement model: a logistic regression over each candidate statement's features that
/// says how likely the candidate is a real attribution with the right speaker. The sieves
/// propose; the model keeps a candidate when its probability reaches the threshold for its kind
/// (quoted or reported), and that probability becomes the statement's `confidence`.
///
/// The features are few and named (``Template``): the sieve, the cue word and its class, the
/// words and marks around the cue, the speaker phrase's form, head word and kind, the content's
/// length and side, the statement's kind. Word features use the lexicon's vocabulary, so a
/// feature is an array lookup and a hash of two integers, never a string.
///
/// The weights are data (`Lexicons/statement-weights.txt`, generated into ``LexiconData``),
/// written by `scripts/train-statement-model` from PolNeAR's train split only: feature names and
/// numbers, no text of the corpus.
struct StatementClassifier: Sendable {
    /// A kind of feature.
    enum Template: Int, CaseIterable, Sendable {
        case bias, rule, cue, cueClass, next, nextWord, previous, previousWord, subject, subjectHead, speakerKind
        case certainty, contentWords, contentSide, kind, headline, quoteOnlyParagraph, cueInitial, subjectDistance
        case fallback, negated
        // Pairs: the first part's value and the second's (a category), written `a|b`.
        case cueRule, cueNext, cuePrevious, cueSubject, cueWords, ruleNext, rulePrevious, ruleSubject, ruleWords
        case ruleSide, ruleKind, classNext, classSubject, headCue, nextWordClass, cueFallback, fallbackSubject
        case fallbackWords

        /// The template's name in the weights file.
        var name: String { Self.names[rawValue] }

        static let names = [
            "bias", "rule", "cue", "cue-class", "next", "next-word", "previous", "previous-word", "subject", "subject-head",
            "speaker-kind", "certainty", "content-words", "content-side", "kind", "headline", "quote-only-paragraph",
            "cue-initial", "subject-distance", "fallback", "negated", "cue+rule", "cue+next", "cue+previous",
            "cue+subject", "cue+content-words", "rule+next", "rule+previous", "rule+subject", "rule+content-words",
            "rule+content-side", "rule+speaker-kind", "cue-class+next", "cue-class+subject", "subject-head+cue-class",
            "next-word+cue-class", "cue+fallback", "fallback+subject", "fallback+content-words",
        ]

        /// The template named `name`.
        init?(name: String) {
            guard let index = Self.byName[name] else { return nil }
            self.init(rawValue: index)
        }

        private static let byName = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

        /// For each template, its categories' codes by name.
        static let codes: [[String: Int32]] = allCases.map { template in
            Dictionary(uniqueKeysWithValues: template.categories.enumerated().map { ($1, Int32($0)) })
        }

        /// A small stable number for the template.
        var hashIndex: Int { rawValue }

        /// How many templates there are.
        static let count = allCases.count

        /// The pair templates with their parts, computed once.
        static let pairs: [(Template, Template, Template)] = allCases.compactMap { template in
            template.parts.map { (template, $0.0, $0.1) }
        }

        /// The categories of a closed template, in code order (fewer than 64), computed once.
        var categories: [String] { Self.categoryLists[rawValue] }

        private static let categoryLists: [[String]] = allCases.map(\.categoryList)

        /// The two templates of a pair.
        var parts: (Template, Template)? {
            switch self {
            case .cueRule: return (.cue, .rule)
            case .cueNext: return (.cue, .next)
            case .cuePrevious: return (.cue, .previous)
            case .cueSubject: return (.cue, .subject)
            case .cueWords: return (.cue, .contentWords)
            case .ruleNext: return (.rule, .next)
            case .rulePrevious: return (.rule, .previous)
            case .ruleSubject: return (.rule, .subject)
            case .ruleWords: return (.rule, .contentWords)
            case .ruleSide: return (.rule, .contentSide)
            case .ruleKind: return (.rule, .speakerKind)
            case .classNext: return (.cueClass, .next)
            case .classSubject: return (.cueClass, .subject)
            case .headCue: return (.subjectHead, .cueClass)
            case .nextWordClass: return (.nextWord, .cueClass)
            case .cueFallback: return (.cue, .fallback)
            case .fallbackSubject: return (.fallback, .subject)
            case .fallbackWords: return (.fallback, .contentWords)
            default: return nil
            }
        }

        /// Whether the template's values are words (looked up in the vocabulary) rather than a
        /// closed list of categories; for a pair, whether its first part's are.
        var isWord: Bool {
            switch self {
            case .cue, .nextWord, .previousWord, .subjectHead: return true
            default: return parts?.0.isWord ?? false
            }
        }

        private var categoryList: [String] {
            switch self {
            case .bias, .headline, .quoteOnlyParagraph, .cueInitial, .negated: return ["yes"]
            case .fallback: return ["subject", "nearest", "after"]
            case .rule: return StatementClassifier.rules
            case .cueClass: return ["lexicon", "weak", "belief", "phrase", "according", "learned", "mark", "none"]
            case .next, .previous: return StatementClassifier.tokenClasses
            case .subject: return ["name", "pronoun", "description", "who", "quantity", "none"]
            case .speakerKind: return ["person", "organization", "group", "place", "unnamed"]
            case .certainty: return ["1", "0.9", "0.8", "0.7", "0.6", "0.5"]
            case .contentWords: return ["1", "2", "3-5", "6-10", "11-20", "21-40", "41+"]
            case .contentSide: return ["after", "before", "around", "apart"]
            case .kind: return ["direct", "partial", "reported"]
            case .subjectDistance: return ["0", "1", "2", "3-5", "6+", "after"]
            default: return []
            }
        }
    }

    /// Every sieve's rule name, in code order (a new sieve goes at the end).
    static let rules = [
        "quote-cue-after", "quote-cue-before", "quote-colon-speaker", "headline-colon", "according-to",
        "reported-cue-after", "reported-interrupted", "reported-subject-cue", "reported-participle",
        "reported-coordinated", "in-source", "quote-in-sentence", "quote-continues-sentence",
        "quote-continues-paragraph", "quote-only-paragraph", "quote-dash-speaker", "cue-fallback", "headline-cue", "transcript-colon",
    ]

    /// What a token next to the cue is, for `next` and `previous`.
    static let tokenClasses = [
        "that", "to", "quote", "colon", "comma", "terminal", "capital", "pronoun", "determiner", "preposition", "word",
        "number", "dash", "other", "none",
    ]

    /// One feature: a template and a value (a category's code, or a word of the vocabulary).
    struct Feature: Sendable, Equatable {
        var template: Template
        /// A category's index or a vocabulary word's index; for a pair, the first part's times
        /// 64 plus the second's.
        var code: Int32
        /// The value as the weights file writes it (filled only when names are asked for).
        var name: String?
    }

    /// The model, read once per process.
    static let shared = StatementClassifier(lines: LexiconData.statementWeights)

    /// Weights by feature key.
    let weights: [UInt64: Double]
    /// The lowest probability a quoted (direct or partial) candidate needs.
    let quotedThreshold: Double
    /// The lowest probability a reported candidate needs.
    let reportedThreshold: Double
    /// Whether the model has any weights (without, every candidate is kept at its sieve's confidence).
    var isTrained: Bool { !weights.isEmpty }

    /// Reads `template value weight` lines and `threshold quoted|reported value` lines. Word
    /// values are looked up in the lexicon's vocabulary, which holds every word of the file.
    init(lines: [String]) {
        var table: [UInt64: Double] = [:]
        var quoted = 0.5
        var reported = 0.5
        let vocabulary = Lexicon.shared.vocabulary
        for line in lines {
            let fields = Lexicon.fields(line)
            guard fields.count == 3, let value = Double(fields[2]) else { continue }
            if fields[0] == "threshold" {
                if fields[1] == "quoted" { quoted = value } else if fields[1] == "reported" { reported = value }
                continue
            }
            guard let template = Template(name: fields[0]) else { continue }
            let name = fields[1]
            func code(_ part: Template, _ value: String) -> Int32? {
                part.isWord ? vocabulary[value] : Template.codes[part.rawValue][value]
            }
            var found: Int32?
            if let (first, second) = template.parts {
                let values = name.split(separator: "|", maxSplits: 1).map(String.init)
                if values.count == 2, let a = code(first, values[0]), let b = code(second, values[1]) { found = a * 64 + b }
            } else {
                found = code(template, name)
            }
            if let found { table[Self.key(template, found)] = value }
        }
        weights = table
        quotedThreshold = quoted
        reportedThreshold = reported
    }

    /// The words the weights file gives word templates, for the vocabulary.
    static func modelWords(_ lines: [String]) -> [String] {
        var words: [String] = []
        for line in lines {
            let fields = Lexicon.fields(line)
            guard fields.count == 3, let template = Template(name: fields[0]), template.isWord else { continue }
            let value = fields[1]
            if template.parts != nil {
                if let bar = value.firstIndex(of: "|") { words.append(String(value[..<bar])) }
            } else {
                words.append(value)
            }
        }
        return words
    }

    static func key(_ template: Template, _ code: Int32) -> UInt64 {
        UInt64(template.hashIndex) << 48 | UInt64(UInt32(bitPattern: code))
    }

    /// The probability of a candidate with these features.
    func probability(_ features: [Feature]) -> Double {
        var sum = 0.0
        for feature in features {
            if let weight = weights[Self.key(feature.template, feature.code)] { sum += weight }
        }
        return 1 / (1 + Self.exp(-sum))
    }

    /// `e^x`, by the standard library's `Double` power series where Foundation is not at hand.
    static func exp(_ x: Double) -> Double {
        let clamped = min(40, max(-40, x))
        // e^x = (e^(x/2^k))^(2^k): a short Taylor series near zero, squared back.
        let k = 8
        let y = clamped / Double(1 << k)
        var result = 1 + y * (1 + y / 2 * (1 + y / 3 * (1 + y / 4 * (1 + y / 5 * (1 + y / 6)))))
        for _ in 0..<k { result *= result }
        return result
    }
}
