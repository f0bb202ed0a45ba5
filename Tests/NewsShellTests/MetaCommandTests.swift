import BundledArticle
import NewsModel
import NewsQuery
import Testing
@testable import NewsShell

/// The `:` command table: word splitting, lookup by prefix, suggestions, generated help, and
/// each standard command.
@Suite("MetaCommand: table and standard commands")
struct MetaCommandTests {
    @Test func wordsSplitAtBlanksWithQuotesAndComments() throws {
        let words = try MetaCommand.words(in: #"  :run "my dir/a b.nq" pre"fix x"post "q\"uote" # comment "#)
        #expect(words.map(\.text) == [":run", "my dir/a b.nq", "prefix xpost", #"q"uote"#])
        #expect(words.map(\.column) == [3, 8, 24, 39])
        #expect(words.map(\.length) == [4, 15, 14, 9])
        #expect(try MetaCommand.words(in: ":help a#b").map(\.text) == [":help", "a#b"])
        #expect(throws: MetaCommand.WordError(message: "unterminated quote", column: 7)) {
            try MetaCommand.words(in: ":load \"x y")
        }
    }

    @Test func lookupByNameOrUniquePrefix() {
        var table = MetaCommandTable.standard
        #expect(table.commands.map(\.name) == ["add", "article", "export", "format", "help", "load", "open", "report", "run", "schema", "timing"])
        guard case .found(let format) = table.lookup("fo") else { Issue.record("fo"); return }
        #expect(format.name == "format")
        guard case .found(let help) = table.lookup("H") else { Issue.record("H"); return }
        #expect(help.name == "help")
        table.add(MetaCommand(name: "history", arguments: "[N]", summary: "List what was typed") { _ in .success })
        guard case .ambiguous(let names) = table.lookup("h") else { Issue.record("h"); return }
        #expect(names == ["help", "history"])
        guard case .found(let exact) = table.lookup("help") else { Issue.record("help"); return }
        #expect(exact.name == "help")
        guard case .unknown(let suggestion) = table.lookup("frmat") else { Issue.record("frmat"); return }
        #expect(suggestion == "format")
        guard case .unknown(let none) = table.lookup("zzzzzz") else { Issue.record("zzzzzz"); return }
        #expect(none == nil)
        table.remove("history")
        #expect(table.commands.count == 11)
    }

    @Test func helpIsGeneratedFromTheTable() {
        var table = MetaCommandTable([
            MetaCommand(name: "run", arguments: "FILE", summary: "Run a script") { _ in .success },
        ])
        table.add(MetaCommand(name: "quit", arguments: "", summary: "Leave newsq") { _ in .quit(status: 0) })
        #expect(table.helpText == """
            Commands (any unique prefix works, e.g. :fo json):
              :quit      Leave newsq
              :run FILE  Run a script
            """)
    }

    @Test func addedCommandsRunAndCanQuit() {
        let (session, output, _) = SessionTests.session()
        session.commands.add(MetaCommand(name: "quit", arguments: "[STATUS]", summary: "Leave newsq") { invocation in
            guard invocation.arguments.count <= 1 else { return invocation.usageError() }
            return .quit(status: Int32(invocation.argumentTexts.first ?? "0") ?? 0)
        })
        #expect(session.execute(entry: ":quit 3") == .quit(status: 3))
        #expect(session.execute(entry: ":q") == .quit(status: 0))
        guard case .failure(let error) = session.execute(entry: ":quit 1 2", sourceName: "s.nq", startLine: 4) else {
            Issue.record("usage"); return
        }
        #expect(error.message == "usage: :quit [STATUS]")
        #expect((error.line, error.column) == (4, 7))
        #expect(output.text == "")
    }

    @Test func commandErrorsPointAtTheWord() {
        let (session, _, messages) = SessionTests.session()
        #expect(session.executeCommand(line: "  :frmat json", sourceName: "a.nq", lineNumber: 3) != .success)
        #expect(messages.take() == """
            a.nq:3:3: error: unknown command ':frmat' — did you mean ':format'?
              :frmat json
              ^~~~~~
              fix: replace 'frmat' with 'format'
              try: :format json

            """)
        _ = session.executeCommand(line: ":format xml")
        #expect(messages.take() == """
            <input>:1:9: error: unknown format 'xml': expected table, json, jsonl, csv or plain
            :format xml
                    ^~~

            """)
        _ = session.executeCommand(line: ":format jsno")
        #expect(messages.take().hasPrefix("<input>:1:9: error: unknown format 'jsno' — did you mean 'json'?"))
        _ = session.executeCommand(line: ":")
        #expect(messages.take().hasPrefix("<input>:1:1: error: expected a command name after ':' (:help lists them)"))
        _ = session.executeCommand(line: ":run \"open")
        #expect(messages.take().hasPrefix("<input>:1:6: error: unterminated quote"))
        _ = session.executeCommand(line: ":zzzzzz")
        #expect(messages.take().hasPrefix("<input>:1:1: error: unknown command ':zzzzzz' (:help lists the commands)"))
    }

    @Test func formatAndTiming() {
        let (session, output, messages) = SessionTests.session()
        #expect(session.execute(entry: ":format") == .success)
        #expect(output.take() == "table\n")
        #expect(session.execute(entry: ":fo CSV") == .success)
        #expect(session.format == .csv)
        #expect(session.execute(entry: "quotes by Frey | show id") == .success)
        #expect(output.take() == "id\r\ns8\r\n")
        #expect(session.execute(entry: ":timing on") == .success)
        #expect(session.execute(entry: "quotes | count") == .success)
        #expect(messages.take().hasPrefix("Time: "))
        #expect(session.execute(entry: ":timing") == .success)
        #expect(output.take() == "count\r\n31\r\ntiming is on\n")
        #expect(session.execute(entry: ":timing off") == .success)
        #expect(session.execute(entry: ":timing maybe") != .success)
        #expect(messages.take().contains("usage: :timing [on|off]"))
    }

    @Test func articleSchemaAndHelp() {
        let (session, output, _) = SessionTests.session()
        #expect(session.execute(entry: ":article 45") != .success)
        #expect(session.execute(entry: ":article 23") == .success)
        #expect(output.take().hasPrefix("[23] He also made clear that pulling some federal officers out of Minnesota"))
        #expect(session.execute(entry: ":article") == .success)
        let summary = output.take()
        #expect(summary.hasPrefix("\nmetro-surge-2026-02-04 — AP, MINNEAPOLIS, 2026-02-04\n"))
        #expect(summary.hasSuffix("  model: bundled\n"))
        #expect(session.execute(entry: ":article all") == .success)
        #expect(output.take().contains("\n\n[11] (heading) Trump administration has pushed for cooperation in Minnesota\n\n"))
        session.resultsWritten = 0
        #expect(session.execute(entry: ":schema") == .success)
        #expect(output.take().hasPrefix(" table      | field           | type        | values"))
        session.format = .plain
        #expect(session.execute(entry: ":schema") == .success)
        let schema = output.take().split(separator: "\n").map(String.init)
        #expect(schema.contains("statements\tspeaker_id\tid\tnull\tno\tnull"))
        #expect(schema.contains("statements\tkind\tenumeration\tdirect, partial, reported\tyes\tnull"))
        #expect(schema.contains("statements\tverbatim\tenumeration\tyes, no\tyes\twho said, quotes mentioning"))
        #expect(schema.contains("actors\tkind\tenumeration\tperson, organization, group, place\tyes\tnull"))
        #expect(schema.contains("mentions\tform\tenumeration\tname, description, pronoun\tyes\tnull"))
        #expect(schema.contains("events\tmatch\tenumeration\texact, possible\tyes\tevents on/in/between/before/after"))
        #expect(schema.contains("mentions\tcontext\ttext\tnull\tyes\tnull"))
        #expect(schema.contains("source\trecord\ttext\tnull\tno\tnull"))
        session.format = .table
        session.resultsWritten = 0
        #expect(session.execute(entry: ":help run") == .success)
        #expect(output.take().hasPrefix(":run FILE\n  Run a script file.\n  The script runs in this session"))
        #expect(session.execute(entry: ":help") == .success)
        let help = output.take()
        #expect(help.contains("  :timing [on|off]                      Show run times (on standard error)\n"))
        // The query forms newcomers need, with examples, before the commands.
        #expect(help.hasPrefix("\nQueries (:help queries lists them all):\n  who said \"surrender\"          who said it"))
        #expect(help.contains("  quotes by Homan               what an actor said"))
        #expect(help.contains("  events on 2026-02-04 "))
        #expect(help.contains("  mentions of Homan "))
        #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(session.execute(entry: ":help queries") == .success)
        #expect(output.take().contains("who said \"TEXT\""))
        #expect(session.execute(entry: ":help nothing") != .success)
    }

    /// `:open FILE` extracts an article's model (or loads a model file); a file that cannot be
    /// opened leaves what was open as it was.
    @Test func openAnArticle() throws {
        let (session, output, messages) = SessionTests.session()
        let folder = try SessionTests.temporaryDirectory()
        try TextFile.write("date 2026-04-01\n\nThe bridge will reopen in May, Mayor Ana Lee said.\n", to: "\(folder)/bridge.txt")
        #expect(session.execute(entry: ":open \(folder)/bridge.txt") == .success)
        #expect(messages.take() == "opened \(folder)/bridge.txt: bridge — 2026-04-01 (extracted)\n")
        #expect(session.modelSource == "extracted from \(folder)/bridge.txt")
        #expect(session.interpreter.model.provenance?.extracted == true)
        #expect(session.execute(entry: "quotes | show speaker") == .success)
        #expect(output.take() == " speaker\n--------\n Ana Lee\n(1 row)\n")
        try TextFile.write("", to: "\(folder)/empty.txt")
        guard case .failure(let error) = session.execute(entry: ":open \(folder)/empty.txt") else {
            Issue.record("an empty file should not open")
            return
        }
        #expect(error.message == "cannot open \(folder)/empty.txt: the article is empty: there is no text to read; what was open stays open")
        #expect(session.interpreter.model.article.id == "bridge")
        #expect(session.execute(entry: ":open \(folder)/missing.txt") != .success)
        session.isSandboxed = true
        guard case .failure(let refused) = session.execute(entry: ":open \(folder)/bridge.txt") else { return }
        #expect(refused.message == "file access is disabled in this session (:open reads or writes files)")
    }

    @Test func loadAndExport() throws {
        let directory = try SessionTests.temporaryDirectory()
        let (session, output, messages) = SessionTests.session()
        session.interpreter.arguments = ["who": "Walz"]
        #expect(session.execute(entry: ":export \(directory)/none.csv") != .success)
        #expect(messages.take().contains("error: nothing to export yet: run a query first"))
        #expect(session.execute(entry: "let h = quotes by $who") == .success)
        #expect(session.execute(entry: ":export \(directory)/h.csv") == .success)
        #expect(try TextFile.read("\(directory)/h.csv").hasPrefix("id,speaker,speaker_id,co_speakers,speakers,kind,"))
        #expect(session.execute(entry: "quotes by Frey | show id, kind") == .success)
        #expect(session.execute(entry: ":export \(directory)/frey.txt") == .success)
        #expect(try TextFile.read("\(directory)/frey.txt") == "s8\treported\n")
        #expect(messages.take() == "wrote 2 rows to \(directory)/h.csv (csv)\nwrote 1 row to \(directory)/frey.txt (plain)\n")
        _ = output.take()

        try TextFile.write(ModelFile.encode(.bundled), to: "\(directory)/model.json")
        #expect(session.execute(entry: ":load \(directory)/model.json") == .success)
        #expect(messages.take() == "loaded \(directory)/model.json: metro-surge-2026-02-04 — AP, MINNEAPOLIS, 2026-02-04\n")
        #expect(session.interpreter.bindings.isEmpty)
        #expect(session.interpreter.arguments == ["who": "Walz"])
        #expect(session.modelSource == "\(directory)/model.json")
        try TextFile.write("{\"format\": 1}", to: "\(directory)/bad.json")
        #expect(session.execute(entry: ":load \(directory)/bad.json") != .success)
        #expect(messages.take().contains("error: cannot load \(directory)/bad.json: "))
        #expect(session.execute(entry: ":load \(directory)/missing.json") != .success)
        #expect(messages.take().contains("cannot load \(directory)/missing.json: No such file or directory"))
    }
}
