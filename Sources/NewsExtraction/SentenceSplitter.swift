import NewsModel

/// Phase 2, sentences: splits each paragraph's tokens into sentences.
///
/// A sentence ends at `.`, `?`, `!` or `…` with any closing quotation marks and brackets after
/// it, when white space follows and the next token can start a sentence (a capitalised word, a
/// number, an opening quotation mark or bracket). Periods of abbreviations and initials belong
/// to their word (``Tokenizer``), so `Gov. Walz` and `J. Smith` do not split; an abbreviation
/// that can end a sentence (`U.S.`, `Inc.`, `Jr.`) does end one when a word that usually starts
/// a sentence follows (`… in the U.S. The …`). No sentence ends inside a closed quotation: a
/// quotation of several sentences stays one, as in the seed model (`“Was it a perfect operation?
/// No.”`), but a quotation that ends a sentence inside its marks (`… No.” Then`) ends it there,
/// even before a speech tag of another speaker (`… “a mistake.” Reyes called …`); only a `?` or
/// `!` keeps the tag after it (`“Why?” Reyes asked.`).
/// A heading is one sentence; a dateline is in no sentence.
public struct SentenceSplitter: Sendable {
    /// Abbreviations that never end a sentence: titles and months go with what follows.
    static let titles: Set<String> = [
        "mr.", "mrs.", "ms.", "dr.", "prof.", "gov.", "govs.", "sen.", "sens.", "rep.", "reps.", "gen.", "lt.",
        "col.", "sgt.", "capt.", "cmdr.", "adm.", "maj.", "cpl.", "pvt.", "pres.", "supt.", "det.", "insp.",
        "atty.", "rev.", "fr.", "hon.", "st.", "mt.", "ft.", "no.", "nos.", "vol.", "fig.", "jan.", "feb.",
        "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "vs.",
    ]

    /// Words that usually start a sentence, after an abbreviation that may end one.
    static let starters: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on", "at", "this",
        "that", "these", "those", "there", "his", "her", "their", "its", "our", "my", "if", "when", "while",
        "after", "before", "as", "so", "yet", "still", "however", "meanwhile", "now", "then", "what", "why",
        "how", "who", "some", "many", "most", "one", "for", "since", "although", "though",
    ]

    /// Whether the tokens from `start` are a speech tag: up to seven words of a speaker, then a
    /// cue verb in lower case (`Biden said`, `the senator from Ohio told reporters`), or the cue
    /// first (`said Biden`), and at most nine more tokens before the sentence's end, a comma or
    /// a quotation mark.
    static func isSpeechTag(_ tokens: ArraySlice<Token>, from start: Int) -> Bool {
        var t = start
        let end = tokens.endIndex
        while t < end, t - start < 8 {
            let token = tokens[t]
            if token.has(.cueVerb), !token.isCapitalized {
                var u = t + 1
                while u < end, u - t < 10 {
                    if tokens[u].isTerminal || tokens[u].text == "," || tokens[u].kind == .quote { return true }
                    u += 1
                }
                return u >= end
            }
            guard token.kind == .word || token.text == "," && t > start else { return false }
            t += 1
        }
        return false
    }

    /// Creates a splitter.
    public init() {}

    /// The sentences of one paragraph, as scalar ranges, for its tokens from `start`.
    ///
    /// - Parameters:
    ///   - tokens: the tokens of the paragraph, in order.
    ///   - closedQuotes: the inner ranges of closed quotation pieces in the paragraph, in order.
    ///   - closingMarks: for each scalar offset, whether a closing quotation mark (straight ones
    ///     included) stands there.
    public func sentences(
        _ scalars: [Unicode.Scalar], tokens: ArraySlice<Token>, closedQuotes: [Range<Int>], closingMarks: [Bool]
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        guard let firstIndex = tokens.indices.first else { return [] }
        var sentenceStart = tokens[firstIndex].start
        var quoteCursor = 0
        var index = firstIndex
        let endIndex = tokens.endIndex
        while index < endIndex {
            let token = tokens[index]
            let abbreviationEnd = token.kind == .word && scalars[token.end - 1] == "." && !token.has(.closedAbbreviation)
                && token.text.count > 2
            guard token.isTerminal || abbreviationEnd else {
                index += 1
                continue
            }
            // Inside a closed quotation no sentence ends.
            while quoteCursor < closedQuotes.count, closedQuotes[quoteCursor].upperBound <= token.start {
                quoteCursor += 1
            }
            var last = index
            while last + 1 < endIndex, tokens[last + 1].start == tokens[last].end,
                (tokens[last + 1].kind == .quote && closingMarks[tokens[last + 1].start])
                    || tokens[last + 1].text == ")" || tokens[last + 1].text == "]"
                    || tokens[last + 1].isTerminal
            {
                last += 1
            }
            let insideQuote = quoteCursor < closedQuotes.count && closedQuotes[quoteCursor].lowerBound <= token.start
                && tokens[last].end <= closedQuotes[quoteCursor].upperBound
            let next = last + 1
            guard !insideQuote, next < endIndex, tokens[next].start > tokens[last].end else {
                index = last + 1
                continue
            }
            let following = tokens[next]
            var starts = following.isCapitalized || following.kind == .number
                || (following.kind == .quote && !closingMarks[following.start])
                || following.text == "(" || following.text == "["
            if abbreviationEnd && !token.isTerminal {
                starts = following.isCapitalized && following.has(.starter)
            }
            // “Does he not understand?” Biden said. — a quotation that ends in its own question
            // or exclamation mark stays in one sentence with the speech tag after it. One that
            // ends in a period ends its sentence: `called it “a mistake.” Reyes called it …`.
            if starts, last > index, tokens[last].kind == .quote, token.text == "?" || token.text == "!",
                Self.isSpeechTag(tokens, from: next)
            {
                starts = false
            }
            if starts {
                result.append(sentenceStart..<tokens[last].end)
                sentenceStart = following.start
            }
            index = next
        }
        let lastEnd = tokens[tokens.index(before: endIndex)].end
        if sentenceStart < lastEnd { result.append(sentenceStart..<lastEnd) }
        return result
    }
}
