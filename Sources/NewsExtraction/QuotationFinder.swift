import NewsModel

/// One quotation: the words between a pair of quotation marks, possibly over several paragraphs.
public struct Quotation: Sendable, Equatable {
    /// The part of a quotation inside one paragraph.
    public struct Piece: Sendable, Equatable {
        /// The 0-based index of the block (paragraph) that holds the piece.
        public var block: Int
        /// The offset of the opening mark, or `nil` when the piece starts a paragraph without one.
        public var open: Int?
        /// The offset of the closing mark, or `nil` when the paragraph ends inside the quotation.
        public var close: Int?
        /// One past the closing mark (a mark may be two scalars: `''`).
        public var closeEnd: Int?
        /// The words between the marks, white space trimmed; never empty.
        public var inner: Range<Int>
    }

    /// The pieces in text order, one per paragraph; more than one for a quotation that runs
    /// over paragraphs (each but the last opens without closing, the next opens again).
    public var pieces: [Piece]
    /// Whether the marks are single quotation marks (`‘…’`), used at the top level.
    public var isSingle: Bool

    /// Offset of the first scalar inside the marks.
    public var start: Int { pieces[0].inner.lowerBound }
    /// Offset one past the last scalar inside the marks.
    public var end: Int { pieces[pieces.count - 1].inner.upperBound }
    /// Whether the last piece has a closing mark.
    public var isClosed: Bool { pieces[pieces.count - 1].close != nil }
    /// The first and last offset of the marks themselves (the whole quotation, marks included,
    /// of its first piece).
    public var outerStart: Int { pieces[0].open ?? pieces[0].inner.lowerBound }
    /// One past the closing mark of the last piece, or the end of its words.
    public var outerEnd: Int { pieces[pieces.count - 1].closeEnd ?? end }
}

/// Phase 3, quotations: finds every quotation in the text.
///
/// - Curly double marks pair `“` with `”`; guillemets `«` with `»`; a straight `"` opens when no
///   quotation is open in the paragraph and closes the open one otherwise; a `”` that opens a
///   paragraph or a line before a word, with no quotation open, is taken for a `“`.
/// - Single marks inside a double quotation are a nested quotation and stay part of it. At the
///   top level a curly `‘` that starts a word opens a single quotation, closed by a `’` that ends
///   one (not an apostrophe inside or after a word such as `officers’ tactics` followed by more
///   words: a closing `’` must be followed by white space, punctuation or the paragraph's end);
///   straight single marks at the top level are apostrophes.
/// - A paragraph that ends inside a quotation continues it into the next paragraph when that
///   one begins with an opening mark (the newspaper convention for quotations over several
///   paragraphs); otherwise the quotation ends with its paragraph, unclosed.
/// - A closing mark with no quotation open is ignored.
public struct QuotationFinder: Sendable {
    /// Creates a finder.
    public init() {}

    /// Every quotation, in text order; `tokens` are the text's tokens, `blocks` its paragraphs.
    public func quotations(_ scalars: [Unicode.Scalar], tokens: [Token], blocks: [TextReader.Block]) -> [Quotation] {
        var result: [Quotation] = []
        var tokenIndex = 0
        var carried: Quotation?  // a quotation open at the end of the previous paragraph
        for (blockIndex, block) in blocks.enumerated() {
            while tokenIndex < tokens.count, tokens[tokenIndex].start < block.range.lowerBound { tokenIndex += 1 }
            let first = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].start < block.range.upperBound { tokenIndex += 1 }
            let paragraphTokens = tokens[first..<tokenIndex]
            var open: (mark: Int, straight: Bool, end: Int)?
            var continuing = carried
            carried = nil
            // A carried quotation continues only if this paragraph opens with a quotation mark.
            if continuing != nil {
                if let firstToken = paragraphTokens.first, firstToken.kind == .quote, Self.opens(firstToken.text) {
                    // handled below: the first mark opens the continuation
                } else {
                    result.append(continuing!)
                    continuing = nil
                }
            }
            var singleOpen: Int?
            for (position, token) in zip(paragraphTokens.indices, paragraphTokens) where token.kind == .quote {
                let mark = token.text
                switch mark {
                case "“", "«", "„":
                    if let current = open {
                        // A second opening mark before a close: the first quotation ends unclosed here.
                        append(piece(scalars, blockIndex, current, nil, token.start), &continuing, &result)
                    }
                    open = (token.start, false, token.end)
                    singleOpen = nil
                case "”", "»", "‟":
                    if let current = open {
                        append(piece(scalars, blockIndex, current, token, token.start), &continuing, &result)
                        open = nil
                    } else if mark == "”", token.start == block.range.lowerBound || scalars[token.start - 1] == "\n",
                        Self.startsWord(scalars, token.start, block.range), continuing == nil
                    {
                        // A closing mark typed for an opening one at the paragraph's or a line's start.
                        open = (token.start, false, token.end)
                        singleOpen = nil
                    }
                case "\"":
                    // A straight mark in an opening position while a quotation is open starts a new
                    // one: the writer left the last unclosed ("… 26 weeks. "We are going to …").
                    if let current = open, Self.opensOnly(scalars, token, block.range) {
                        append(piece(scalars, blockIndex, current, nil, token.start), &continuing, &result)
                        open = (token.start, true, token.end)
                    } else if let current = open {
                        append(piece(scalars, blockIndex, current, token, token.start), &continuing, &result)
                        open = nil
                    } else {
                        open = (token.start, true, token.end)
                        singleOpen = nil
                    }
                case "‘":
                    if open == nil, singleOpen == nil, Self.startsWord(scalars, token.start, block.range) {
                        singleOpen = token.start
                    }
                case "’":
                    if open == nil, let start = singleOpen, Self.endsWord(scalars, tokens, position, block.range) {
                        if let made = piece(scalars, blockIndex, (start, false, start + 1), token, token.start) {
                            result.append(Quotation(pieces: [made], isSingle: true))
                        }
                        singleOpen = nil
                    }
                default:
                    break
                }
            }
            if let current = open {
                // The paragraph ends inside the quotation.
                if let made = piece(scalars, blockIndex, current, nil, block.range.upperBound) {
                    if continuing != nil {
                        continuing!.pieces.append(made)
                    } else {
                        continuing = Quotation(pieces: [made], isSingle: false)
                    }
                    carried = continuing
                    continuing = nil
                } else if let done = continuing {
                    result.append(done)
                    continuing = nil
                }
            } else if let done = continuing {
                result.append(done)
            }
        }
        if let done = carried { result.append(done) }
        return result.sorted { $0.start < $1.start }
    }

    /// Adds a finished piece: to the continuing quotation if there is one (then finishes it), else
    /// as a quotation of its own.
    private func append(_ made: Piece?, _ continuing: inout Quotation?, _ result: inout [Quotation]) {
        guard let made else {
            if let done = continuing { result.append(done) }
            continuing = nil
            return
        }
        if var current = continuing {
            current.pieces.append(made)
            result.append(current)
            continuing = nil
        } else {
            result.append(Quotation(pieces: [made], isSingle: false))
        }
    }

    private typealias Piece = Quotation.Piece

    /// The piece between an opening mark and `end` (the closing mark, or the paragraph's end),
    /// trimmed; `nil` when nothing but white space stands between them.
    private func piece(
        _ scalars: [Unicode.Scalar], _ block: Int, _ open: (mark: Int, straight: Bool, end: Int), _ close: Token?, _ end: Int
    ) -> Piece? {
        var start = open.end
        var stop = end
        while start < stop, Scalars.isSpace(scalars[start]) { start += 1 }
        while stop > start, Scalars.isSpace(scalars[stop - 1]) { stop -= 1 }
        guard start < stop else { return nil }
        return Piece(block: block, open: open.mark, close: close?.start, closeEnd: close?.end, inner: start..<stop)
    }

    /// Whether a straight mark stands where only an opening one can: after white space or a
    /// bracket (or at the paragraph's start) and before a letter or digit, with a sentence's end
    /// before the white space.
    static func opensOnly(_ scalars: [Unicode.Scalar], _ token: Token, _ range: Range<Int>) -> Bool {
        let before = token.start - 1
        guard before >= range.lowerBound + 1, Scalars.isSpace(scalars[before]),
            token.end < range.upperBound, Scalars.isLetter(scalars[token.end]) || Scalars.isDigit(scalars[token.end])
        else { return false }
        let previous = scalars[before - 1]
        return previous == "." || previous == "?" || previous == "!"
    }

    static func opens(_ mark: String) -> Bool {
        mark == "“" || mark == "\"" || mark == "«" || mark == "„"
    }

    /// Whether the mark at `offset` starts a word: white space, a bracket or a dash (or the
    /// paragraph's start) before it, a letter or digit after it.
    static func startsWord(_ scalars: [Unicode.Scalar], _ offset: Int, _ range: Range<Int>) -> Bool {
        let before = offset == range.lowerBound || Scalars.isSpace(scalars[offset - 1])
            || "([—–-“\"".unicodeScalars.contains(scalars[offset - 1])
        let after = offset + 1 < range.upperBound
            && (Scalars.isLetter(scalars[offset + 1]) || Scalars.isDigit(scalars[offset + 1]))
        return before && after
    }

    /// Whether the `’` token at `position` closes a single quotation: it follows a word or
    /// punctuation directly and is followed by white space, punctuation or the paragraph's end.
    static func endsWord(_ scalars: [Unicode.Scalar], _ tokens: [Token], _ position: Int, _ range: Range<Int>) -> Bool {
        let offset = tokens[position].start
        guard offset > range.lowerBound, !Scalars.isSpace(scalars[offset - 1]) else { return false }
        let next = offset + 1
        return next >= range.upperBound || Scalars.isSpace(scalars[next]) || Tokenizer.isPunctuation(scalars[next])
            || scalars[next] == "”" || scalars[next] == "\""
    }
}
