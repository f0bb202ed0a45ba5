import Foundation
import BundledArticle
import NewsModel
import Testing

/// One statement as a record of its own (what a corpus store keeps beside each row): written
/// and read with the model file's own JSON, unchanged both ways, and a broken one refused.
@Suite("Statement records")
struct StatementRecordTests {
    @Test func everyBundledStatementRoundTrips() throws {
        for statement in ArticleModel.bundled.statements {
            let text = ModelFile.encodeStatement(statement)
            #expect(try ModelFile.decodeStatement(text) == statement, "\(statement.id)")
        }
        // An extracted statement's confidence and rule survive too.
        var extracted = ArticleModel.bundled.statements[0]
        extracted.confidence = 0.75
        extracted.rule = "quote-then-cue"
        #expect(try ModelFile.decodeStatement(ModelFile.encodeStatement(extracted)) == extracted)
    }

    @Test func aBrokenRecordIsRefusedWithItsPath() {
        let text = ModelFile.encodeStatement(ArticleModel.bundled.statements[0]).replacingOccurrences(of: #""kind":"#, with: #""kinds":"#)
        #expect(throws: ModelFile.LoadError.self) { try ModelFile.decodeStatement(text) }
        do {
            _ = try ModelFile.decodeStatement(text)
        } catch {
            #expect(error.description.contains("$.kind"), "\(error.description)")
        }
        #expect(throws: ModelFile.LoadError.self) { try ModelFile.decodeStatement("{") }
    }
}
