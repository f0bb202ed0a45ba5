import BundledArticle
import NewsModel
import Testing
@testable import NewsQuery

/// Several articles queried as one corpus in memory: rows carry their article, actors are
/// linked across articles, days in words are each article's own, `in articles where …`
/// narrows a query, and record ids that several articles share must say which.
@Suite("A corpus in memory")
struct CorpusTests {
    /// The bundled article, the same text as a later edition (another id and date), and a
    /// small generated article with its own speaker.
    static func corpus() throws -> Interpreter {
        var later = ArticleModel.bundled
        later.article.id = "metro-surge-2026-02-11"
        later.article.date = CalendarDate(year: 2026, month: 2, day: 11)!
        later.article.source = "Reuters"
        var budget = LargeModel.make(statements: 5)
        budget.article.id = "budget-talks"
        return try Interpreter(models: [.bundled, later, budget])
    }

    let shell = try! CorpusTests.corpus()

    func result(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> QueryResult {
        do {
            return try shell.run(query)
        } catch {
            Issue.record("\(query) failed: \(DiagnosticRenderer().render(error))", sourceLocation: sourceLocation)
            return QueryResult(columns: [], rows: [])
        }
    }

    func column(_ query: String, _ field: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        result(query, sourceLocation: sourceLocation).column(field).map(\.displayText)
    }

    @Test func rowsCarryTheirArticle() {
        let homan = result("quotes by Homan")
        #expect(homan.rows.count == 32)
        #expect(Set(homan.column("article")) == ["metro-surge-2026-02-04", "metro-surge-2026-02-11"])
        #expect(homan.column("source").prefix(1) == ["AP"] && homan.column("source").suffix(1) == ["Reuters"])
        #expect(column("quotes by Ann", "article") == Array(repeating: "budget-talks", count: 5))
        #expect(column("articles", "id") == ["metro-surge-2026-02-04", "metro-surge-2026-02-11", "budget-talks"])
        #expect(column("articles", "statements") == ["31", "31", "5"])
        let byArticle = result("actors | count by article")
        #expect(byArticle.column("article") == ["metro-surge-2026-02-04", "metro-surge-2026-02-11", "budget-talks"])
        #expect(byArticle.column("count") == [37, 37, 1])
    }

    @Test func actorsAreLinkedAcrossArticles() {
        // One corpus actor for Homan, in both editions, with one id.
        #expect(Set(column("quotes by the border czar", "speaker_id")) == ["tom-homan"])
        #expect(Set(column("actors | where name = \"Tom Homan\"", "id")) == ["tom-homan"])
        let profile = result("who is Homan")
        let facts = Dictionary(uniqueKeysWithValues: zip(profile.column("field").map(\.displayText), profile.column("value").map(\.displayText)))
        #expect(facts["articles"] == "2: metro-surge-2026-02-04 (16 statements, 19 mentions); metro-surge-2026-02-11 (16 statements, 19 mentions)")
        #expect(facts["mentions"] == "38 (18 name, 6 description, 14 pronoun)")
        #expect(facts["statements"]?.hasPrefix("32: metro-surge-2026-02-04/s1, ") == true)
        #expect(result("quotes | count by speaker").rows.first == ["Tom Homan", 32])
    }

    @Test func aSharedSurnameDoesNotLinkTwoPeople() throws {
        // A later article's "Anna Walz" (alias "Walz", as the governor's) is someone else.
        var later = ArticleModel.bundled
        later.article.id = "later"
        let walz = try #require(later.actors.firstIndex { $0.id == "tim-walz" })
        later.actors[walz].name = "Anna Walz"
        later.actors[walz].aliases = ["Walz"]
        let actors = CorpusActors(models: [.bundled, later])
        let named = actors.groups.filter { $0.merged.name.hasSuffix("Walz") }
        #expect(named.map(\.merged.name) == ["Tim Walz", "Anna Walz"])
        #expect(named.map(\.id) == ["tim-walz", "tim-walz-2"])
        // Everyone else still links: Homan is one corpus actor with a member in each.
        #expect(actors.group("tom-homan")?.members.count == 2)

        #expect(ActorLinker.namesConflict("Tony Blair", "Ian Blair"))
        #expect(ActorLinker.namesConflict("Labour Party", "Conservative Party"))
        #expect(!ActorLinker.namesConflict("Blair", "Tony Blair"))
        #expect(!ActorLinker.namesConflict("Prime Minister Tony Blair", "Tony Blair"))
        #expect(!ActorLinker.namesConflict("Mr. Blair", "Tony Blair"))
        #expect(!ActorLinker.namesConflict("Gov. Tim Walz", "Governor Walz"))
        #expect(!ActorLinker.namesConflict("Tony Blair", "Gordon Brown"))
    }

    @Test func daysInWordsAreEachArticlesOwn() {
        // "Wednesday" is 2026-02-04 in the first edition and 2026-02-11 in the second, whose
        // events keep the dates they were given.
        let wednesday = result("events on Wednesday")
        #expect(Set(wednesday.column("article")) == ["metro-surge-2026-02-04"])
        #expect(result("events on 2026-02-04").rows.count == 2 * wednesday.rows.count)
        #expect(result("explain events on Wednesday").rows == [["events on Wednesday"]])
    }

    @Test func inArticlesNarrowsAQuery() {
        #expect(column("in articles where published >= 2026-02-10 | quotes by Homan | count", "count") == ["16"])
        #expect(column("in articles where source = Reuters | who is Homan | where field = articles", "value")
            == ["1: metro-surge-2026-02-11 (16 statements, 19 mentions)"])
        #expect(column("in articles | quotes | count", "count") == ["67"])
        #expect(column("in articles where id = budget-talks | quotes by Homan | count", "count") == ["0"])
        #expect(column("explain in articles where source = AP | quotes by Walz", "query")
            == [#"in articles where source = AP | quotes | where speakers = "tim-walz""#])
    }

    @Test func sharedRecordIdsMustSayWhichArticle() throws {
        #expect(throws: QueryError.self) { try shell.run("source of s5") }
        do {
            _ = try shell.run("source of s5")
        } catch {
            #expect(error.diagnostics.first?.message
                == "3 articles have a record s5 (metro-surge-2026-02-04, metro-surge-2026-02-11, budget-talks) — say which: source of s5 in metro-surge-2026-02-04")
        }
        #expect(result("source of s5 in metro-surge-2026-02-11").column("paragraph") == [6])
        #expect(result("source of s3 in budget-talks").rows.count == 1)
    }

    @Test func aCorpusValidatesEveryArticleAndTheirIds() {
        #expect(throws: Interpreter.InvalidModel.self) { try Interpreter(models: [.bundled, .bundled]) }
        do {
            _ = try Interpreter(models: [.bundled, .bundled])
        } catch {
            #expect(error.description == #"[2] $.article.id: the article id "metro-surge-2026-02-04" is used by an earlier article"#)
        }
        #expect(throws: Interpreter.InvalidModel.self) { try Interpreter(models: []) }
    }

    @Test func aSingleArticlesIdsAreItsOwn() {
        let actors = CorpusActors(models: [.bundled])
        #expect(actors.isIdentity)
        #expect(actors.groups.count == ArticleModel.bundled.actors.count)
    }
}
