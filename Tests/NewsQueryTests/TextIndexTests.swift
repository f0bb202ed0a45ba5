import BundledArticle
import NewsModel
import NewsQuery
import Testing

/// The analyzed texts of the bundled model.
@Suite("TextIndex")
struct TextIndexTests {
    static let model = ArticleModel.bundled
    static let index = TextIndex(model: model)
    static let article = ScalarText(model.article.text)

    @Test("\"surrender\" is in exactly one statement, s25, at \"surrendering\"")
    func surrender() throws {
        let search = try TextSearch("surrender")
        var hits: [(id: String, texts: [String])] = []
        for statement in Self.model.statements {
            let content = try #require(Self.index.statementContent(statement.id))
            let ranges = search.matchRanges(in: content)
            if !ranges.isEmpty {
                hits.append((statement.id, ranges.map { Self.article.text(from: $0.lowerBound, to: $0.upperBound) }))
            }
        }
        #expect(hits.map(\.id) == ["s25"])
        #expect(hits.first?.texts == ["surrendering"])
    }

    @Test("statement tokens point into the article text")
    func statementRangesAreArticleOffsets() throws {
        for statement in Self.model.statements {
            let content = try #require(Self.index.statementContent(statement.id))
            // The same words as the content string itself…
            #expect(content.tokens.map(\.folded) == TextAnalyzer.analyze(statement.content).tokens.map(\.folded))
            // …each at the article offsets of its own characters, inside a content span.
            for token in content.tokens {
                let original = Self.article.text(from: token.range.lowerBound, to: token.range.upperBound)
                #expect(TextAnalyzer.analyze(original).tokens.map(\.folded) == [token.folded])
                #expect(statement.contentSpans.contains { $0.start <= token.range.lowerBound && token.range.upperBound <= $0.end })
            }
        }
    }

    @Test("a phrase search over statements: \"you're not\"")
    func phrase() throws {
        let search = try TextSearch("you're not")
        let ids = Self.model.statements.filter { search.matches(Self.index.statementContent($0.id)!) }.map(\.id)
        #expect(ids == ["s26"])
    }

    @Test("event summaries, the article and unknown ids")
    func eventsAndArticle() throws {
        for event in Self.model.events {
            let summary = try #require(Self.index.eventSummary(event.id))
            #expect(summary == TextAnalyzer.analyze(event.summary))
        }
        #expect(Self.index.statementContent("nope") == nil)
        #expect(Self.index.eventSummary("nope") == nil)
        let inArticle = try TextSearch("surrender").matchRanges(in: Self.index.article)
        #expect(inArticle.map { Self.article.text(from: $0.lowerBound, to: $0.upperBound) } == ["surrendering"])
        let sentence = try #require(Self.model.article.sentences.first { $0.text.contains("surrendering") })
        let restricted = Self.index.article.restricted(to: sentence.start..<sentence.end)
        #expect(try TextSearch("surrender").matchRanges(in: restricted) == inArticle)
        #expect(Self.index.analyzed("Surrendered!").tokens.map(\.stem) == ["surrend"])
    }
}
