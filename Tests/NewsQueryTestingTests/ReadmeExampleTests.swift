// The example of the README's "Embedding newsq in your tests", verbatim: everything below the
// first blank line must equal that section's ```swift block (ReadmeSyncTests checks it), so the
// README's example always compiles and passes. `swift test` runs it with the package root as
// the current folder (wherever it is started), which is what the golden scripts' relative
// paths (`examples/…`) are relative to.

import BundledArticle
import NewsModel
import NewsQuery
import NewsQueryTesting
import Testing

@Suite struct ArticleQueryTests {
    let shell: Interpreter

    init() throws {
        shell = try Interpreter(model: .bundled)
    }

    @Test func homanSaidSurrender() throws {
        #expect(try shell.run(#"who said "surrender""#).column("speaker") == ["Tom Homan"])
    }

    @Test func rows() {
        shell.expectRows("quotes by Walz | show id, kind", [["s8", "reported"], ["s9", "direct"]])
        shell.expectRows("quotes by Walz", [["s8", 8], ["s9", 9]], columns: ["id", "paragraph"])
        shell.expectColumn("quotes by Homan | where kind = direct", "id", ["s22", "s23", "s25", "s26", "s27"])
    }

    @Test func diagnostics() {
        shell.expectError("quotes by Homen", message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#,
                          line: 1, column: 11)
        shell.expectError("events on 2026-02-30", message: #"invalid date "2026-02-30": February 2026 has 28 days"#)
    }

    @Test func bindingsLastAsLongAsTheInterpreter() throws {
        _ = try shell.run("let homan = quotes by Homan")
        shell.expectRows("homan | count", [[16]])
    }

    @Test func goldenScripts() {
        expectScriptPasses("examples/01-who-said.nq")
        expectScriptPasses("examples/12-arguments.nq", arguments: ["who": "Walz", "word": "drawdown", "id": "s9"])
    }

    /// The same checks, throwing instead: for XCTest or any other framework.
    @Test func frameworkNeutralChecks() throws {
        try shell.checkColumn("quotes by Frey", "id", ["s8"])
        try GoldenScript.check("examples/02-what-did-they-say.nq")
    }
}
