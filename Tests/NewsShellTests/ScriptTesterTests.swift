import Foundation
import NewsModel
import NewsQuery
import Testing
@testable import NewsShell

/// The expectation engine: what passes, how failures read, and what `--update` writes.
@Suite("ScriptTester: expectations, diffs, update")
struct ScriptTesterTests {
    let tester = ScriptTester()

    func report(_ text: String, arguments: [String: String] = [:]) -> ScriptTestReport {
        var tester = tester
        tester.arguments = arguments
        return tester.test(Script(text: text, name: "t.nq"), path: nil)
    }

    @Test func matchingOutputPasses() {
        let result = report("""
            let h = quotes by Walz
            h | count
            # expect:  count
            # expect: ------
            # expect:      2
            # expect: (1 row)
            :format jsonl
            h | show id
            # expect: {"id":"s8"}
            # expect: {"id":"s9"}
            h | where kind = partial
            # expect:
            # format: csv
            h | show id
            # expect: id
            # expect: s8
            # expect: s9
            quotes by Homen
            # expect error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
            # expect error: 20:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            """)
        #expect(result.failureText == "")
        #expect((result.passed, result.failed) == (6, 0))
        #expect(result.updatedText == nil)
    }

    @Test func aMismatchIsAUnifiedDiff() {
        let result = report("#!/usr/bin/env newsq\nquotes by Homan | count\n# expect:  count\n# expect: ------\n# expect:     15\n# expect: (1 row)\n")
        #expect((result.passed, result.failed) == (0, 1))
        #expect(result.failureText == """
            t.nq:3: expectation for line 2 failed: quotes by Homan | count
            --- expected
            +++ actual
            @@ -1,4 +1,4 @@
              count
             ------
            -    15
            +    16
             (1 row)
            """)
        #expect(result.updatedText == "#!/usr/bin/env newsq\nquotes by Homan | count\n# expect:  count\n# expect: ------\n# expect:     16\n# expect: (1 row)\n")
    }

    @Test func errorMismatches() {
        let result = report("""
            quotes by Homen
            # expect error: 1:11: unknown actor
            quotes by Walz | count
            # expect error: something
            quotes by Homen
            # expect: nothing
            """)
        #expect(result.failed == 3)
        #expect(result.failures.map(\.message) == [
            """
            t.nq:2: expectation for line 1 failed: quotes by Homen
            --- expected
            +++ actual
            @@ -1 +1 @@
            -error: 1:11: unknown actor
            +error: 1:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            """,
            """
            t.nq:4: expectation for line 3 failed: quotes by Walz | count
            --- expected
            +++ actual
            @@ -1 +1,4 @@
            -error: something
            + count
            +------
            +     2
            +(1 row)
            """,
            """
            t.nq:6: expectation for line 5 failed: quotes by Homen
            --- expected
            +++ actual
            @@ -1 +1 @@
            -nothing
            +error: 5:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            """,
        ])
        #expect(result.updatedText == """
            quotes by Homen
            # expect error: 1:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Walz | count
            # expect:  count
            # expect: ------
            # expect:      2
            # expect: (1 row)
            quotes by Homen
            # expect error: 8:11: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            """)
    }

    @Test func unexpectedErrorsAndProblemsFail() {
        let result = report("quotes by Homen\n# format: xml\n# expect: orphan\nquotes\n")
        // Malformed directives first, then what running each unit found.
        #expect(result.failures.map(\.kind) == [.problem, .unexpectedError, .problem])
        #expect(result.failures.map(\.message) == [
            "t.nq:3: error: an expectation must follow a statement or a ':' command, not '# format:'",
            """
            t.nq:1:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
                      ^~~~~
              fix: replace 'Homen' with 'Homan'
              try: quotes by Homan
            """,
            "t.nq:2: error: unknown format 'xml' (table, json, jsonl, csv, plain)",
        ])
        #expect(result.updatedText == nil)
    }

    @Test func argumentsComeFromTheHeaderUnlessOverridden() {
        let text = "# args: who=Walz\nquotes by $who | count\n# expect:  count\n# expect: ------\n# expect:      2\n# expect: (1 row)\n"
        #expect(report(text).failed == 0)
        #expect(report(text, arguments: ["who": "Frey"]).failed == 1)
        #expect(report("quotes by $who").failures.first?.message.contains("unknown argument $who — pass it with --arg who=VALUE") == true)
    }

    @Test func tablesHaveNoWidthLimitAndNoColour() {
        let result = report("who said \"surrender\" | show text\n# expect:  text\n# expect: -\n")
        let message = result.failures.first?.message ?? ""
        #expect(message.contains("+ We are not surrendering the president’s mission on a mass deportation operation\n"))
        #expect(!message.contains("\u{1B}["))
    }

    @Test func outputLines() {
        #expect(ScriptTester.outputLines("") == [""])
        #expect(ScriptTester.outputLines("\n") == [""])
        #expect(ScriptTester.outputLines("a  \r\nb\r\n") == ["a", "b"])
        #expect(ScriptTester.outputLines("a\n\nb") == ["a", "", "b"])
    }

    @Test func runningFoldersUpdatesInPlace() throws {
        let root = try SessionTests.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(root)/sub", withIntermediateDirectories: true)
        try TextFile.write("quotes by Frey | count\n# expect: wrong\n", to: "\(root)/sub/b.nq")
        try TextFile.write(":run sub/c.txt\n# expect: 1\n", to: "\(root)/a.nq")
        try TextFile.write("# format: plain\nquotes by Frey | count\n", to: "\(root)/sub/c.txt")
        try TextFile.write("ignored", to: "\(root)/.hidden.nq")
        #expect(try ScriptTester.scriptFiles(in: [root]) == ["\(root)/a.nq", "\(root)/sub/b.nq"])

        let output = OutputBuffer()
        let summary = try tester.run(paths: [root], update: false, output: output.sink)
        #expect(summary == ScriptTester.Summary(passed: 0, failed: 2, updated: 0))
        #expect(output.text.contains("+     1\n+(1 row)\n\(root)/a.nq: 0 passed, 1 failed\n\(root)/sub/b.nq:2: expectation for line 1"))
        #expect(output.take().hasSuffix("\n\(root)/sub/b.nq: 0 passed, 1 failed\n0 passed, 2 failed\n"))

        let updated = try tester.run(paths: [root], update: true, output: output.sink)
        #expect(updated == ScriptTester.Summary(passed: 0, failed: 0, updated: 2))
        #expect(try TextFile.read("\(root)/sub/b.nq") == "quotes by Frey | count\n# expect:  count\n# expect: ------\n# expect:      1\n# expect: (1 row)\n")
        // `# format:` is for tests of the file it is in: the script :run prints in the session's format.
        #expect(try TextFile.read("\(root)/a.nq").hasPrefix(":run sub/c.txt\n# expect:  count\n"))
        #expect(try tester.run(paths: [root], update: false, output: output.sink) == ScriptTester.Summary(passed: 2, failed: 0))
        #expect(throws: ScriptRunner.ReadFailure(path: "\(root)/nothing", reason: "No such file or directory")) {
            try tester.run(paths: ["\(root)/nothing"], update: false, output: output.sink)
        }
    }
}
