import BundledArticle
import NewsModel
import NewsQuery
import NewsStore
import Testing

/// `explain` over a store: the SQL it shows is the SQL that runs — pasted into the database as
/// shown, a fully compiled query gives the same rows, in the same order — and the steps left to
/// memory are named.
@Suite("explain over a store")
struct StoreExplainTests {
    let store: CorpusDatabase

    init() throws {
        store = try DifferentialTests.store(DifferentialTests.corpus)
    }

    /// The explanation of `query`: its first line, and the steps after it.
    func explain(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (query: String, steps: [String]) {
        let result = try Interpreter(store: store).run("explain " + query)
        let text = try #require(result.rows.first?.first?.displayText, sourceLocation: sourceLocation)
        let steps = result.columnIndex("sql").map { result.rows[0][$0].displayText.split(separator: "\n").map(String.init) } ?? []
        #expect(result.message == ([text] + steps.map { "# " + $0 }).joined(separator: "\n"), sourceLocation: sourceLocation)
        return (text, steps)
    }

    @Test(arguments: [
        "quotes by Homan", "quotes | where kind = direct and paragraph > 10 | sort by paragraph desc | limit 4",
        "events on 2026-02-04", "in articles where source = Reuters | quotes | show id, speaker",
        "actors | where kind = person | show name", "mentions of Walz",
    ])
    func theSQLShownGivesTheRows(_ query: String) throws {
        let (_, steps) = try explain(query)
        #expect(steps.count == 1, "\(steps)")
        let sql = try #require(steps.first?.dropFirst("SQL: ".count))
        #expect(steps.first?.hasPrefix("SQL: SELECT ") == true)
        var ids: [String] = []
        try store.connection.query(String(sql), []) { row in
            ids.append(row.first?.text ?? "")
            return true
        }
        let result = try Interpreter(store: store).run(query)
        #expect(ids.count == result.rows.count)
        if let id = result.columnIndex("id") ?? result.columnIndex("name") {
            #expect(ids == result.rows.map { $0[id].displayText })
        }
    }

    @Test func whatIsLeftToMemoryIsNamed() throws {
        let search = try explain(#"who said "surrender""#)
        #expect(search.query == #"quotes mentioning "surrender" | sort by verbatim, kind, paragraph"#)
        #expect(search.steps.first?.contains("t_statements_fts MATCH '{\"st_text\"} : \"surrend\"'") == true)
        #expect(search.steps.last == #"in memory: each statement matched for "surrender" (match, verbatim), then ranked: verbatim, kind, paragraph"#)
        let counted = try explain("quotes | count by speaker")
        #expect(counted.steps.count == 2)
        #expect(counted.steps.first?.hasPrefix("SQL: SELECT COALESCE(g.name, i.value), COUNT(*)") == true)
        #expect(counted.steps.last == "in memory: counts sorted (most first, then by speaker)")
        let profile = try explain("who is Homan")
        #expect(profile.steps.last == "in memory: the profile of tom-homan, from those articles' models")
        // A single article in memory explains only the query.
        let memory = try Interpreter(model: .bundled).run("explain quotes by Homan")
        #expect(memory.columns.map(\.name) == ["query"])
    }

    @Test func aQuoteInAValueIsWrittenAsSQLWritesIt() throws {
        let (_, steps) = try explain(#"quotes | where cue = "it's""#)
        #expect(steps.first?.contains("'it''s'") == true)
    }
}
