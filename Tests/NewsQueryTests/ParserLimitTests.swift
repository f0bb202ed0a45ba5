import BundledArticle
import Testing
@testable import NewsQuery

/// Input nested or chained beyond the parser's limits is refused with a located diagnostic,
/// never a stack overflow.
@Suite("Parser limits")
struct ParserLimitTests {
    func failure(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        do {
            _ = try Parser.parse(source)
            Issue.record("expected a diagnostic", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    @Test func deepParenthesesAreRefused() {
        let source = "quotes | where " + String(repeating: "(", count: 100_000) + "kind = direct"
        let diagnostic = failure(source)
        #expect(diagnostic?.message == "condition nested too deeply: at most 100 levels of '(' and 'not'")
        #expect(diagnostic?.range.start.column == 16 + Parser.maximumNesting)
    }

    @Test func deepNotsAreRefused() {
        let source = "quotes | where " + String(repeating: "not ", count: 100_000) + "kind = direct"
        #expect(failure(source)?.message == "condition nested too deeply: at most 100 levels of '(' and 'not'")
    }

    @Test func nestingUpToTheLimitParses() throws {
        let depth = Parser.maximumNesting
        let source = "quotes | where " + String(repeating: "(", count: depth) + "kind = direct" + String(repeating: ")", count: depth)
        #expect(try Parser.parse(source).count == 1)
        #expect(try Interpreter(model: .bundled).run(source + " | count").column("count") == [8])
    }

    @Test func tooManyStagesAreRefused() {
        let source = "quotes" + String(repeating: " | limit 5", count: 50_000)
        let diagnostic = failure(source)
        #expect(diagnostic?.message == "too many stages: a query may have at most 200; split it with 'let'")
        #expect(diagnostic?.range.start.column == 7 + 10 * Parser.maximumStages + 1)
    }

    @Test func tooLongConditionsAreRefused() {
        let source = "quotes | where kind = direct" + String(repeating: " and kind = direct", count: 50_000)
        #expect(failure(source)?.message == "condition too long: at most 1000 comparisons in one statement")
    }
}
