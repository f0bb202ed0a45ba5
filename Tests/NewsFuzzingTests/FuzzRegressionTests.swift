import Foundation
import NewsFuzzing
import NewsModel
import NewsWeb
import Testing

/// Replays the fuzz corpus — the seeds and every input a fuzz run once crashed on — through the
/// same functions the libFuzzer targets call (docs/reliability.md, "Fuzzing"). A regression
/// traps the test process, as it trapped the fuzzer.
@Suite("Fuzz corpus replay")
struct FuzzRegressionTests {
    /// Tests/Fuzz, beside this target's folder.
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func folders(_ target: String) -> [String] {
        ["seeds", "regressions"].map { corpus.appendingPathComponent(target).appendingPathComponent($0).path }
    }

    @Test func queryCorpusRunsCleanly() {
        let target = QueryFuzzTarget()
        let count = FuzzReplay.replay(Self.folders("query")) { target.run($0) }
        #expect(count >= 100, "expected the query seeds under \(Self.corpus.path)")
    }

    @Test func modelCorpusRunsCleanly() {
        let count = FuzzReplay.replay(Self.folders("model")) { ModelFuzzTarget.run($0) }
        #expect(count >= 5, "expected the model seeds under \(Self.corpus.path)")
    }

    @Test func extractionCorpusRunsCleanly() {
        let target = ExtractionFuzzTarget()
        let count = FuzzReplay.replay(Self.folders("extract")) { target.run($0) }
        #expect(count >= 4, "expected the extraction seeds under \(Self.corpus.path)")
    }

    @Test func webCorpusRunsCleanly() {
        let count = FuzzReplay.replay(Self.folders("web")) { WebFuzzTarget.run($0) }
        #expect(count >= 8, "expected the web seeds under \(Self.corpus.path)")
    }

    @Test func theWebSeedsReachTheMainTextAndTheErrors() throws {
        // The article seed is read (so fuzzing starts past the error paths), and the broken
        // ones are refused for the reasons they were written for.
        let reader = WebPageReader()
        let article = try Data(contentsOf: Self.corpus.appendingPathComponent("web/seeds/news-article.html"))
        let page = try reader.read([UInt8](article))
        WebFuzzTarget.check(page)
        #expect(page.title == "Council approves new bridge")
        let unknown = try Data(contentsOf: Self.corpus.appendingPathComponent("web/seeds/unknown-charset.html"))
        #expect(throws: WebPageError.unknownEncoding(label: "x-no-such-encoding", source: "a <meta> tag at byte 12")) {
            try reader.read([UInt8](unknown))
        }
    }

    @Test func aSmallValidModelSeedIsAccepted() throws {
        let url = Self.corpus.appendingPathComponent("model/seeds/small-valid.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        // It decodes, so the seed reaches the round trip and the queries, not only the errors.
        let model = try ModelFile.decode(text)
        #expect(!model.statements.isEmpty)
    }
}
