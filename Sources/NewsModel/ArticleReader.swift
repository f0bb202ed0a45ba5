/// Reads a plain-text article into an ``Article``: metadata, dateline, paragraphs, headings,
/// sentences and sections.
///
/// The input format is the seed format: an optional metadata prefix of `key value` fields on the
/// first line (only `date YYYY-MM-DD` is known), then the article, whose blocks are separated by
/// blank lines. A block is a heading when it is a single line that does not end in sentence
/// punctuation (`.`, `?`, `!`, `:`, or a closing quotation mark). Sentences end at `.`, `?` or
/// `!` (with any closing quotation marks) followed by white space and a capital letter, an
/// opening quotation mark or a digit, unless the period ends a known abbreviation (`Gov.`,
/// `St.`, `U.S.`…) or a sentence boundary would fall inside a quotation. The dateline
/// (`MINNEAPOLIS (AP) — `) belongs to the first paragraph but not to its first sentence.
public struct ArticleReader: Sendable {
    /// What can be wrong with article text.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No `date YYYY-MM-DD` metadata field was found at the start.
        case missingDate
        /// The `date` field's value is not a real `YYYY-MM-DD` date.
        case badDate(String)
        /// The text has no dateline of the form `PLACE (SOURCE) — `.
        case missingDateline
        /// Nothing is left once the metadata is removed.
        case empty

        /// A one-line explanation.
        public var description: String {
            switch self {
            case .missingDate:
                return "article has no 'date YYYY-MM-DD' field at the start of its first line"
            case .badDate(let text):
                return "article date \"\(text)\" is not a real date in the form YYYY-MM-DD"
            case .missingDateline:
                return "article has no dateline such as 'MINNEAPOLIS (AP) — ' at the start"
            case .empty:
                return "article has no text after its metadata"
            }
        }
    }

    /// Abbreviations whose final period does not end a sentence.
    public static let abbreviations: Set<String> = [
        "Gov", "St", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gen", "Jr", "Sr", "Lt", "Col",
        "Sgt", "Capt", "Pres", "Inc", "Co", "Corp", "Ave", "Mt", "Ft", "vs", "U.S", "U.N", "D.C",
        "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "No",
    ]

    /// The identifier to give the article.
    public var id: String

    /// Creates a reader that names the article `id`.
    public init(id: String) {
        self.id = id
    }

    /// Reads `raw` (the seed file's contents) into an article.
    public func read(_ raw: String) throws(Failure) -> Article {
        var scalars = Substring(raw).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" {
            scalars.removeFirst()
        }
        guard Substring(scalars).hasPrefix("date ") else { throw .missingDate }
        scalars.removeFirst(5)
        let dateText = String(Substring(scalars.prefix { $0 != " " && $0 != "\n" }))
        guard let date = CalendarDate(iso: dateText) else { throw .badDate(dateText) }
        scalars.removeFirst(dateText.unicodeScalars.count)
        while let first = scalars.first, first == " " || first == "\n" { scalars.removeFirst() }
        var body = String(Substring(scalars))
        while let last = body.unicodeScalars.last, last == "\n" || last == " " {
            body.unicodeScalars.removeLast()
        }
        guard !body.isEmpty else { throw .empty }

        let text = ScalarText(body)
        guard let dateline = Self.dateline(in: text) else { throw .missingDateline }
        let blocks = Self.blocks(in: text)
        var paragraphs: [Paragraph] = []
        var sentences: [Sentence] = []
        for (index, block) in blocks.enumerated() {
            let number = index + 1
            let kind: Paragraph.Kind = index > 0 && Self.looksLikeHeading(text, block) ? .heading : .body
            paragraphs.append(
                Paragraph(number: number, kind: kind, start: block.lowerBound, end: block.upperBound,
                          text: text.text(from: block.lowerBound, to: block.upperBound)))
            var sentenceRange = block
            if index == 0 { sentenceRange = dateline.bodyStart..<block.upperBound }
            let bounds = kind == .heading ? [sentenceRange] : Self.sentences(in: text, sentenceRange)
            for bound in bounds {
                sentences.append(
                    Sentence(number: sentences.count + 1, paragraph: number, start: bound.lowerBound,
                             end: bound.upperBound, text: text.text(from: bound.lowerBound, to: bound.upperBound)))
            }
        }
        return Article(
            id: id, source: dateline.source, dateline: dateline.place, date: date, text: body,
            paragraphs: paragraphs, sentences: sentences, sections: Self.sections(paragraphs))
    }

    // dateline = PLACE " (" SOURCE ") " DASH " "
    private static func dateline(in text: ScalarText) -> (place: String, source: String, bodyStart: Int)? {
        let scalars = text.scalars
        guard let open = scalars.firstIndex(of: "("), open > 1, scalars[open - 1] == " ",
            let close = scalars[open...].firstIndex(of: ")"), close + 3 < scalars.count,
            scalars[close + 1] == " ", scalars[close + 2] == "—" || scalars[close + 2] == "-",
            scalars[close + 3] == " "
        else { return nil }
        let place = text.text(from: 0, to: open - 1)
        guard !place.isEmpty, !place.unicodeScalars.contains(where: { $0.properties.isLowercase }) else {
            return nil
        }
        return (place, text.text(from: open + 1, to: close), close + 4)
    }

    // blocks = block { "\n" "\n"+ block }
    private static func blocks(in text: ScalarText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var index = 0
        let scalars = text.scalars
        while index < scalars.count {
            if scalars[index] == "\n", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                if start < index { result.append(start..<index) }
                while index < scalars.count, scalars[index] == "\n" { index += 1 }
                start = index
            } else {
                index += 1
            }
        }
        if start < scalars.count { result.append(start..<scalars.count) }
        return result
    }

    private static func looksLikeHeading(_ text: ScalarText, _ block: Range<Int>) -> Bool {
        let scalars = text.scalars[block]
        guard !scalars.contains("\n"), scalars.count <= 120, let last = scalars.last else { return false }
        return !".?!:”\"’)".unicodeScalars.contains(last)
    }

    // sentence = { scalar } terminator { closing-quote } ( space+ opener | end )
    private static func sentences(in text: ScalarText, _ range: Range<Int>) -> [Range<Int>] {
        let scalars = text.scalars
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var depth = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = scalars[index]
            if scalar == "“" { depth += 1 } else if scalar == "”" { depth = max(0, depth - 1) }
            guard scalar == "." || scalar == "?" || scalar == "!" else {
                index += 1
                continue
            }
            var end = index + 1
            var closingDepth = depth
            while end < range.upperBound, "”’\")".unicodeScalars.contains(scalars[end]) {
                if scalars[end] == "”" { closingDepth = max(0, closingDepth - 1) }
                end += 1
            }
            var next = end
            while next < range.upperBound, scalars[next] == " " { next += 1 }
            let atEnd = next >= range.upperBound
            let opensSentence = !atEnd && next > end
                && (scalars[next].properties.isUppercase || "“\"‘".unicodeScalars.contains(scalars[next])
                    || scalars[next].properties.numericType != nil)
            if closingDepth == 0, atEnd || opensSentence,
                !(scalar == "." && isAbbreviation(scalars, before: index, from: start))
            {
                if !atEnd {
                    result.append(start..<end)
                    start = next
                }
                depth = 0
                index = next
            } else {
                depth = closingDepth
                index = end
            }
        }
        if start < range.upperBound { result.append(start..<range.upperBound) }
        return result
    }

    private static func isAbbreviation(_ scalars: [Unicode.Scalar], before period: Int, from start: Int) -> Bool {
        var wordStart = period
        while wordStart > start, scalars[wordStart - 1] != " ", scalars[wordStart - 1] != "“" {
            wordStart -= 1
        }
        let token = ScalarText.string(scalars[wordStart..<period])
        if abbreviations.contains(token) { return true }
        // A single capital letter is an initial ("J. Smith").
        return token.unicodeScalars.count == 1 && token.unicodeScalars.first!.properties.isUppercase
    }

    /// The sections of an article with these paragraphs: a new section at each heading, each
    /// running from its first body paragraph to its last; a heading with no body after it makes
    /// no section. Shared with other readers of article text (the extractor's).
    public static func sections(_ paragraphs: [Paragraph]) -> [Section] {
        var sections: [Section] = []
        var heading: Paragraph?
        var first: Int?
        var last: Int?
        func close() {
            guard let first, let last else { return }
            sections.append(
                Section(number: sections.count + 1, heading: heading?.text, headingParagraph: heading?.number,
                        firstParagraph: first, lastParagraph: last))
        }
        for paragraph in paragraphs {
            if paragraph.kind == .heading {
                close()
                heading = paragraph
                first = nil
                last = nil
            } else {
                if first == nil { first = paragraph.number }
                last = paragraph.number
            }
        }
        close()
        return sections
    }
}
