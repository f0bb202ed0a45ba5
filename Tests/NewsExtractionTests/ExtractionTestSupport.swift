import NewsExtraction
import NewsModel
import Testing

/// The date the fixture articles are read against: a Wednesday.
let fixtureDate = CalendarDate(year: 2026, month: 3, day: 11)!

/// The model extracted from a fixture article; records an issue (at the caller) when the
/// extractor refuses it.
func extracted(
    _ text: String, date: CalendarDate? = fixtureDate, fileName: String? = "fixture.txt",
    sourceLocation: SourceLocation = #_sourceLocation
) -> ArticleModel? {
    do {
        return try Extractor().extract(text: text, fileName: fileName, date: date)
    } catch {
        Issue.record("the extractor refused the fixture: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// What a test expects of one statement. `speaker` is the speaker actor's name; `words`, the
/// speaker words in the text (the statement's speaker span), when the test pins them.
struct ExpectedStatement: CustomStringConvertible {
    var kind: Statement.Kind
    var content: String
    var speaker: String
    var rule: String
    var words: String? = nil
    var cue: String? = nil
    var coSpeakers: [String] = []

    var description: String { "\(kind.rawValue) \(speaker) [\(rule)]: “\(content)”" }
}

/// The statement as a test compares it, with names for ids.
func described(_ statement: Statement, in model: ArticleModel) -> String {
    let name = model.actor(statement.speaker)?.name ?? statement.speaker
    return "\(statement.kind.rawValue) \(name) [\(statement.rule ?? "-")]: “\(statement.content)”"
}

/// Checks that `model` holds exactly the `expected` statements, in text order.
func expectStatements(
    _ model: ArticleModel?, _ expected: [ExpectedStatement], sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let model else { return }
    let actual = model.statements.map { described($0, in: model) }
    #expect(actual == expected.map(\.description), sourceLocation: sourceLocation)
    for (statement, want) in zip(model.statements, expected) {
        if let words = want.words {
            #expect(statement.speakerSpan?.text == words, "speaker words of \(want)", sourceLocation: sourceLocation)
        }
        if let cue = want.cue {
            #expect(statement.cue == cue, "cue of \(want)", sourceLocation: sourceLocation)
        }
        let co = statement.coSpeakers.compactMap { model.actor($0)?.name }
        #expect(co == want.coSpeakers, "co-speakers of \(want)", sourceLocation: sourceLocation)
        #expect(statement.confidence.map { $0 > 0 && $0 <= 1 } == true, "confidence of \(want)", sourceLocation: sourceLocation)
    }
    expectValid(model, sourceLocation: sourceLocation)
}

/// Checks that a model passes the validator.
func expectValid(_ model: ArticleModel, sourceLocation: SourceLocation = #_sourceLocation) {
    let issues = ModelValidator().validate(model).map(\.description)
    #expect(issues == [], sourceLocation: sourceLocation)
}

/// The actor that has a mention with exactly this text at the `occurrence`-th place it stands.
func actor(mentionedAs words: String, occurrence: Int = 1, in model: ArticleModel) -> Actor? {
    let text = ScalarText(model.article.text)
    let starts = text.occurrences(of: words, in: 0..<text.count)
    guard starts.indices.contains(occurrence - 1) else { return nil }
    let start = starts[occurrence - 1]
    return model.actors.first { actor in actor.mentions.contains { $0.span.start == start && $0.span.text == words } }
}
