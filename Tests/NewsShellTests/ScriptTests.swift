import NewsQuery
import Testing
@testable import NewsShell

/// Splitting scripts into units, and reading their `# expect`, `# format` and `# args` lines.
@Suite("Script: statement splitter and expectation parser")
struct ScriptTests {
    /// A unit as `(kind, first line, line count)` for compact comparisons.
    struct Shape: Equatable, CustomStringConvertible {
        var kind: Script.Kind
        var line: Int
        var lineCount: Int
        var description: String { "\(kind)@\(line)+\(lineCount)" }
    }

    func shapes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Shape] {
        let script = Script(text: text, name: "t.nq")
        #expect(script.problems == [], sourceLocation: sourceLocation)
        return script.units.map { Shape(kind: $0.kind, line: $0.line, lineCount: $0.lineCount) }
    }

    @Test func statementsEndAtLineBreaks() {
        #expect(shapes("quotes\n\nactors | count\n") == [
            Shape(kind: .statements("quotes"), line: 1, lineCount: 1),
            Shape(kind: .statements("actors | count"), line: 3, lineCount: 1),
        ])
        // `;` keeps statements in one unit: they share one expectation.
        #expect(shapes("let h = quotes by Homan; h | count") == [
            Shape(kind: .statements("let h = quotes by Homan; h | count"), line: 1, lineCount: 1),
        ])
    }

    @Test func incompleteStatementsSpanLines() {
        #expect(shapes("quotes by Homan |\n  where kind = direct\nactors") == [
            Shape(kind: .statements("quotes by Homan |\n  where kind = direct"), line: 1, lineCount: 2),
            Shape(kind: .statements("actors"), line: 3, lineCount: 1),
        ])
        // An open string or parenthesis, and a comment line inside the statement.
        #expect(shapes("who said \"not\nsurrendering\"\nquotes | where (kind = direct\n# either\nor kind = partial)") == [
            Shape(kind: .statements("who said \"not\nsurrendering\""), line: 1, lineCount: 2),
            Shape(kind: .statements("quotes | where (kind = direct\n# either\nor kind = partial)"), line: 3, lineCount: 3),
        ])
    }

    @Test func aLineStartingWithAPipeContinuesTheQuery() {
        #expect(shapes("quotes by Homan\n  | where kind = direct\n\n# sorted:\n  | sort by paragraph\nactors") == [
            Shape(kind: .statements("quotes by Homan\n  | where kind = direct\n\n# sorted:\n  | sort by paragraph"), line: 1,
                  lineCount: 5),
            Shape(kind: .statements("actors"), line: 6, lineCount: 1),
        ])
    }

    @Test func commandsAndDirectivesAreUnits() {
        #expect(shapes("#!/usr/bin/env newsq\n  :format json # a comment\n# format: csv\nquotes\n") == [
            Shape(kind: .command("  :format json # a comment"), line: 2, lineCount: 1),
            Shape(kind: .format("csv"), line: 3, lineCount: 1),
            Shape(kind: .statements("quotes"), line: 4, lineCount: 1),
        ])
    }

    @Test func expectationBlocks() throws {
        let script = Script(text: """
            quotes by Walz | count
            # expect:  count
            # expect: ------
            #expect:      2
            # expect:
            # expect: (1 row)

            quotes by Homen
              # expect error: 8:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            who said surrender
            # expect error: expected a string in quotes after 'who said', found 'surrender'
            :format
            # a comment between a unit and its block
            # expect: table
            """, name: "t.nq")
        #expect(script.problems == [])
        let expectations = script.units.map(\.expectation)
        #expect(expectations == [
            Script.Expectation(content: .output([" count", "------", "     2", "", "(1 row)"]), line: 2, lineCount: 5),
            Script.Expectation(content: .error(message: #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#, line: 8, column: 11),
                               line: 9, lineCount: 1, indentation: "  "),
            Script.Expectation(content: .error(message: "expected a string in quotes after 'who said', found 'surrender'",
                                               line: nil, column: nil), line: 11, lineCount: 1),
            Script.Expectation(content: .output(["table"]), line: 14, lineCount: 1),
        ])
        #expect(try #require(expectations[1]).sourceLines == [#"  # expect error: 8:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?"#])
        #expect(try #require(expectations[0]).sourceLines
            == ["# expect:  count", "# expect: ------", "# expect:      2", "# expect:", "# expect: (1 row)"])
    }

    /// An expectation line ends an unfinished statement instead of being swallowed by it.
    @Test func anUnfinishedStatementStopsAtItsExpectation() {
        let script = Script(text: "who said \"oops\n# expect error: unterminated string (opened at 1:10)\nquotes", name: "t.nq")
        #expect(script.units.map(\.line) == [1, 3])
        #expect(script.units[0].expectation?.content == .error(message: "unterminated string (opened at 1:10)", line: nil, column: nil))
        #expect(Script(text: "quotes |", name: "t.nq").units.map(\.lineCount) == [1])
    }

    @Test func malformedDirectivesAreProblems() {
        let script = Script(text: """
            # expect: too early
            quotes
            # expect: one
            # expect error: two
            actors
            # expect: a

            # expect: b
            # format: json
            # expect: c
            people
            # expect error: x
            # expect error: y
            # args: name=ok bad "unterminated
            """, name: "t.nq")
        #expect(script.problems == [
            .init(line: 1, message: "an expectation before any statement"),
            .init(line: 3, message: "an expectation mixes '# expect:' and '# expect error:' lines"),
            .init(line: 8, message: "a second expectation for line 5 (its first is at line 6): write one block"),
            .init(line: 10, message: "an expectation must follow a statement or a ':' command, not '# format:'"),
            .init(line: 12, message: "more than one '# expect error:' line: a statement fails with one error"),
            .init(line: 14, message: "# args: unterminated quote"),
        ])
    }

    @Test func argumentsHeader() {
        let script = Script(text: "#!/usr/bin/env newsq\n# args: who=\"Jacob Frey\" word=drawdown empty=\n# args: x=1 oops\nquotes by $who",
                            name: "t.nq")
        #expect(script.arguments == ["who": "Jacob Frey", "word": "drawdown", "empty": "", "x": "1"])
        #expect(script.problems == [.init(line: 3, message: "# args: expected NAME=VALUE, found 'oops'")])
        #expect(Script.assignment("a_1=x=y")! == ("a_1", "x=y"))
        #expect(Script.assignment("=x") == nil)
        #expect(Script.assignment("a-b=x") == nil)
        #expect(Script.assignment("novalue") == nil)
    }

    @Test func linesFollowTheLexer() {
        let script = Script(text: "quotes\r\n# expect: x\r\nactors\rpeople", name: "t.nq")
        #expect(script.usesCRLF)
        #expect(script.units.map(\.line) == [1, 3, 4])
        #expect(script.units[0].expectation?.line == 2)
    }

    @Test func isIncompleteIsWhatAREPLAsks() {
        #expect(Script.isIncomplete("quotes by Homan |"))
        #expect(Script.isIncomplete("who said \"open"))
        #expect(Script.isIncomplete("quotes | where (kind = direct"))
        #expect(!Script.isIncomplete("quotes by Homan"))
        #expect(!Script.isIncomplete("quotes by Homan )"))
        #expect(!Script.isIncomplete(":run a.nq"))
    }

    /// `--update`'s rewriting: blocks replaced, everything else kept, error lines renumbered.
    @Test func rewritingExpectations() {
        let text = "quotes\n# expect: a\n\n# keep me\n  let x = people\n  # expect: b\nquotes by Homen\n# expect error: 7:11: old\nq2\n# expect error: 9:1: untouched\n"
        let script = Script(text: text, name: "t.nq")
        let rewritten = script.text(replacing: [
            Script.Expectation(content: .output(["a1", "a2", "a3"]), line: 2, lineCount: 1),
            Script.Expectation(content: .output([]), line: 6, lineCount: 1, indentation: "  "),
            Script.Expectation(content: .error(message: "new", line: 7, column: 11), line: 8, lineCount: 1),
        ])
        #expect(rewritten == "quotes\n# expect: a1\n# expect: a2\n# expect: a3\n\n# keep me\n  let x = people\nquotes by Homen\n# expect error: 8:11: new\nq2\n# expect error: 10:1: untouched\n")
        // The rewritten script reads back as what was written.
        let reread = Script(text: rewritten, name: "t.nq")
        #expect(reread.units.compactMap(\.expectation).map(\.content) == [
            .output(["a1", "a2", "a3"]), .error(message: "new", line: 8, column: 11), .error(message: "untouched", line: 10, column: 1),
        ])
        #expect(Script(text: "a\r\n# expect: x\r\n", name: "t").text(replacing: [
            Script.Expectation(content: .output(["y", ""]), line: 2, lineCount: 1),
        ]) == "a\r\n# expect: y\r\n# expect:\r\n")
    }

    @Test func unitSummaries() {
        let script = Script(text: "quotes by Homan\n  | count\n:run x.nq\n", name: "t.nq")
        #expect(script.units.map(\.summary) == ["quotes by Homan …", ":run x.nq"])
    }
}
