import BundledArticle
import Testing
@testable import NewsModel

/// Format 2: a statement's `confidence` and `rule`, and the model's `provenance` — what an
/// extracted model carries. Format 1 files still load; a hand-made model is still written as 1.
@Suite("Model file: format 2")
struct ModelFormatTwoTests {
    /// The small model as an extractor would mark it.
    static let extracted: ArticleModel = {
        var model = SmallModel.model
        model.provenance = Provenance(extracted: true, extractor: "NewsExtraction 1.0", sourceFile: "small.txt")
        model.statements[0].confidence = 0.9
        model.statements[0].rule = "reported-subject-cue"
        return model
    }()

    /// The encoding of a document edited by `change`.
    static func edited(_ model: ArticleModel, _ change: (inout JSONValue) -> Void) -> String {
        var document = ModelFile.jsonValue(model)
        change(&document)
        return document.rendered()
    }

    static func issues(_ text: String) -> [String] {
        do {
            _ = try ModelFile.decode(text)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func handMadeModelsAreStillWrittenAsFormatOne() {
        #expect(SmallModel.model.minimumFormat == 1)
        #expect(SmallModel.encoded.hasPrefix("{\n  \"format\": 1,\n"))
        #expect(!SmallModel.encoded.contains("\"confidence\""))
        #expect(!SmallModel.encoded.contains("\"provenance\""))
        // The bundled model has a claim made jointly (co-claimants), which format 1 cannot hold.
        #expect(ArticleModel.bundled.minimumFormat == 2)
        var single = ArticleModel.bundled
        for index in single.events.indices { single.events[index].coClaimants = [] }
        #expect(single.minimumFormat == 1)
    }

    @Test func extractedModelsAreFormatTwoAndRoundTrip() throws {
        let text = ModelFile.encode(Self.extracted)
        #expect(text.hasPrefix("{\n  \"format\": 2,\n  \"provenance\": {\n    \"extracted\": true,\n"))
        #expect(text.contains("\"sourceFile\": \"small.txt\""))
        #expect(text.contains("\"confidence\": 0.9,\n      \"rule\": \"reported-subject-cue\"\n"))
        let decoded = try ModelFile.decode(text)
        #expect(decoded == Self.extracted)
        #expect(ModelFile.encode(decoded) == text)
        // The second statement has neither field, and the file leaves both out.
        #expect(decoded.statements[1].confidence == nil && decoded.statements[1].rule == nil)
    }

    @Test func aConfidenceAloneMakesFormatTwo() throws {
        var model = SmallModel.model
        model.statements[1].confidence = 0.5
        #expect(model.minimumFormat == 2)
        #expect(try ModelFile.decode(ModelFile.encode(model)) == model)
    }

    @Test func formatOneFilesStillLoad() throws {
        #expect(try ModelFile.decode(SmallModel.encoded) == SmallModel.model)
        // A format 2 file without any format 2 field loads the same model.
        let two = SmallModel.encoded.replacingOccurrences(of: "\"format\": 1,", with: "\"format\": 2,")
        #expect(try ModelFile.decode(two) == SmallModel.model)
    }

    @Test func formatTwoFieldsInAFormatOneFileAreErrors() {
        let text = Self.edited(Self.extracted) { $0["format"] = .int(1) }
        // A record's unknown fields are reported when it is finished, the document's last.
        #expect(Self.issues(text) == [
            "$.statements[0].confidence: field \"confidence\" in a statement needs format 2; this file declares format 1",
            "$.statements[0].rule: field \"rule\" in a statement needs format 2; this file declares format 1",
            "$.provenance: field \"provenance\" in the document needs format 2; this file declares format 1",
        ])
    }

    @Test func confidenceOutsideZeroToOneIsAnError() {
        let text = Self.edited(Self.extracted) { $0["statements"]?[0]?["confidence"] = .double(1.5) }
        #expect(Self.issues(text) == ["$.statements[0].confidence: confidence 1.5 is not between 0 and 1"])
    }

    @Test func wrongTypesAndEmptyNames() {
        let text = Self.edited(Self.extracted) {
            $0["statements"]?[0]?["rule"] = .string("")
            $0["provenance"]?["extractor"] = .string("")
        }
        #expect(Self.issues(text) == [
            "$.provenance.extractor: the extractor is empty; name the program and its version",
            "$.statements[0].rule: statement s1 has an empty rule; name the rule or leave it out",
        ])
        let typed = Self.edited(Self.extracted) {
            $0["statements"]?[0]?["confidence"] = .string("high")
            $0["provenance"]?["extracted"] = .string("yes")
        }
        #expect(Self.issues(typed) == [
            "$.provenance.extracted: expected true or false, found a string",
            "$.statements[0].confidence: expected a number, found a string",
        ])
    }

    @Test func provenanceFieldsAreChecked() {
        let text = Self.edited(Self.extracted) {
            $0["provenance"]?["sourceFile"] = nil
            $0["provenance"]?["sourcefile"] = .string("x")
        }
        #expect(Self.issues(text) == [
            "$.provenance.sourcefile: unknown field \"sourcefile\" in a provenance — did you mean \"sourceFile\"?",
        ])
    }
}
