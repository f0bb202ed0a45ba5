import NewsModel

/// The text after the first three phases — reading, tokens and sentences, quotations — with the
/// lookups every later phase uses: which sentence, paragraph and quotation holds each token.
struct AnalyzedText: Sendable {
    /// One sentence: its scalar range, its block (0-based) and its tokens.
    struct SentenceRecord: Sendable {
        var range: Range<Int>
        var block: Int
        var tokens: Range<Int>
    }

    let read: TextReader.Result
    let tokens: [Token]
    let sentences: [SentenceRecord]
    let quotations: [Quotation]
    /// For each token, the quotation whose words hold it, or -1.
    let tokenQuote: [Int32]
    /// For each token, its sentence, or -1 (a dateline).
    let tokenSentence: [Int32]
    /// For each token, its block.
    let tokenBlock: [Int32]
    /// For each block, its first token index and one past its last.
    let blockTokens: [Range<Int>]

    /// The article text's UTF-8 bytes, and for each scalar offset (and the end) the byte
    /// offset where it starts: the text of a range is a copy of its bytes.
    let utf8: [UInt8]
    let byteOffsets: [Int32]

    var scalars: [Unicode.Scalar] { read.scalars }
    var blocks: [TextReader.Block] { read.blocks }

    init(read: TextReader.Result) {
        self.read = read
        let scalars = read.scalars
        utf8 = Array(read.text.utf8)
        var offsets = [Int32](repeating: 0, count: scalars.count + 1)
        var offset: Int32 = 0
        for (index, scalar) in scalars.enumerated() {
            offsets[index] = offset
            offset += Int32(UTF8.width(scalar))
        }
        offsets[scalars.count] = offset
        byteOffsets = offsets
        let tokens = Tokenizer().tokens(scalars, in: 0..<scalars.count)
        let quotations = QuotationFinder().quotations(scalars, tokens: tokens, blocks: read.blocks)
        var tokenBlock = [Int32](repeating: -1, count: tokens.count)
        var blockTokens: [Range<Int>] = []
        var cursor = 0
        for (index, block) in read.blocks.enumerated() {
            while cursor < tokens.count, tokens[cursor].start < block.range.lowerBound { cursor += 1 }
            let first = cursor
            while cursor < tokens.count, tokens[cursor].start < block.range.upperBound {
                tokenBlock[cursor] = Int32(index)
                cursor += 1
            }
            blockTokens.append(first..<cursor)
        }
        var tokenQuote = [Int32](repeating: -1, count: tokens.count)
        var closedByBlock: [[Range<Int>]] = Array(repeating: [], count: read.blocks.count)
        var closingMarks = [Bool](repeating: false, count: scalars.count + 1)
        for (index, quotation) in quotations.enumerated() {
            for piece in quotation.pieces {
                if let close = piece.close {
                    closedByBlock[piece.block].append(piece.inner)
                    closingMarks[close] = true
                }
                let range = blockTokens[piece.block]
                var t = Self.firstToken(tokens, atOrAfter: piece.inner.lowerBound, in: range)
                while t < range.upperBound, tokens[t].start < piece.inner.upperBound {
                    tokenQuote[t] = Int32(index)
                    t += 1
                }
            }
        }
        var sentences: [SentenceRecord] = []
        var tokenSentence = [Int32](repeating: -1, count: tokens.count)
        let splitter = SentenceSplitter()
        for (index, block) in read.blocks.enumerated() {
            var range = blockTokens[index]
            if let dateline = read.dateline, dateline.start == block.range.lowerBound {
                range = Self.firstToken(tokens, atOrAfter: dateline.bodyStart, in: range)..<range.upperBound
            }
            guard !range.isEmpty, tokens[range].contains(where: \.isWordLike) else { continue }
            let bounds: [Range<Int>]
            if block.kind == .heading {
                bounds = [tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]
            } else {
                bounds = splitter.sentences(scalars, tokens: tokens[range], closedQuotes: closedByBlock[index].sorted { $0.lowerBound < $1.lowerBound },
                                            closingMarks: closingMarks)
            }
            var t = range.lowerBound
            for bound in bounds {
                let first = t
                while t < range.upperBound, tokens[t].start < bound.upperBound {
                    tokenSentence[t] = Int32(sentences.count)
                    t += 1
                }
                sentences.append(SentenceRecord(range: bound, block: index, tokens: first..<t))
            }
        }
        self.tokens = tokens
        self.quotations = quotations
        self.tokenBlock = tokenBlock
        self.blockTokens = blockTokens
        self.tokenQuote = tokenQuote
        self.sentences = sentences
        self.tokenSentence = tokenSentence
    }

    /// The first token in `range` that starts at or after `offset`, by binary search.
    static func firstToken(_ tokens: [Token], atOrAfter offset: Int, in range: Range<Int>) -> Int {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        Self.firstToken(tokens, atOrAfter: offset, in: 0..<tokens.count)
    }

    /// The text of a scalar range.
    func text(_ range: Range<Int>) -> String {
        let low = Int(byteOffsets[range.lowerBound])
        let high = Int(byteOffsets[range.upperBound])
        return String(decoding: utf8[low..<high], as: UTF8.self)
    }

    /// The text a run of tokens covers, from the first's start to the last's end.
    func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return text(tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end)
    }

    /// The scalar range a run of tokens covers.
    func scalarRange(tokens range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
    }

    /// Whether token `index` lies inside a quotation's words.
    func isQuoted(_ index: Int) -> Bool { tokenQuote[index] >= 0 }

    /// The token as written (its original case).
    func original(_ index: Int) -> String {
        text(tokens[index].start..<tokens[index].end)
    }
}
