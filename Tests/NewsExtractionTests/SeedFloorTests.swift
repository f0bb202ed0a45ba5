import BundledArticle
import ExtractionEvaluation
import NewsExtraction
import NewsModel
import Testing

/// The floor of issue 13, 4(a), kept by CI: the model extracted from the bundled article's text
/// against the hand-made bundled model. `scripts/eval-extraction` prints the same measures.
@Suite("The seed article's floor")
struct SeedFloorTests {
    static let evaluation: SeedEvaluation? = {
        let gold = ArticleModel.bundled
        guard let model = try? Extractor().extract(text: gold.article.text, fileName: "metro-surge-2026-02-04.txt",
                                                   date: gold.article.date)
        else { return nil }
        return SeedEvaluation(extracted: model, gold: gold)
    }()

    @Test func everyDirectAndPartialStatementWithTheRightSpeaker() throws {
        let evaluation = try #require(Self.evaluation)
        #expect(evaluation.direct.found == evaluation.direct.total, "\(evaluation.missed)")
        #expect(evaluation.partial.found == evaluation.partial.total, "\(evaluation.missed)")
        #expect(evaluation.direct.total == 8 && evaluation.partial.total == 4)
    }

    @Test func mostReportedStatements() throws {
        let evaluation = try #require(Self.evaluation)
        #expect(evaluation.reported.share >= 0.8, "\(evaluation.reported): \(evaluation.missed)")
    }

    @Test func precision() throws {
        let evaluation = try #require(Self.evaluation)
        #expect(evaluation.precision.share >= 0.95, "\(evaluation.precision): \(evaluation.unmatched)")
    }

    @Test func everyNamedPersonAndOrganisation() throws {
        let evaluation = try #require(Self.evaluation)
        #expect(evaluation.persons.found == evaluation.persons.total, "\(evaluation.missingActors)")
        #expect(evaluation.organizations.found == evaluation.organizations.total, "\(evaluation.missingActors)")
        #expect(evaluation.meetsGoals)
    }

    @Test func theExtractedSeedModelIsValidAndReadsBack() throws {
        let gold = ArticleModel.bundled
        let model = try Extractor().extract(text: gold.article.text, date: gold.article.date)
        expectValid(model)
        #expect(model.article.text == gold.article.text)
        #expect(model.article.paragraphs.map(\.kind) == gold.article.paragraphs.map(\.kind))
        #expect(model.article.dateline == "MINNEAPOLIS" && model.article.source == "AP")
        #expect(try ModelFile.decode(ModelFile.encode(model)) == model)
    }
}
