import BundledArticle
import CEditLine
import Foundation
import NewsModel
import Testing

/// Runs the built `newsq` executable as a user would and checks what it prints and returns.
@Suite("The newsq command line")
struct CommandLineTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `newsq` executable built next to this test bundle.
    static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, bundleDirectory.deletingLastPathComponent()]
            + [URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
                .deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("newsq") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0].appendingPathComponent("newsq")
    }

    func run(_ arguments: [String], executable: URL = CommandLineTests.executable,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsq-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func versionAndSummary() throws {
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "newsq 0.1.0\n")
        let summary = try run(["-c", ":article"])
        #expect(summary.status == 0)
        #expect(summary.stdout.hasPrefix("metro-surge-2026-02-04 — AP, MINNEAPOLIS, 2026-02-04\n"))
        #expect(summary.stdout.contains("statements: \(ArticleModel.bundled.statements.count) ("))
        // Standard input that is not a terminal is a script: empty here, so nothing is printed.
        let empty = try run([])
        #expect(empty.status == 0)
        #expect(empty.stdout == "")
    }

    @Test func exportThenLoadRoundTrips() throws {
        let export = try run(["--export-model"])
        #expect(export.status == 0)
        #expect(export.stderr == "")
        let decoded = try ModelFile.decode(export.stdout)
        #expect(decoded == ArticleModel.bundled)
        let object = try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["format", "article", "actors", "statements", "events"])
        #expect(object?["format"] as? Int == 2)  // a claim made jointly needs format 2

        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("model.json")
        try export.stdout.write(to: file, atomically: true, encoding: .utf8)
        let reloaded = try run(["--model", file.path, "--export-model"])
        #expect(reloaded.status == 0)
        #expect(reloaded.stdout == export.stdout)
    }

    @Test func badModelFileListsEveryProblemAndExits3() throws {
        let export = try run(["--export-model"]).stdout
        let broken = export
            .replacingOccurrences(of: "\"speaker\": \"jd-vance\"", with: "\"speaker\": \"jd-vanse\"")
            .replacingOccurrences(of: "\"content\": \"We’re not drawing", with: "\"content\": \"We are not drawing")
        #expect(broken != export)
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("bad.json")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let outcome = try run(["--model", file.path])
        #expect(outcome.status == 3)
        #expect(outcome.stdout == "")
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("\(file.path): error: $.statements[") && $0.contains("jd-vanse") && $0.contains("did you mean \"jd-vance\"") })
        #expect(lines.contains { $0.contains("content \"We are not drawing down") && $0.contains("differs from its spans") })
        #expect(lines.last?.hasSuffix("nothing was loaded") == true)
    }

    @Test func malformedJSONGivesLineAndColumn() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("bad.json")
        try "{\n  \"format\": 1,\n  \"article\": [\n}".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try run(["--model", file.path])
        #expect(outcome.status == 3)
        #expect(outcome.stderr.hasPrefix("\(file.path): error: 4:1: "))
    }

    @Test func missingFileAndUsageErrors() throws {
        let missing = try run(["--model", "/nonexistent/model.json"])
        #expect(missing.status == 3)
        #expect(missing.stderr == "/nonexistent/model.json: error: No such file or directory\n")
        let usage = try run(["--no-such-option"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--no-such-option"))
    }

    /// The article and its model are compiled in: the binary works alone in an empty folder.
    @Test func executableWorksWhenCopiedAlone() throws {
        let directory = try temporaryDirectory()
        let copy = directory.appendingPathComponent("newsq")
        try FileManager.default.copyItem(at: Self.executable, to: copy)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["newsq"])
        let version = try run(["--version"], executable: copy)
        #expect(version.status == 0)
        let export = try run(["--export-model"], executable: copy)
        #expect(export.status == 0)
        #expect(try ModelFile.decode(export.stdout) == ArticleModel.bundled)
    }

    /// libedit is linked into every build (the REPL builds on it).
    @Test func libeditLinks() {
        let history = history_init()
        #expect(history != nil)
        history_end(history)
    }
}

/// `newsq -c`: queries from the command line, results on stdout, diagnostics on stderr.
@Suite("newsq -c")
struct CommandOptionTests {
    let cli = CommandLineTests()

    @Test func queryPrintsATable() throws {
        let outcome = try cli.run(["-c", #"who said "surrender""#])
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("speaker") == true)
        #expect(lines.contains { $0.contains("s25") && $0.contains("Tom Homan") && $0.contains("direct") })
        #expect(lines.last == "(1 row)")
    }

    @Test func formats() throws {
        let json = try cli.run(["-c", "quotes by Walz", "--format", "json"])
        #expect(json.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["s8", "s9"])
        #expect(rows?.first?["speaker"] as? String == "Tim Walz and Jacob Frey")
        #expect(rows?.first?["speaker_id"] as? String == "tim-walz")
        #expect(rows?.first?["paragraph"] as? Int == 8)
        for key in ["id", "speaker", "text", "kind", "paragraph"] { #expect(rows?.first?[key] != nil, "\(key)") }

        let jsonl = try cli.run(["-c", "people | show name", "--format", "jsonl"])
        #expect(jsonl.stdout.split(separator: "\n").count == 10)
        #expect(jsonl.stdout.hasPrefix("{\"name\":"))

        let csv = try cli.run(["-c", "quotes by Frey | show id, speaker, kind", "--format", "csv"])
        #expect(csv.stdout == "id,speaker,kind\r\ns8,Tim Walz and Jacob Frey,reported\r\n")

        let plain = try cli.run(["-c", "quotes by Homan | count", "--format", "plain"])
        #expect(plain.stdout == "16\n")
    }

    @Test func repeatedCommandsRunInOrder() throws {
        let outcome = try cli.run(["-c", "let h = quotes by Homan", "-c", "h | where kind = direct | count", "--format", "plain"])
        #expect(outcome.status == 0)
        // Machine formats print only result rows: no "h: 16 rows" confirmation.
        #expect(outcome.stdout == "5\n")
    }

    /// Machine formats carry result rows only: `let` prints nothing, each query one JSON value
    /// (a stream jq reads), `explain` a `query` row; piped tables have no trailing blanks.
    @Test func machineOutputIsOnlyRows() throws {
        let json = try cli.run(["--format", "json", "-c", "let w = quotes by Walz", "-c", "w | show id", "-c", ":format json",
                                "-c", "explain w | count", "-c", "quotes by Frey | show id"])
        #expect(json.status == 0)
        #expect(json.stdout == """
            [
              {
                "id": "s8"
              },
              {
                "id": "s9"
              }
            ]
            [
              {
                "query": "w | count"
              }
            ]
            [
              {
                "id": "s8"
              }
            ]

            """)
        let csv = try cli.run(["--format", "csv", "-c", "let w = quotes by Walz", "-c", "w | count"])
        #expect(csv.stdout == "count\r\n2\r\n")
        let jsonl = try cli.run(["--format", "jsonl", "-c", "let w = quotes by Walz", "-c", "w | show id"])
        #expect(jsonl.stdout == "{\"id\":\"s8\"}\n{\"id\":\"s9\"}\n")
        let table = try cli.run(["-c", "quotes by Walz | show id, venue"])
        #expect(table.stdout == " id | venue\n----+-------------\n s8 | null\n s9 | social media\n(2 rows)\n")
        let piped = try cli.run(["-c", #"who said "surrender""#])
        #expect(!piped.stdout.contains(" \n"))
    }

    @Test func errorsGoToStderrWithACaretAndExit1() throws {
        let outcome = try cli.run(["-c", "quotes by Homen"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == """
            <command>:1:11: error: unknown actor "Homen" — did you mean Homan (Tom Homan)?
            quotes by Homen
                      ^~~~~
              fix: replace 'Homen' with 'Homan'
              try: quotes by Homan

            """)
    }

    @Test func badFormatIsAUsageError() throws {
        let outcome = try cli.run(["-c", "quotes", "--format", "xml"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("xml"))
    }
}
