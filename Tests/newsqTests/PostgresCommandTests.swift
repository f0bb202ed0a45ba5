import Foundation
import Testing

/// The server of ``PostgresCommandTests``, when the environment names one.
enum PostgresCommandServer {
    static let environment = ProcessInfo.processInfo.environment
    static let url = environment["NEWSQ_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    /// A server is given, or required (CI): then the tests run, and fail without one.
    static let isEnabled = url != nil || environment["NEWSQ_REQUIRE_POSTGRES"] == "1"
    static let skipReason: Comment = "NEWSQ_TEST_POSTGRES is not set: no PostgreSQL server to test against (run scripts/with-postgres scripts/test)"
}

/// `newsq --db postgresql://…`: a corpus on the PostgreSQL server in `NEWSQ_TEST_POSTGRES`
/// (scripts/with-postgres starts one), each test in a database of its own, made with psql and
/// dropped after. Added to, queried (the same answers as the same articles in SQLite), added
/// again, opened with `:open`; a wrong password or port is a clear error with exit status 3;
/// no password is ever shown.
@Suite("newsq --db postgresql://…", .enabled(if: PostgresCommandServer.isEnabled, PostgresCommandServer.skipReason))
struct PostgresCommandTests {
    let cli = CommandLineTests()

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The server's URL.
    func serverURL() throws -> String {
        guard let server = PostgresCommandServer.url else {
            throw Failure(description: "NEWSQ_REQUIRE_POSTGRES=1 but NEWSQ_TEST_POSTGRES is not set: run the tests under "
                + "scripts/with-postgres scripts/test, or set NEWSQ_TEST_POSTGRES=postgresql://USER@HOST:PORT/DB")
        }
        return server
    }

    /// Runs SQL with psql on the server (`database` instead of the URL's own, when given).
    @discardableResult
    func psql(_ sql: String, database: String? = nil) throws -> String {
        var url = try serverURL()
        if let database { url = Self.replacingDatabase(of: url, with: database) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql \(sql): status \(process.terminationStatus): \(errors)")
        }
        return output
    }

    /// `url` naming `database` instead of its own.
    static func replacingDatabase(of url: String, with database: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        var rest = Substring(url[scheme.upperBound...])
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[mark...])
            rest = rest[..<mark]
        }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        return String(url[..<scheme.upperBound]) + rest + "/" + database + query
    }

    /// The server's host and port, as `host:port` (what follows the user in its URL).
    func hostAndPort() throws -> String {
        let url = Self.replacingDatabase(of: try serverURL(), with: "")
        let authority = url[url.range(of: "://")!.upperBound...].dropLast()
        return String(authority.split(separator: "@").last ?? "")
    }

    /// Runs `body` with a new empty database (owned by `owner`, when given), dropped after.
    func withDatabase(owner: String? = nil, _ body: (String) throws -> Void) throws {
        let name = "newsq_cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql("CREATE DATABASE \(name)" + (owner.map { " OWNER \($0)" } ?? ""))
        defer { _ = try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        try body(name)
    }

    /// Articles `range` in a new folder.
    func articles(_ range: Range<Int>) throws -> URL {
        let folder = try cli.temporaryDirectory().appendingPathComponent("articles")
        try CorpusFixtures.write(range, to: folder)
        return folder
    }

    @Test func addQueryAndAddAgainAnswerAsSQLiteDoes() throws {
        try withDatabase { database in
            let url = Self.replacingDatabase(of: try serverURL(), with: database)
            let folder = try articles(0..<8)
            let sqlite = folder.deletingLastPathComponent().appendingPathComponent("corpus.sqlite").path
            for db in [url, sqlite] {
                let added = try cli.run(["--db", db, "--add", folder.path])
                #expect(added.status == 0, "\(added.stderr)")
                #expect(added.stderr == "added 8 articles (0 unchanged, 0 replaced, 0 failed)\n")
            }
            let queries = ["quotes by Ruiz | count by article", "articles | show id, published", #"who said "waited" | show article, speaker"#,
                           "actors | sort by name desc | show name, article", #"quotes | where has "million dollars" | count"#,
                           "quotes by Rui", "events | count by article | sort by count desc, article | limit 3"]
            for query in queries {
                let stored = try cli.run(["--db", url, "-c", query, "--format", "csv"])
                let file = try cli.run(["--db", sqlite, "-c", query, "--format", "csv"])
                #expect(stored.stdout == file.stdout, "\(query)")
                #expect(stored.stderr == file.stderr.replacingOccurrences(of: sqlite, with: url), "\(query)")
                #expect(stored.status == file.status, "\(query)")
            }
            let again = try cli.run(["--db", url, "--add", folder.path])
            #expect(again.stderr == "added 0 articles (8 unchanged, 0 replaced, 0 failed)\n")
            let changed = folder.appendingPathComponent("0004.txt")
            try Data(CorpusFixtures.article(4).replacingOccurrences(of: "Dana Ruiz", with: "Nadia Ruiz").utf8).write(to: changed)
            let replaced = try cli.run(["--db", url, "--add", folder.path])
            #expect(replaced.stderr == "added 0 articles (7 unchanged, 1 replaced, 0 failed)\n")
            let removed = try cli.run(["--db", url, "--remove", "0003", "-c", "articles | count", "--format", "plain"])
            #expect(removed.stdout == "7\n")
            #expect(removed.stderr == "removed 0003 from \(url)\n")
            // Scripts and --test run over it as over a file.
            let script = folder.deletingLastPathComponent().appendingPathComponent("corpus.nq")
            try Data("""
                quotes by "Nadia Ruiz" | count
                # expect:  count
                # expect: ------
                # expect:      2
                # expect: (1 row)

                """.utf8).write(to: script)
            let tested = try cli.run(["--db", url, "--test", script.path])
            #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        }
    }

    @Test func aDatabaseWithoutACorpusIsNoneUntilArticlesAreAdded() throws {
        try withDatabase { database in
            let url = Self.replacingDatabase(of: try serverURL(), with: database)
            let empty = try cli.run(["--db", url, "-c", "articles"])
            #expect(empty.status == 3)
            #expect(empty.stderr == "newsq: \(url) is not a newsq corpus (it has no newsq tables); add articles to create one: newsq --db \(url) --add FILE…\n")
            #expect(try psql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", database: database) == "0\n")
            let opened = try cli.run(["-c", ":open \(url)", "--format", "plain"])
            #expect(opened.status == 1)
            #expect(opened.stderr.hasPrefix("<command>:1:7: error: cannot open \(url): "))
            #expect(opened.stderr.contains("what was open stays open"))
        }
    }

    /// A role with a password (the server of scripts/with-postgres asks it for one).
    @Test func aWrongPasswordOrPortIsAClearErrorAndNoPasswordIsShown() throws {
        let role = "newsq_cli_" + UUID().uuidString.prefix(8).lowercased()
        let password = "s3cret/p@ss:word", encoded = "s3cret%2Fp%40ss%3Aword"
        try psql("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
        defer { _ = try? psql("DROP ROLE IF EXISTS \(role)") }
        try withDatabase(owner: role) { database in
            let host = try hostAndPort()
            let url = "postgresql://\(role):\(encoded)@\(host)/\(database)"
            let shown = "postgresql://\(role):***@\(host)/\(database)"
            var outputs: [String] = []
            func run(_ arguments: [String]) throws -> CommandLineTests.Outcome {
                let outcome = try cli.run(arguments)
                outputs.append(outcome.stdout + outcome.stderr)
                return outcome
            }
            let folder = try articles(0..<3)
            #expect(try run(["--db", url, "--add", folder.path]).status == 0)
            let summary = try run(["--db", url, "-c", ":article"])
            #expect(summary.stdout.hasPrefix("corpus \(shown): 3 articles\n"))
            let opened = try run(["-c", ":open \(url)", "-c", "articles | count", "--format", "plain"])
            #expect(opened.stdout == "3\n")
            #expect(opened.stderr == "opened \(shown): a corpus of 3 articles\n")
            let failing = try run(["--db", url, "-c", "quotes | where nothing = 1"])
            #expect(failing.status == 1)
            let removed = try run(["--db", url, "--remove", "0001"])
            #expect(removed.stderr == "removed 0001 from \(shown)\n")

            let started = Date()
            let wrong = try run(["--db", "postgresql://\(role):not-\(encoded)@\(host)/\(database)", "-c", "articles"])
            #expect(wrong.status == 3)
            #expect(wrong.stdout == "")
            #expect(wrong.stderr.hasPrefix("newsq: cannot connect to \(shown): "))
            #expect(wrong.stderr.contains("password authentication failed for user \"\(role)\""))
            #expect(wrong.stderr.hasSuffix("Check the user and password: give them in the URL (postgresql://USER:PASSWORD@HOST:PORT/DB), PGUSER and PGPASSWORD, or ~/.pgpass.\n"))
            let wrongOpen = try run(["-c", ":open postgresql://\(role):not-\(encoded)@\(host)/\(database)"])
            #expect(wrongOpen.status == 1)
            #expect(wrongOpen.stderr.contains(":open \(shown)\n"))
            let closed = try run(["--db", "postgresql://\(role):\(encoded)@127.0.0.1:1/\(database)", "-c", "articles"])
            #expect(closed.status == 3)
            #expect(closed.stderr.hasPrefix("newsq: cannot connect to postgresql://\(role):***@127.0.0.1:1/\(database): connection to server at \"127.0.0.1\", port 1 failed: Connection refused"))
            #expect(Date().timeIntervalSince(started) < 10)

            for output in outputs {
                #expect(!output.contains(encoded) && !output.contains(password) && !output.contains("not-"), "\(output)")
            }
        }
    }

    @Test func theWelcomeLineNamesTheServerWithoutItsPassword() throws {
        let role = "newsq_cli_" + UUID().uuidString.prefix(8).lowercased()
        try psql("CREATE ROLE \(role) LOGIN PASSWORD 'hunter2'")
        defer { _ = try? psql("DROP ROLE IF EXISTS \(role)") }
        try withDatabase(owner: role) { database in
            let host = try hostAndPort()
            let url = "postgresql://\(role):hunter2@\(host)/\(database)"
            #expect(try cli.run(["--db", url, "--add", try articles(0..<2).path]).status == 0)
            let home = try cli.temporaryDirectory()
            let terminal = try PseudoTerminal(
                executable: CommandLineTests.executable.path, arguments: ["--db", url],
                environment: ["HOME": home.path, "NEWSQ_HISTORY": home.appendingPathComponent("history").path, "TERM": "xterm",
                              "PATH": "/usr/bin:/bin"], columns: 250)
            terminal.waitForPrompt()
            #expect(terminal.text.contains("newsq 0.1.0 — postgresql://\(role):***@\(host)/\(database) (a corpus of 2 articles)."))
            terminal.type(":article\r")
            terminal.waitFor("one article: :article ID")
            terminal.type(":quit\r")
            #expect(terminal.waitForExit() == 0)
            #expect(!terminal.text.contains("hunter2"))
        }
    }
}
