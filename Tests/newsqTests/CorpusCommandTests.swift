import Foundation

#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// `newsq --db FILE [--add PATH…] [--remove ID]`: a corpus in a SQLite file — added to in
/// whole batches, re-added without duplicates, queried by `-c`, scripts and `--test`, and
/// never left half-written.
@Suite("newsq --db")
struct CorpusCommandTests {
    let cli = CommandLineTests()

    /// A fresh folder with articles `range` in `articles/`, and the path of a corpus beside it.
    func folder(_ range: Range<Int>, nested: Bool = false) throws -> (articles: URL, db: String) {
        let root = try cli.temporaryDirectory()
        let articles = root.appendingPathComponent("articles")
        try CorpusFixtures.write(range, to: articles, nested: nested)
        return (articles, root.appendingPathComponent("corpus.sqlite").path)
    }

    func count(_ db: String, _ query: String = "articles | count",
               sourceLocation: SourceLocation = #_sourceLocation) throws -> Int? {
        let outcome = try cli.run(["--db", db, "-c", query, "--format", "plain"], sourceLocation: sourceLocation)
        return Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func addQueryAddAgainReplaceAndRemove() throws {
        let (articles, db) = try folder(0..<12, nested: true)
        let added = try cli.run(["--db", db, "--add", articles.path])
        #expect(added.status == 0)
        #expect(added.stdout == "")
        #expect(added.stderr == "added 12 articles (0 unchanged, 0 replaced, 0 failed)\n")
        // Ids are the paths under the folder added.
        let ids = try cli.run(["--db", db, "-c", "articles | show id", "--format", "plain"])
        #expect(ids.stdout.split(separator: "\n").prefix(3) == ["part0-0000", "part0-0001", "part0-0002"])
        // A speaker named in several articles is one corpus actor.
        let speakers = try cli.run(["--db", db, "-c", "quotes by Ruiz | count by article", "--format", "csv"])
        #expect(speakers.stdout == "article,count\r\npart0-0000,2\r\npart0-0004,2\r\npart0-0008,2\r\n")
        // Adding again skips what is unchanged; a changed file is replaced, not duplicated.
        let again = try cli.run(["--db", db, "--add", articles.path])
        #expect(again.stderr == "added 0 articles (12 unchanged, 0 replaced, 0 failed)\n")
        let changed = articles.appendingPathComponent("part0/0004.txt")
        try Data(CorpusFixtures.article(4).replacingOccurrences(of: "Dana Ruiz", with: "Nadia Ruiz").utf8).write(to: changed)
        let replaced = try cli.run(["--db", db, "--add", articles.path])
        #expect(replaced.stderr == "added 0 articles (11 unchanged, 1 replaced, 0 failed)\n")
        #expect(try count(db) == 12)
        #expect(try count(db, #"quotes by "Nadia Ruiz" | count"#) == 2)
        // Removing takes an article out; an id no article has is an error with the nearest one.
        let removed = try cli.run(["--db", db, "--remove", "part0-0004", "-c", "articles | count", "--format", "plain"])
        #expect(removed.status == 0)
        #expect(removed.stdout == "11\n")
        #expect(removed.stderr == "removed part0-0004 from \(db)\n")
        let unknown = try cli.run(["--db", db, "--remove", "part0-0055"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "newsq: \(db) has no article part0-0055 — did you mean part0-0005?\n")
        #expect(try count(db) == 11)
    }

    @Test func aFileThatCannotBeReadIsListedAndTheRestAreAdded() throws {
        let (articles, db) = try folder(0..<3)
        try Data([0x64, 0x61, 0x74, 0x65, 0, 1, 2]).write(to: articles.appendingPathComponent("binary.txt"))
        try Data("The mayor said the road would reopen.\n".utf8).write(to: articles.appendingPathComponent("undated.txt"))
        let outcome = try cli.run(["--db", db, "--add", articles.path])
        #expect(outcome.status == 3)
        let lines = outcome.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "added 3 articles (0 unchanged, 0 replaced, 2 failed)")
        #expect(lines.dropFirst().contains { $0.hasPrefix("  failed: \(articles.path)/binary.txt: ") && $0.contains("NUL byte at offset 4") })
        #expect(lines.dropFirst().contains { $0.hasPrefix("  failed: \(articles.path)/undated.txt: ") && $0.contains("--date YYYY-MM-DD") })
        #expect(try count(db) == 3)
        // --date dates the articles that state none.
        let dated = try cli.run(["--db", db, "--add", articles.appendingPathComponent("undated.txt").path, "--date", "2026-04-01"])
        #expect(dated.status == 0)
        #expect(try count(db) == 4)
    }

    @Test func aMissingCorpusOrAFileThatIsNoCorpusIsRefused() throws {
        let root = try cli.temporaryDirectory()
        let missing = root.appendingPathComponent("none.sqlite").path
        let outcome = try cli.run(["--db", missing, "-c", "quotes"])
        #expect(outcome.status == 3)
        #expect(outcome.stderr == "newsq: \(missing): no such corpus file; create one with newsq --db \(missing) --add FILE…\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let text = root.appendingPathComponent("notes.txt")
        try Data("just some notes\n".utf8).write(to: text)
        let notCorpus = try cli.run(["--db", text.path, "-c", "quotes"])
        #expect(notCorpus.status == 3)
        #expect(notCorpus.stderr.contains("is not a newsq corpus (not a SQLite file)"))
        let usage = try cli.run(["--add", root.path])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("--add and --remove need --db FILE"))
    }

    @Test func pathsOnStandardInputAndScriptsAndTestsOverTheCorpus() throws {
        let (articles, db) = try folder(0..<4)
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["--db", db, "--add", "-"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        try process.run()
        let paths = (0..<2).map { articles.appendingPathComponent("000\($0).txt").path }
        input.fileHandleForWriting.write(Data((paths.joined(separator: "\n") + "\n").utf8))
        input.fileHandleForWriting.closeFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(message == "added 2 articles (0 unchanged, 0 replaced, 0 failed)\n")
        let script = articles.deletingLastPathComponent().appendingPathComponent("corpus.nq")
        try Data("""
            articles | count
            # expect:  count
            # expect: ------
            # expect:      2
            # expect: (1 row)

            who said "waited" | show article, speaker
            # expect:  article | speaker
            # expect: ---------+------------
            # expect:  0000    | Dana Ruiz
            # expect:  0001    | Omar Haddad
            # expect: (2 rows)

            """.utf8).write(to: script)
        let tested = try cli.run(["--db", db, "--test", script.path])
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        let run = try cli.run(["--db", db, script.path, "--format", "plain"])
        #expect(run.stdout == "2\n0000\tDana Ruiz\n0001\tOmar Haddad\n")
    }

    @Test func aReutersFileIsOneArticlePerStory() throws {
        let root = try cli.temporaryDirectory()
        let file = root.appendingPathComponent("reut2-900.sgm")
        try Data("""
            <REUTERS NEWID="10"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>PORT RAISES FEES</TITLE>
            <DATELINE>    PORTVILLE, Feb 26 - </DATELINE><BODY>Chairman Ada Quill said the port would raise its fees.
             Reuter
            </BODY></TEXT></REUTERS>
            <REUTERS NEWID="11"><DATE>27-FEB-1987 10:00:00.00</DATE><TEXT><TITLE>MILL CLOSES</TITLE>
            <BODY>The mill will close in June, owner Ben Ortiz told workers.
             Reuter
            </BODY></TEXT></REUTERS>
            """.utf8).write(to: file)
        let db = root.appendingPathComponent("reuters.sqlite").path
        let added = try cli.run(["--db", db, "--add", file.path])
        #expect(added.stderr == "added 2 articles (0 unchanged, 0 replaced, 0 failed)\n")
        let rows = try cli.run(["--db", db, "-c", "quotes | show article, speaker, published", "--format", "plain"])
        #expect(rows.stdout == "reuters-10\tAda Quill\t1987-02-26\nreuters-11\tBen Ortiz\t1987-02-27\n")
        let again = try cli.run(["--db", db, "--add", file.path])
        #expect(again.stderr == "added 0 articles (2 unchanged, 0 replaced, 0 failed)\n")
    }

    /// Killed with SIGKILL mid-add, a corpus holds whole batches (200 articles each) and reads
    /// back; while adding runs, other processes query it and see only whole batches; adding
    /// again finishes the job without duplicating anything.
    @Test func aKilledAddLeavesWholeBatchesAndReadersNeverSeeHalfABatch() throws {
        let total = 600
        let (articles, db) = try folder(0..<total)
        let adding = Process()
        adding.executableURL = CommandLineTests.executable
        adding.arguments = ["--db", db, "--add", articles.path]
        adding.standardError = FileHandle.nullDevice
        try adding.run()
        var seen: [Int] = []
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: db), let counted = try count(db) {
                seen.append(counted)
                if counted >= 200 { break }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let wasRunning = adding.isRunning
        kill(adding.processIdentifier, SIGKILL)
        adding.waitUntilExit()
        #expect(wasRunning, "the add finished before it could be killed: make the corpus larger")
        #expect(adding.terminationReason == .uncaughtSignal || !wasRunning)
        #expect(!seen.isEmpty)
        #expect(seen.allSatisfy { $0 % 200 == 0 }, "readers saw \(seen)")
        #expect(seen == seen.sorted())
        let left = try #require(try count(db))
        #expect(left % 200 == 0 && left >= 200 && left < total)
        #expect(try count(db, "quotes | count") == left * 3)
        let again = try cli.run(["--db", db, "--add", articles.path])
        #expect(again.status == 0)
        #expect(again.stderr == "added \(total - left) articles (\(left) unchanged, 0 replaced, 0 failed)\n")
        #expect(try count(db) == total)
    }
}
