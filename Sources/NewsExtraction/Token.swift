import NewsModel

/// One token of the article text: a word, a number, a mark of punctuation, a quotation mark, a
/// dash or a symbol, with its scalar offsets.
///
/// Offsets count Unicode scalars, as every offset of the model does (``Span``). `text` is the
/// token in lower case with typographic apostrophes folded to `'` (`"don't"`, `"'s"`), the form
/// every lexicon is written in; quotation marks keep their own character.
public struct Token: Sendable, Equatable {
    /// What sort of token this is.
    public enum Kind: UInt8, Sendable {
        /// Letters, with inner apostrophes, hyphens and abbreviation periods (`U.S.`, `Gov.`).
        case word
        /// A number, with inner commas and decimal points (`2,000`, `3.5`), or a word that
        /// starts with a digit (`20th`, `1990s`).
        case number
        /// Sentence and clause punctuation: `. , ; : ! ? ( ) [ ] …`.
        case punctuation
        /// A quotation mark: `"`, `“`, `”`, `‘`, `’` or a lone `'`, `«`, `»`.
        case quote
        /// A dash standing between words: `—`, `–`, or a hyphen with space around it.
        case dash
        /// Anything else: `$`, `£`, `%`, `&`, `@`, `#`…
        case symbol
    }

    /// Offset of the token's first scalar.
    public var start: Int
    /// Offset one past its last scalar.
    public var end: Int
    /// What the token is.
    public var kind: Kind
    /// The token in lower case, `’` folded to `'`; a quotation mark as itself.
    public var text: String
    /// Whether the first scalar is an upper-case letter.
    public var isCapitalized: Bool
    /// Whether the token has at least two letters and all of them are upper case (`DHS`, `ICE`).
    public var isAllCaps: Bool
    /// The token's word in the lexicon's vocabulary, or -1: lexicon tests are array lookups.
    var word: Int32 = -1
    /// What the lexicon knows of the word.
    var flags: WordFlags = []

    /// Creates a token.
    public init(start: Int, end: Int, kind: Kind, text: String, isCapitalized: Bool, isAllCaps: Bool) {
        self.start = start
        self.end = end
        self.kind = kind
        self.text = text
        self.isCapitalized = isCapitalized
        self.isAllCaps = isAllCaps
    }

    /// Whether the lexicon gives the word this property.
    func has(_ flag: WordFlags) -> Bool { flags.contains(flag) }

    /// Whether the token is a word or a number.
    public var isWordLike: Bool { kind == .word || kind == .number }

    /// Whether the token is this punctuation mark or word (`text` equal).
    public func `is`(_ text: String) -> Bool { self.text == text }

    /// Whether the token ends a sentence: `.`, `?`, `!` or `…`.
    public var isTerminal: Bool {
        kind == .punctuation && (text == "." || text == "?" || text == "!" || text == "…" || text == "...")
    }
}

/// Classification of single scalars, with an ASCII fast path.
enum Scalars {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        return scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return scalar.properties.numericType == .decimal
    }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        return scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        return scalar.properties.isLowercase
    }

    /// A combining mark continues the word it follows.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return false
            }
        }()
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C, 0xA0, 0x2028, 0x2029, 0x200B, 0xFEFF: return true
        case 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "ʼ"
    }

    static func isQuoteMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‟": return true
        default: return false
        }
    }

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "—" || scalar == "–" || scalar == "―"
    }
}

/// What the lexicon knows of a word, one bit per list, so that each token is looked up once.
struct WordFlags: OptionSet, Sendable, Equatable {
    let rawValue: UInt64

    /// A form of a cue verb.
    static let cueVerb = WordFlags(rawValue: 1 << 0)
    /// The first word of a cue phrase.
    static let cuePhraseStart = WordFlags(rawValue: 1 << 1)
    /// The last word of a cue noun.
    static let cueNounLast = WordFlags(rawValue: 1 << 2)
    /// The last word of a title.
    static let titleLast = WordFlags(rawValue: 1 << 3)
    /// An organisation word.
    static let organization = WordFlags(rawValue: 1 << 4)
    /// A group noun.
    static let group = WordFlags(rawValue: 1 << 5)
    /// The first word of a place name, in lower case.
    static let placeStart = WordFlags(rawValue: 1 << 6)
    /// A first name, in lower case.
    static let firstName = WordFlags(rawValue: 1 << 7)
    /// A common word.
    static let common = WordFlags(rawValue: 1 << 8)
    /// A word that can start a time expression.
    static let timeStart = WordFlags(rawValue: 1 << 9)
    /// A word that can start an amount (a number word, `a`, `one`, `half`).
    static let amountStart = WordFlags(rawValue: 1 << 10)
    /// A word that shows an event's kind.
    static let eventKind = WordFlags(rawValue: 1 << 11)
    /// A weekday or month name.
    static let weekdayOrMonth = WordFlags(rawValue: 1 << 12)
    /// A third-person pronoun.
    static let pronoun = WordFlags(rawValue: 1 << 13)
    /// A word the statement model weighs as a cue (``StatementClassifier``).
    static let learnedCue = WordFlags(rawValue: 1 << 14)
    /// A word the statement model has some weight for.
    static let modelWord = WordFlags(rawValue: 1 << 15)
    // The function-word lists of the phases, one bit each, so that a test is a mask and not a
    // hash of the token's text: ``ReportedSpeechSieves``, ``SpeakerPhrases``, ``CueFinder``,
    // ``MentionFinder``, ``QuantityFinder``, ``SentenceSplitter`` own the lists.
    static let adjunctStart = WordFlags(rawValue: 1 << 16)
    static let clauseVerb = WordFlags(rawValue: 1 << 17)
    static let determiner = WordFlags(rawValue: 1 << 18)
    static let nounMarker = WordFlags(rawValue: 1 << 19)
    static let objectPronoun = WordFlags(rawValue: 1 << 20)
    static let organizationSuffix = WordFlags(rawValue: 1 << 21)
    static let personalPronoun = WordFlags(rawValue: 1 << 22)
    static let preposition = WordFlags(rawValue: 1 << 23)
    static let quantifier = WordFlags(rawValue: 1 << 24)
    static let sourceNoun = WordFlags(rawValue: 1 << 25)
    static let starter = WordFlags(rawValue: 1 << 26)
    static let stopBefore = WordFlags(rawValue: 1 << 27)
    static let closedAbbreviation = WordFlags(rawValue: 1 << 28)
    static let unitStop = WordFlags(rawValue: 1 << 29)
    static let auxiliary = WordFlags(rawValue: 1 << 30)
    static let appositiveOpener = WordFlags(rawValue: 1 << 31)
}
