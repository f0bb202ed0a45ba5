import NewsModel

@testable import NewsQuery

/// A generated model of any size, for tests of cancellation and bounds: one speaker, one
/// paragraph, and one sentence per statement — `Ann said <content>.` — whose content is
/// distinct for every statement (`qbc xenoh budget talks`), so text analysis and sorting
/// cannot share work between rows. Built in linear time; valid (``ModelValidator`` agrees,
/// checked at 60 and 20,000 statements).
enum LargeModel {
    /// A model with `statements` statements.
    static func make(statements count: Int) -> ArticleModel {
        var text = ""
        text.reserveCapacity(count * 40)
        var offset = 0
        var sentences: [Sentence] = []
        var statements: [Statement] = []
        sentences.reserveCapacity(count)
        statements.reserveCapacity(count)
        for index in 0..<count {
            let content = "\(word(index)) xeno\(word(index % 7)) budget talks"
            let sentenceText = "Ann said \(content)."
            if index > 0 {
                text += " "
                offset += 1
            }
            let start = offset
            let end = start + sentenceText.unicodeScalars.count
            text += sentenceText
            offset = end
            let number = index + 1
            sentences.append(Sentence(number: number, paragraph: 1, start: start, end: end, text: sentenceText))
            let contentStart = start + 9
            let contentSpan = Span(start: contentStart, end: contentStart + content.unicodeScalars.count,
                                   paragraph: 1, sentence: number, text: content)
            statements.append(Statement(
                id: "s\(number)", speaker: "ann", content: content, kind: .reported, cue: "said",
                contentSpans: [contentSpan],
                cueSpan: Span(start: start + 4, end: start + 8, paragraph: 1, sentence: number, text: "said"),
                sentenceSpan: Span(start: start, end: end, paragraph: 1, sentence: number, text: sentenceText)))
        }
        let article = Article(
            id: "generated-\(count)", source: "Generated", dateline: "NOWHERE",
            date: CalendarDate(year: 2026, month: 2, day: 4)!, text: text,
            paragraphs: [Paragraph(number: 1, kind: .body, start: 0, end: offset, text: text)],
            sentences: sentences, sections: [])
        let ann = Actor(id: "ann", name: "Ann Example", kind: .person, aliases: ["Ann"], description: "A generated speaker")
        return ArticleModel(article: article, actors: [ann], statements: statements, events: [])
    }

    /// An interpreter over a model of `statements` statements (not validated again: see
    /// ``make(statements:)``).
    static func interpreter(statements count: Int) -> Interpreter {
        Interpreter(validatedModel: make(statements: count))
    }

    /// `index` written in letters, base 26: 0 → "a", 26 → "ba".
    static func word(_ index: Int) -> String {
        var value = index
        var letters: [Character] = []
        repeat {
            letters.append(Character(Unicode.Scalar(UInt8(97 + value % 26))))
            value /= 26
        } while value > 0
        return String(letters.reversed())
    }
}
