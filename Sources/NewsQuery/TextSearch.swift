/// A compiled search for words in text: what `who said "surrender"` and
/// `where text has "we're not"` look for.
///
/// The pattern is analyzed like the text it searches (``TextAnalyzer``), so case, diacritics and
/// the style of quotes and apostrophes never matter:
/// - one word matches any word with the same stem: `surrender` finds "surrendering",
///   `president` finds "president’s", `We're` finds “We’re”;
/// - several words are a phrase: the words must stand one after the other, in that order
///   (punctuation between them is ignored);
/// - a word ending in `*` is a prefix: `surr*` finds any word whose folded form starts with
///   `surr`.
public struct TextSearch: Sendable, Equatable {
    /// Why a pattern cannot be searched for.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A sentence saying what is wrong, quoting the pattern.
        public var message: String

        /// Creates a failure with its message.
        public init(message: String) {
            self.message = message
        }

        /// The message.
        public var description: String { message }
    }

    /// One word of a pattern.
    public enum Term: Sendable, Equatable {
        /// A word that matches any token with this stem.
        case stem(String)
        /// A prefix (written `surr*`) that matches any token whose folded form starts with it.
        case prefix(String)

        /// Whether a token of the searched text matches this term.
        public func matches(_ token: TextToken) -> Bool {
            switch self {
            case .stem(let stem): token.stem == stem
            case .prefix(let prefix): token.folded.hasPrefix(prefix)
            }
        }
    }

    /// The pattern as written.
    public let pattern: String
    /// The words to find, in order; never empty.
    public let terms: [Term]

    /// Compiles a pattern.
    ///
    /// - Throws: ``Failure`` when the pattern has no words (empty, blank, only punctuation, or
    ///   a lone `*`).
    public init(_ pattern: String) throws(TextSearch.Failure) {
        let analyzed = TextAnalyzer.analyze(pattern)
        let scalars = Array(pattern.unicodeScalars)
        var terms: [Term] = []
        for token in analyzed.tokens {
            let end = token.range.upperBound
            if end < scalars.count && scalars[end] == "*" {
                var prefix = token.folded
                if prefix.hasSuffix("'") { prefix.removeLast() }
                terms.append(.prefix(prefix))
            } else {
                terms.append(.stem(token.stem))
            }
        }
        guard !terms.isEmpty else {
            throw Failure(message: "the search text \"\(pattern)\" has no words to look for")
        }
        self.pattern = pattern
        self.terms = terms
    }

    /// Whether the pattern occurs in the text.
    public func matches(_ text: AnalyzedText) -> Bool {
        let tokens = text.tokens
        guard tokens.count >= terms.count else { return false }
        for start in 0...(tokens.count - terms.count) where matches(tokens, at: start) {
            return true
        }
        return false
    }

    /// Every occurrence of the pattern in the text, in order, as the scalar offsets from the
    /// start of its first word to the end of its last word (offsets into whatever text the
    /// tokens were analyzed from). Occurrences do not overlap: after a match the search
    /// continues with the token that follows it.
    public func matchRanges(in text: AnalyzedText) -> [Range<Int>] {
        let tokens = text.tokens
        guard tokens.count >= terms.count else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        while start + terms.count <= tokens.count {
            if matches(tokens, at: start) {
                let last = start + terms.count - 1
                ranges.append(tokens[start].range.lowerBound..<tokens[last].range.upperBound)
                start += terms.count
            } else {
                start += 1
            }
        }
        return ranges
    }

    /// Whether every term matches the token at the same position from `start` on.
    private func matches(_ tokens: [TextToken], at start: Int) -> Bool {
        for (offset, term) in terms.enumerated() where !term.matches(tokens[start + offset]) {
            return false
        }
        return true
    }
}
