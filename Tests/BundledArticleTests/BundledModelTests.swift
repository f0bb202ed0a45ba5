import Foundation
import Testing

import NewsModel
@testable import BundledArticle

/// The shipped model (`ArticleModel.bundled`) is built without a validator pass to start fast;
/// these tests are what makes that safe.
@Suite("The bundled model as shipped")
struct BundledModelTests {
    @Test func theValidatingBuildSucceedsAndEqualsTheShippedModel() throws {
        let validated = try BundledModel.build(validating: true)
        #expect(validated == ArticleModel.bundled)
    }

    @Test func theShippedModelIsTheCompiledOne() throws {
        // A stub (`compiled == nil`) must never be committed: newsq would build at every start.
        let compiled = try #require(BundledModel.compiled, "run scripts/generate-bundled-model")
        #expect(compiled == ArticleModel.bundled)
        #expect(compiled == (try BundledModel.build(validating: true)))
    }

    /// The generated files are exactly what the writer makes of the annotations today, so an
    /// edit to the annotations that is not regenerated fails here, naming the script to run.
    /// With `NEWSQ_REGENERATE=1` the test writes the files instead (scripts/generate-bundled-model).
    @Test func theCompiledModelSourceIsCurrent() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
        let regenerate = ProcessInfo.processInfo.environment["NEWSQ_REGENERATE"] == "1"
        for (path, expected) in BundledModelSource.files(for: try BundledModel.build(validating: true)) {
            let file = root.appendingPathComponent(path)
            if regenerate {
                try expected.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let actual = try String(contentsOf: file, encoding: .utf8)
            guard actual != expected else { continue }
            // Name the first line that differs rather than print two 100 KB files.
            let (old, new) = (actual.split(separator: "\n", omittingEmptySubsequences: false),
                              expected.split(separator: "\n", omittingEmptySubsequences: false))
            let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
            let found = line < old.count ? String(old[line].prefix(120)) : "(end of file)"
            let wanted = line < new.count ? String(new[line].prefix(120)) : "(end of file)"
            Issue.record("""
                \(path) is stale: run scripts/generate-bundled-model
                line \(line + 1) is:    \(found)
                it should be: \(wanted)
                """)
        }
    }

    @Test func stringLiteralsKeepEveryScalar() {
        #expect(BundledModelSource.literal("a \"b\" \\ c") == #""a \"b\" \\ c""#)
        #expect(BundledModelSource.literal("line\nnext\ttab") == #""line\nnext\ttab""#)
        #expect(BundledModelSource.literal("“Walz” — é\u{200B}\u{2028}") == #""“Walz” — é\u{200B}\u{2028}""#)
    }

    @Test func theShippedModelHasNoValidatorIssues() {
        #expect(ModelValidator().validate(ArticleModel.bundled).map(\.description) == [])
    }

    @Test func skippingValidationStillReportsAnchoringProblems() throws {
        // The builder's own checks (selectors that do not anchor) do not depend on the flag:
        // a build of the real annotations has none, with or without validation.
        let unvalidated = try BundledModel.build(validating: false)
        #expect(unvalidated.statements.count == 31)
        #expect(unvalidated.actors.flatMap(\.mentions).allSatisfy { $0.span.end > $0.span.start })
    }
}
