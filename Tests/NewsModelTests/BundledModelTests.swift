import Testing

@testable import NewsModel

/// The shipped model (`ArticleModel.bundled`) is built without a validator pass to start fast;
/// these tests are what makes that safe.
@Suite("The bundled model as shipped")
struct BundledModelTests {
    @Test func theValidatingBuildSucceedsAndEqualsTheShippedModel() throws {
        let validated = try BundledModel.build(validating: true)
        #expect(validated == ArticleModel.bundled)
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
