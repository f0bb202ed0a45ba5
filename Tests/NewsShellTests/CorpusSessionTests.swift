import NewsModel
import NewsShell
import LineEditor
import NewsStore
import Testing

/// A corpus in the shell: `:open corpus.sqlite`, `:add`, `:article` over a corpus, and the
/// REPL's welcome line.
@Suite("Corpus commands")
struct CorpusSessionTests {
    /// Writes two small articles to a fresh folder; returns the folder.
    static func articles() throws -> String {
        let folder = try SessionTests.temporaryDirectory()
        try TextFile.write("date 2026-04-01\n\nThe bridge will reopen in May, Mayor Ana Lee said.\n", to: "\(folder)/bridge.txt")
        try TextFile.write("date 2026-04-03\n\nThe pool will close for repairs, Mayor Ana Lee said on Friday.\n", to: "\(folder)/pool.txt")
        return folder
    }

    @Test func openAddAndDescribeACorpus() throws {
        let folder = try Self.articles()
        let path = "\(folder)/news.sqlite"
        let (session, output, messages) = SessionTests.session()
        // :add needs an open corpus.
        guard case .failure(let none) = session.execute(entry: ":add \(folder)/bridge.txt") else {
            Issue.record(":add without a corpus should fail")
            return
        }
        #expect(none.message.hasPrefix("no corpus is open: :add adds to one — open it with :open FILE.sqlite"))
        // A corpus that does not exist is not created by :open.
        #expect(session.execute(entry: ":open \(path)") != .success)
        #expect(messages.take().contains("no such corpus file; create one with newsq --db \(path) --add FILE…"))
        #expect(!TextFile.exists(path))
        // Made with the ingest the command line uses, then opened.
        let store = try CorpusFile.open(path, create: true)
        let summary = CorpusIngest.run(["\(folder)/bridge.txt"], into: store, messages: .discard)
        #expect(summary.added == 1)
        #expect(session.execute(entry: ":open \(path)") == .success)
        #expect(messages.take() == "opened \(path): a corpus of 1 article\n")
        #expect(session.corpus != nil)
        #expect(session.execute(entry: ":add \(folder)") == .success)
        #expect(messages.take() == "added 1 article (1 unchanged, 0 replaced, 0 failed)\n")
        #expect(session.execute(entry: "quotes | show article, speaker") == .success)
        #expect(output.take() == " article | speaker\n---------+--------\n bridge  | Ana Lee\n pool    | Ana Lee\n(2 rows)\n")
        #expect(session.execute(entry: ":article") == .success)
        #expect(output.take() == """

            corpus \(path): 2 articles
              published: 2026-04-01 … 2026-04-03
              2 statements, 1 actor, 1 event
              one article: :article ID (its summary), :article ID N|all (its paragraphs)

            """)
        #expect(session.execute(entry: ":article pool 1") == .success)
        #expect(output.take() == "\n[1] The pool will close for repairs, Mayor Ana Lee said on Friday.\n")
        guard case .failure(let unknown) = session.execute(entry: ":article pol") else {
            Issue.record("an unknown article id should fail")
            return
        }
        #expect(unknown.message == "no article 'pol' in \(path) — did you mean 'pool'?")
        guard case .failure(let paragraph) = session.execute(entry: ":article pool 9") else { return }
        #expect(paragraph.message == "no paragraph '9': the article has paragraphs 1…1 (or 'all')")
        // Opening an article leaves corpus mode.
        #expect(session.execute(entry: ":open \(folder)/bridge.txt") == .success)
        #expect(session.corpus == nil)
    }

    @Test func theWelcomeLineNamesTheCorpus() throws {
        let folder = try Self.articles()
        let store = try CorpusFile.open("\(folder)/c.db", create: true)
        _ = CorpusIngest.run([folder], into: store, messages: .discard)
        let (session, _, _) = SessionTests.session()
        session.open(corpus: store)
        let repl = REPL(session: session, editor: PlainLineEditor(), history: nil, version: "newsq 9")
        #expect(repl.welcome == "newsq 9 — \(folder)/c.db (a corpus of 2 articles). Type :help for help, :quit to leave.")
    }

    @Test func ingestNamesAndHashes() {
        #expect(CorpusIngest.Summary(added: 2225, unchanged: 0, replaced: 1).description
            == "added 2,225 articles (0 unchanged, 1 replaced, 0 failed)")
        #expect(CorpusIngest.Progress(done: 1234, total: 2225, seconds: 2).line == "1,234 / 2,225 articles · 617/s · 2 s left")
    }

    @Test func reportFromTheShell() throws {
        let folder = try SessionTests.temporaryDirectory()
        let (session, output, messages) = SessionTests.session()
        #expect(session.execute(entry: ":report \(folder)/all.html") == .success)
        #expect(messages.take() == "wrote \(folder)/all.html: 1 article, 31 statements marked\n")
        #expect(session.execute(entry: "quotes by Walz") == .success)
        _ = output.take()
        #expect(session.execute(entry: ":report \(folder)/walz.html") == .success)
        #expect(messages.take() == "wrote \(folder)/walz.html: 1 article, 2 statements marked\n")
        let html = try TextFile.read("\(folder)/walz.html")
        #expect(html.contains("id=\"a1-s8\"") && html.contains("id=\"a1-s9\"") && !html.contains("id=\"a1-s25\""))
        #expect(session.execute(entry: "quotes | count") == .success)
        guard case .failure(let refused) = session.execute(entry: ":report \(folder)/count.html") else {
            Issue.record("a count has no records to mark")
            return
        }
        #expect(refused.message.hasPrefix("the last result's rows are not statements, mentions, actors or events"))
        #expect(!TextFile.exists("\(folder)/count.html"))
        session.isSandboxed = true
        #expect(session.execute(entry: ":report \(folder)/x.html") != .success)
    }
}
