import NewsModel

/// Phase 1, reading: metadata lines, title, dateline, paragraphs and headings.
///
/// The input is plain text or Markdown. It may start with metadata lines `key value`, keys
/// `date`, `title`, `source` and `url` (lower case, at the very top), as the seed file has
/// (`date 2026-02-04`, which may also share its line with the first words of the article, as in
/// ``NewsModel/ArticleReader``'s seed format). When there are metadata lines the article text is
/// what follows them, without leading or trailing white space; when there are none the article
/// text is the input exactly, so offsets agree with annotation tools such as brat.
///
/// Blocks are separated by blank lines (lines of white space). A block is a heading when it is
/// a Markdown heading (`# …`, whose marks are left out of the paragraph), or a single line of at
/// most 120 scalars that starts with a capital or digit and does not end in sentence
/// punctuation (`.`, `?`, `!`, `:`, `;`, `,`, a closing quotation mark or bracket). The first
/// block, when it is heading-like and more blocks follow, is the title. A dateline
/// (`MINNEAPOLIS (AP) — `, `WASHINGTON — `, `LONDON (Reuters) - `) at the start of the first body
/// block belongs to its paragraph but to no sentence.
public struct TextReader: Sendable {
    /// A block of the text: a paragraph or a heading.
    public struct Block: Sendable, Equatable {
        /// The scalar range of the block, white space trimmed (and Markdown heading marks).
        public var range: Range<Int>
        /// Body or heading.
        public var kind: Paragraph.Kind

        /// Creates a block.
        public init(range: Range<Int>, kind: Paragraph.Kind) {
            self.range = range
            self.kind = kind
        }
    }

    /// The dateline at the start of the first body paragraph.
    public struct Dateline: Sendable, Equatable {
        /// The place, as written (`MINNEAPOLIS`).
        public var place: String
        /// The agency in brackets (`AP`), if any.
        public var source: String?
        /// Where the place starts.
        public var start: Int
        /// Where the first sentence starts, after the dash and its space.
        public var bodyStart: Int

        /// Creates a dateline.
        public init(place: String, source: String?, start: Int, bodyStart: Int) {
            self.place = place
            self.source = source
            self.start = start
            self.bodyStart = bodyStart
        }
    }

    /// What reading found.
    public struct Result: Sendable {
        /// The article text every offset indexes.
        public var text: String
        /// Its scalars.
        public var scalars: [Unicode.Scalar]
        /// Every block, in order.
        public var blocks: [Block]
        /// The `date` metadata line's date.
        public var date: CalendarDate?
        /// The `title` metadata line, or the first block when it is the title.
        public var title: String?
        /// The `source` metadata line.
        public var source: String?
        /// The `url` metadata line.
        public var url: String?
        /// The dateline, if the first body block has one.
        public var dateline: Dateline?
    }

    /// The metadata keys a first line may give.
    public static let metadataKeys: Set<String> = ["date", "title", "source", "url"]

    /// Creates a reader.
    public init() {}

    /// Reads `raw`; throws when a `date` line is not a date or no text is left.
    public func read(_ raw: String) throws(ExtractionError) -> Result {
        var metadata: [String: String] = [:]
        var date: CalendarDate?
        let all = Array(raw.unicodeScalars)
        var index = 0
        var line = 1
        var sawMetadata = false
        metadataLoop: while true {
            var probe = index
            while probe < all.count, Scalars.isSpace(all[probe]) {
                if all[probe] == "\n" { line += 1 }
                probe += 1
            }
            var keyEnd = probe
            while keyEnd < all.count, Scalars.isLower(all[keyEnd]), keyEnd - probe < 8 { keyEnd += 1 }
            guard keyEnd < all.count, all[keyEnd] == " " || all[keyEnd] == "\t" else { break }
            let key = String(String.UnicodeScalarView(all[probe..<keyEnd]))
            guard Self.metadataKeys.contains(key), metadata[key] == nil else { break }
            var valueStart = keyEnd
            while valueStart < all.count, all[valueStart] == " " || all[valueStart] == "\t" { valueStart += 1 }
            var lineEnd = valueStart
            while lineEnd < all.count, all[lineEnd] != "\n" { lineEnd += 1 }
            if key == "date" {
                var valueEnd = valueStart
                while valueEnd < lineEnd, !Scalars.isSpace(all[valueEnd]) { valueEnd += 1 }
                let value = String(String.UnicodeScalarView(all[valueStart..<valueEnd]))
                guard let parsed = CalendarDate(iso: value) else {
                    // "date" starting a sentence is prose, not metadata, unless it looks like one.
                    if !sawMetadata, !value.unicodeScalars.contains(where: Scalars.isDigit) { break metadataLoop }
                    throw .badMetadataDate(value: value, line: line)
                }
                date = parsed
                metadata[key] = value
                sawMetadata = true
                var rest = valueEnd
                while rest < lineEnd, all[rest] == " " || all[rest] == "\t" || all[rest] == "\r" { rest += 1 }
                if rest < lineEnd {
                    // The seed form: the article continues on the date's own line.
                    index = rest
                    break metadataLoop
                }
                index = lineEnd
            } else {
                var valueEnd = lineEnd
                while valueEnd > valueStart, Scalars.isSpace(all[valueEnd - 1]) { valueEnd -= 1 }
                guard valueEnd > valueStart else { break }
                metadata[key] = String(String.UnicodeScalarView(all[valueStart..<valueEnd]))
                sawMetadata = true
                index = lineEnd
            }
        }
        let scalars: [Unicode.Scalar]
        let text: String
        if sawMetadata {
            var start = index
            while start < all.count, Scalars.isSpace(all[start]) { start += 1 }
            var end = all.count
            while end > start, Scalars.isSpace(all[end - 1]) { end -= 1 }
            scalars = Array(all[start..<end])
            text = String(String.UnicodeScalarView(scalars))
        } else {
            scalars = all
            text = raw
        }
        guard scalars.contains(where: { !Scalars.isSpace($0) }) else { throw .empty }
        var blocks = Self.blocks(scalars)
        // A text of one block is prose, whatever it looks like.
        if blocks.count == 1 { blocks[0].kind = .body }
        var title = metadata["title"]
        if blocks.count > 1, blocks[0].kind == .heading, title == nil {
            title = ScalarText.string(scalars[blocks[0].range])
        }
        // A first block that is a single line without final punctuation is a title when others follow.
        if blocks.count > 1, blocks[0].kind == .body, Self.looksLikeHeading(scalars, blocks[0].range, first: true) {
            blocks[0].kind = .heading
            if title == nil { title = ScalarText.string(scalars[blocks[0].range]) }
        }
        let firstBody = blocks.firstIndex { $0.kind == .body }
        let dateline = firstBody.flatMap { Self.dateline(scalars, blocks[$0].range) }
        return Result(text: text, scalars: scalars, blocks: blocks, date: date, title: title,
                      source: metadata["source"], url: metadata["url"], dateline: dateline)
    }

    /// The blocks of the text: runs of lines separated by blank lines.
    static func blocks(_ scalars: [Unicode.Scalar]) -> [Block] {
        var blocks: [Block] = []
        var index = 0
        let count = scalars.count
        while index < count {
            // Skip blank space; a block starts at the first non-space scalar.
            while index < count, Scalars.isSpace(scalars[index]) { index += 1 }
            guard index < count else { break }
            let start = index
            var lastNonSpace = index
            var lineHasText = false
            var end = count
            while index < count {
                let scalar = scalars[index]
                if scalar == "\n" || scalar == "\u{2029}" {
                    if !lineHasText && index > start {
                        end = lastNonSpace + 1
                        break
                    }
                    lineHasText = false
                } else if !Scalars.isSpace(scalar) {
                    lineHasText = true
                    lastNonSpace = index
                }
                index += 1
            }
            if index >= count { end = lastNonSpace + 1 }
            blocks.append(block(scalars, start..<end))
        }
        return blocks
    }

    /// A block, with Markdown heading marks taken off.
    private static func block(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Block {
        var hashes = range.lowerBound
        while hashes < range.upperBound, scalars[hashes] == "#", hashes - range.lowerBound < 6 { hashes += 1 }
        if hashes > range.lowerBound, hashes < range.upperBound, scalars[hashes] == " ",
            !scalars[range].contains("\n")
        {
            var start = hashes
            while start < range.upperBound, scalars[start] == " " { start += 1 }
            var end = range.upperBound
            while end > start, scalars[end - 1] == "#" || scalars[end - 1] == " " { end -= 1 }
            if start < end { return Block(range: start..<end, kind: .heading) }
        }
        let heading = looksLikeHeading(scalars, range, first: false)
        return Block(range: range, kind: heading ? .heading : .body)
    }

    /// Whether a block reads as a heading: one line, short, capitalised, no final punctuation.
    static func looksLikeHeading(_ scalars: [Unicode.Scalar], _ range: Range<Int>, first: Bool) -> Bool {
        guard range.count <= 120, let firstScalar = scalars[range].first, let last = scalars[range].last else {
            return false
        }
        if scalars[range].contains("\n") { return false }
        guard Scalars.isUpper(firstScalar) || Scalars.isDigit(firstScalar) || (first && Scalars.isLetter(firstScalar))
        else { return false }
        if ".?!:;,”\"’')]…".unicodeScalars.contains(last) { return false }
        // A heading has letters, and a body block standing alone after a title is not one.
        return scalars[range].contains(where: Scalars.isLetter)
    }

    /// `PLACE (SOURCE) — `, `PLACE — ` or `PLACE, State (SOURCE) - ` at the start of a block,
    /// where the place's first word is in capitals.
    static func dateline(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Dateline? {
        let limit = min(range.upperBound, range.lowerBound + 80)
        var index = range.lowerBound
        // The first word must be all capitals, at least two letters.
        var letters = 0
        while index < limit, Scalars.isLetter(scalars[index]) {
            guard Scalars.isUpper(scalars[index]) else { return nil }
            letters += 1
            index += 1
        }
        guard letters >= 2 else { return nil }
        var openParen: Int?
        var closeParen: Int?
        while index < limit {
            let scalar = scalars[index]
            if scalar == "\n" { return nil }
            if scalar == "(" { openParen = index }
            if scalar == ")" { closeParen = index }
            let dash = Scalars.isDash(scalar) || (scalar == "-" && index + 1 < limit && scalars[index + 1] == " ")
            if dash, index > range.lowerBound, scalars[index - 1] == " " {
                var bodyStart = index + 1
                while bodyStart < range.upperBound, scalars[bodyStart] == " " { bodyStart += 1 }
                guard bodyStart < range.upperBound else { return nil }
                let placeEnd = openParen ?? (index - 1)
                var trimmed = placeEnd
                while trimmed > range.lowerBound, scalars[trimmed - 1] == " " || scalars[trimmed - 1] == "," {
                    trimmed -= 1
                }
                let place = ScalarText.string(scalars[range.lowerBound..<trimmed])
                var source: String?
                if let open = openParen, let close = closeParen, open < close {
                    source = ScalarText.string(scalars[(open + 1)..<close])
                }
                return Dateline(place: place, source: source, start: range.lowerBound, bodyStart: bodyStart)
            }
            // Inside the place only capitals, spaces, periods and commas before any bracket;
            // after a comma a state may be in mixed case ("ST. PAUL, Minn.").
            if openParen == nil, Scalars.isLower(scalar), !scalars[range.lowerBound..<index].contains(",") {
                return nil
            }
            index += 1
        }
        return nil
    }
}
