import BundledArticle
import Foundation
import NewsModel
import NewsQuery
import Testing
@testable import NewsShell

/// Sessions and the script runner: output and diagnostics in their sinks, file positions,
/// `:run` nesting, stopping and keeping going.
@Suite("Session and ScriptRunner")
struct SessionTests {
    /// A session over the bundled model whose output and messages are collected.
    static func session() -> (Session, OutputBuffer, OutputBuffer) {
        let output = OutputBuffer(), messages = OutputBuffer()
        let session = try! Session(model: .bundled, output: output.sink, messages: messages.sink)
        return (session, output, messages)
    }

    static func temporaryDirectory() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-shell-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test func resultsAreSeparatedAndErrorsNameFileLines() {
        let (session, output, messages) = Self.session()
        #expect(session.execute(entry: "let h = quotes by Homan; h | count") == .success)
        #expect(output.take() == "h: 16 rows\n\n count\n------\n    16\n(1 row)\n")
        guard case .failure(let error) = session.execute(statementSource: "h |\n  where knd = direct", sourceName: "a.nq", startLine: 7)
        else { Issue.record("should fail"); return }
        #expect((error.line, error.column, error.message) == (8, 9, "unknown field 'knd' — did you mean 'kind'?"))
        #expect(error.isReported)
        #expect(messages.take() == """
            a.nq:8:9: error: unknown field 'knd' — did you mean 'kind'?
              where knd = direct
                    ^~~
              fix: replace 'knd' with 'kind'
              try: where kind = direct
            a.nq:8:9: note: fields here: id, speaker, speaker_id, co_speakers, speakers, kind, cue, venue, addressee, time, date, about, events, occasion, paragraph, sentence, span, quotes, text, confidence, rule, addressee_id, article, title, published, source

            """)
        #expect(output.text == "")
        #expect(session.lastResult?.rows == [[16]])
    }

    @Test func aStatementStopsItsLineAtTheFirstError() {
        let (session, output, _) = Self.session()
        #expect(session.execute(entry: "quotes by Frey | show id; quotes by Homen; quotes by Vance | show id") != .success)
        #expect(output.take() == " id\n---\n s8\n(1 row)\n")
    }

    @Test func interruptionStopsBetweenStatements() {
        let (session, output, _) = Self.session()
        var polls = 0
        session.isInterrupted = {
            polls += 1
            return polls > 1
        }
        #expect(session.execute(entry: "quotes by Frey | show id; quotes by Walz") == .interrupted)
        #expect(output.take() == " id\n---\n s8\n(1 row)\n")
        polls = 0
        let outcome = ScriptRunner(session: session).run(text: "quotes by Frey | show id\nquotes by Walz", name: "t")
        #expect(outcome == .interrupted)
        #expect(ScriptRunner.exitStatus(for: outcome) == 130)
    }

    @Test func scriptsStopAtTheFirstErrorUnlessKeepingGoing() {
        let text = "quotes by Frey | show id\nquotes by Homen\nquotes by Vance | count\n"
        let (session, output, messages) = Self.session()
        let outcome = ScriptRunner(session: session).run(text: text, name: "s.nq")
        guard case .failure(let error) = outcome else { Issue.record("should fail"); return }
        #expect((error.line, error.column) == (2, 11))
        #expect(ScriptRunner.exitStatus(for: outcome) == 1)
        #expect(output.take() == " id\n---\n s8\n(1 row)\n")
        #expect(messages.take().hasPrefix("s.nq:2:11: error: unknown actor \"Homen\""))

        session.keepGoing = true
        session.resultsWritten = 0
        let kept = ScriptRunner(session: session).run(text: text + "quotes by Nobody\n", name: "s.nq")
        guard case .failure(let first) = kept else { Issue.record("should fail"); return }
        #expect(first.line == 2)
        #expect(output.take() == " id\n---\n s8\n(1 row)\n\n count\n------\n     2\n(1 row)\n")
        #expect(messages.take().components(separatedBy: ": error: ").count == 3)
    }

    @Test func runResolvesPathsFromTheCallingScript() throws {
        let root = try Self.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: "\(root)/lib/deeper", withIntermediateDirectories: true)
        try TextFile.write("let a = quotes by Walz\n:run lib/b.nq\na | count\n", to: "\(root)/main.nq")
        try TextFile.write("# b\n:run deeper/c.nq\nlet b = quotes by Frey\n", to: "\(root)/lib/b.nq")
        try TextFile.write("\n\nquotes by Homen\n", to: "\(root)/lib/deeper/c.nq")
        let (session, output, messages) = Self.session()
        session.format = .plain
        guard case .failure(let error) = try ScriptRunner(session: session).run(file: "\(root)/main.nq") else {
            Issue.record("should fail"); return
        }
        #expect(error.sourceName == "\(root)/lib/deeper/c.nq")
        #expect((error.line, error.column) == (3, 11))
        // `let` confirms on the table format only: plain output holds result rows alone.
        #expect(output.take() == "")
        // Reported once, in the file that failed.
        #expect(messages.take().hasPrefix("\(root)/lib/deeper/c.nq:3:11: error: unknown actor \"Homen\""))
        #expect(session.scripts.isEmpty)

        session.keepGoing = true
        _ = try ScriptRunner(session: session).run(file: "\(root)/main.nq")
        #expect(output.take() == "2\n")
        _ = messages.take()
        // At the top level (REPL, -c), relative paths are from the current folder.
        #expect(session.currentDirectory == ".")
    }

    @Test func recursionAndDepthAreErrors() throws {
        let root = try Self.temporaryDirectory()
        try TextFile.write("quotes | count\n:run b.nq\n", to: "\(root)/a.nq")
        try TextFile.write("# b\n:run ./a.nq\n", to: "\(root)/b.nq")
        let (session, _, messages) = Self.session()
        guard case .failure(let error) = try ScriptRunner(session: session).run(file: "\(root)/a.nq") else {
            Issue.record("should fail"); return
        }
        #expect(error.message == "recursive :run: \(root)/a.nq → \(root)/b.nq → \(root)/./a.nq — a script cannot run itself")
        #expect((error.sourceName, error.line, error.column) == ("\(root)/b.nq", 2, 6))
        #expect(messages.take().hasSuffix(":run ./a.nq\n     ^~~~~~\n"))

        // A chain of distinct files is cut at the nesting limit.
        for index in 0..<5 { try TextFile.write(":run \(index + 1).nq\n", to: "\(root)/\(index).nq") }
        try TextFile.write("quotes | count\n", to: "\(root)/5.nq")
        session.maximumScriptDepth = 3
        guard case .failure(let deep) = try ScriptRunner(session: session).run(file: "\(root)/0.nq") else {
            Issue.record("should fail"); return
        }
        #expect(deep.message == ":run nested more than 3 deep")
        #expect(deep.sourceName == "\(root)/2.nq")
        session.maximumScriptDepth = 16
        #expect(try ScriptRunner(session: session).run(file: "\(root)/0.nq") == .success)
    }

    @Test func loadingSourcesReportsUnreadableFilesFirst() {
        #expect(throws: ScriptRunner.ReadFailure(path: "/nonexistent.nq", reason: "No such file or directory")) {
            try ScriptRunner.load([.text("quotes", name: "<command>"), .file("/nonexistent.nq")])
        }
        #expect(throws: ScriptRunner.ReadFailure(path: "/tmp", reason: "is a directory")) {
            try ScriptRunner.load([.file("/tmp")])
        }
        let (session, output, _) = Self.session()
        let loaded = try? ScriptRunner.load([.text("let h = quotes by Walz", name: "<command 1>"), .text("h | count", name: "<command 2>")])
        session.format = .plain
        #expect(ScriptRunner(session: session).run(loaded ?? []) == .success)
        #expect(output.take() == "2\n")
    }

    @Test func needsMoreInput() {
        #expect(Script.isIncomplete("quotes |"))
        #expect(!Script.isIncomplete(":help"))
    }
}
