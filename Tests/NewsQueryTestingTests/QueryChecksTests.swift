import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import NewsQueryTesting
import Testing

/// The checks say what differed, and the Swift Testing helpers report it where they are called.
@Suite("NewsQueryTesting: checks and expectations")
struct QueryChecksTests {
    let shell = try! Interpreter(model: .bundled)

    /// The message of the failure `body` throws (`nil`, recorded as an issue, when it does not).
    func failure(_ body: () throws(CheckFailure) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        do {
            try body()
        } catch {
            return error.description
        }
        Issue.record("the check passed", sourceLocation: sourceLocation)
        return nil
    }

    @Test func passingChecksThrowNothing() throws {
        try shell.checkRows("quotes by Walz | show id, kind", [["s8", "reported"], ["s9", "direct"]])
        try shell.checkRows("quotes by Walz", [["s8", 8], ["s9", 9]], columns: ["id", "paragraph"])
        try shell.checkColumn("quotes by Frey", "co_speakers", [.list(["Jacob Frey"])])
        try shell.checkError("quotes by Homen", message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#)
        try shell.checkError("let h = quotes\nh | limit -1", message: "limit needs a whole number, found '-1'", line: 2, column: 11)
        try GoldenScript.check("examples/02-what-did-they-say.nq")
    }

    @Test func rowMismatchesAreADiff() {
        #expect(failure { () throws(CheckFailure) in
            try shell.checkRows("quotes by Walz | show id, kind", [["s8", "reported"], ["s9", "partial"]])
        } == """
            quotes by Walz | show id, kind: rows differ
            --- expected
            +++ actual
            @@ -1,3 +1,3 @@
             id | kind
             s8 | reported
            -s9 | partial
            +s9 | direct
            """)
        #expect(failure { () throws(CheckFailure) in try shell.checkRows("quotes by Walz", [], columns: ["nope"]) }?
            .hasPrefix("quotes by Walz: no column 'nope' (columns: id, speaker,") == true)
        #expect(failure { () throws(CheckFailure) in try shell.checkColumn("quotes by Homen", "id", []) }?
            .hasPrefix("quotes by Homen: failed:\n<input>:1:11: error: unknown actor \"Homen\"") == true)
    }

    @Test func errorMismatches() {
        #expect(failure { () throws(CheckFailure) in
            try shell.checkError("quotes by Homen", message: "unknown actor", line: 1, column: 11)
        } == """
            quotes by Homen: expected the error
              1:11: unknown actor
            but got
              1:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            """)
        #expect(failure { () throws(CheckFailure) in
            try shell.checkError("quotes by Homen", message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#, line: 2)
        }?.contains("but got\n  1:11:") == true)
        #expect(failure { () throws(CheckFailure) in try shell.checkError("quotes", message: "x") }
            == #"quotes: expected the error "x", but it ran without one"#)
    }

    @Test func goldenScriptFailuresListEveryMismatch() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("counts.nq").path
        try "quotes by Homan | count\n# expect:  count\n# expect: ------\n# expect:     15\n# expect: (1 row)\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        #expect(failure { () throws(CheckFailure) in try GoldenScript.check(script) } == """
            \(script): 0 passed, 1 failed
            \(script):2: expectation for line 1 failed: quotes by Homan | count
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
              count
             ------
            -    15
            +    16
             (1 row)
            """)
        #expect(failure { () throws(CheckFailure) in try GoldenScript.check(directory.appendingPathComponent("none.nq").path) }?
            .hasSuffix("none.nq: error: No such file or directory") == true)
    }

    /// The Swift Testing helpers record the failure at the line that called them (a recorded
    /// issue at any other line would fail this test).
    @Test func expectationsReportAtTheCallersLine() {
        func expectIssue(at line: Int, _ body: () -> Void) {
            withKnownIssue { body() } matching: { issue in issue.sourceLocation?.line == line }
        }
        let here = #_sourceLocation.line
        expectIssue(at: here + 1) { shell.expectRows("quotes by Walz | show id", [["s9"]]) }
        expectIssue(at: here + 2) { shell.expectColumn("quotes by Walz", "id", ["s8"]) }
        expectIssue(at: here + 3) { shell.expectError("quotes by Walz", message: "no such error") }
        expectIssue(at: here + 4) { expectScriptPasses("/nonexistent/script.nq") }
    }

    @Test func passingExpectationsRecordNothing() {
        shell.expectRows("quotes by Frey | show id", [["s8"]])
        shell.expectColumn("quotes by Walz", "id", ["s8", "s9"])
        shell.expectError("who said surrender", message: "expected a string in quotes after 'who said', found 'surrender'",
                          line: 1, column: 10)
        expectScriptPasses("examples/12-arguments.nq")
        expectScriptPasses("examples/12-arguments.nq", arguments: ["who": "Walz", "word": "drawdown", "id": "s9"])
    }
}
