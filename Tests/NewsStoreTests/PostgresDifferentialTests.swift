import NewsModel
import NewsQuery
import NewsStore
import Testing

/// The differential checks of ``DifferentialTests`` over PostgreSQL: the same statements, the
/// same comparison with the in-memory engine, each store in a fresh database of the server in
/// `NEWSQ_TEST_POSTGRES` (``PostgresTestServer``).
@Suite("Memory and PostgreSQL give the same rows", .enabled(if: PostgresTestServer.isEnabled, PostgresTestServer.skipReason))
struct PostgresDifferentialTests {
    @Test func everyExampleStatement() throws {
        try DifferentialTests.checkExamples(PostgresTestServer.engine)
    }

    @Test func everyDocumentedForm() throws {
        try DifferentialTests.checkDocumentedForms(PostgresTestServer.engine)
    }

    @Test func corpusQueries() throws {
        try DifferentialTests.checkCorpusQueries(PostgresTestServer.engine)
    }

    /// Text sorts by UTF-8 bytes (`COLLATE "C"`), as in memory, even in a database whose own
    /// collation is ICU's English; a phrase is words in a row, found whatever the index says.
    @Test func orderAndPhrasesDoNotDependOnTheDatabase() throws {
        var model = Fixture.council
        model.actors[1].name = "émile Zola"
        model.actors.append(Actor(id: "b-lower", name: "bea Low", kind: .person, aliases: [], roles: [], description: "",
                                  mentions: []))
        model.actors.append(Actor(id: "upper-z", name: "Zed Upper", kind: .person, aliases: [], roles: [], description: "",
                                  mentions: []))
        try DifferentialTests.expectSame([
            "actors | sort by name | show name", "actors | sort by name desc | show name", "actors | count by name",
            #"quotes | where has "budget can" | show id"#, #"quotes | where has "can budget" | show id"#,
            #"quotes mentioning "carry it""#, #"who said "reopen the library""#, #"quotes | where has "reopen" or has "budget" | count"#,
        ], over: [model], engine: PostgresTestServer.engine)
    }

    /// `:article`'s summary lists sources by byte order after their counts, as SQLite does.
    @Test func summaryAsInSQLite() throws {
        let models = ["ap", "AP", "Zeta", "alpha", "ann-lee", "ann_lee", "ann lee", "ann1"].enumerated().map { index, source in
            var model = Fixture.council
            model.article.id = "council-\(index)"
            model.article.source = source
            return model
        }
        var expected: CorpusDatabase.Summary?
        try DifferentialTests.sqlite(models) { expected = try $0.summary() }
        try PostgresTestServer.engine(models) { store in
            let summary = try store.summary()
            #expect(summary == expected)
            #expect(summary.sources.map(\.source) == ["AP", "Zeta", "alpha", "ann lee", "ann-lee", "ann1", "ann_lee", "ap"])
        }
    }

    /// Adding the same file again changes nothing; another file with the same article id is
    /// refused and leaves the corpus as it was (the transaction rolled back); removing an
    /// article removes its rows and actors.
    @Test func addingTwiceReplacingAndRemoving() throws {
        try PostgresTestServer.withDatabase { url in
            let connection = try PostgresConnection(location: url)
            defer { connection.close() }
            let store = try CorpusDatabase(connection: connection, name: connection.name, create: true)
            #expect(try store.add(Fixture.council, file: "a.txt", hash: "1") == .added)
            #expect(try store.add(Fixture.council, file: "a.txt", hash: "1") == .unchanged)
            #expect(try store.add(Fixture.council, file: "a.txt", hash: "2") == .replaced)
            #expect(throws: StoreError.self) { try store.add(Fixture.council, file: "b.txt", hash: "3") }
            #expect(try store.articles().map(\.file) == ["a.txt"])
            try store.add(.bundled, file: "bundled.txt", hash: "4")
            let before = try store.summary()
            #expect(before.articles == 2)
            try store.remove("council")
            let after = try store.summary()
            #expect(after.articles == 1)
            #expect(after.statements == before.statements - Fixture.council.statements.count)
            #expect(DifferentialTests.outcome("quotes by Ruiz", Interpreter(store: store)).hasPrefix("error: unknown actor \"Ruiz\""))
            // Reopened, the corpus is there; a database without newsq tables is no corpus.
            let again = try CorpusDatabase(connection: try PostgresConnection(location: url), name: connection.name, create: false)
            #expect(try again.articleCount() == 1)
            let admin = try PostgresConnection(location: url)
            defer { admin.close() }
            try admin.execute("CREATE SCHEMA other; SET search_path TO other", [])
            #expect(throws: StoreError("\(admin.name) is not a newsq corpus (it has no newsq tables); add articles to create one: newsq --db \(admin.name) --add FILE…")) {
                try CorpusDatabase(connection: admin, name: admin.name, create: false)
            }
        }
    }
}
