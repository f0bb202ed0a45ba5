import BundledArticle
import NewsModel
import Testing
@testable import NewsQuery

/// Every query form over the bundled model, with the exact rows expected.
@Suite("Interpreter: every form, exact rows")
struct InterpreterTests {
    let shell = try! Interpreter(model: .bundled)

    func result(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> QueryResult {
        do {
            return try shell.run(query)
        } catch {
            Issue.record("\(query) failed: \(DiagnosticRenderer().render(error))", sourceLocation: sourceLocation)
            return QueryResult(columns: [], rows: [])
        }
    }

    func ids(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        result(query, sourceLocation: sourceLocation).column("id").map(\.displayText)
    }

    func error(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        do {
            _ = try shell.run(query)
            Issue.record("\(query) should fail", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    static let homan = ["s1", "s2", "s3", "s5", "s12", "s13", "s14", "s15", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27"]

    @Test func whoSaid() {
        let surrender = result(#"who said "surrender""#)
        #expect(surrender.column("id") == ["s25"])
        #expect(surrender.column("speaker") == ["Tom Homan"])
        #expect(surrender.column("kind") == ["direct"])
        #expect(surrender.column("match") == [.list(["surrendering"])])
        #expect(surrender.column("paragraph") == [23])
        #expect(surrender.column("text") == ["We are not surrendering the president’s mission on a mass deportation operation"])
        #expect(ids(#"who said "surrendered""#) == ["s25"])
        #expect(ids(#"WHO SAID "SURRENDERING""#) == ["s25"])
        #expect(ids(#"who said "we're not""#) == ["s11"])
        // Verbatim quotations rank before partial ones and paraphrases.
        #expect(ids(#"who said "operation""#) == ["s23", "s25", "s4", "s30", "s1", "s8", "s20", "s21", "s28"])
    }

    /// The `match` column quotes the article: inside one content span from that span, and for a
    /// phrase that runs from one span into the next (s5 is "A widespread pullout" + "will occur
    /// …", with "Homan said" between them in the text) the article text across the gap.
    @Test func matchesQuoteTheArticleEvenAcrossSpans() {
        #expect(result(#"who said "widespread pullout""#).column("match") == [.list(["widespread pullout"])])
        #expect(result(#"who said "protesters stop""#).column("match") == [.list(["protesters stop"])])
        #expect(result(#"who said "pullout will occur""#).column("match") == [.list(["pullout, Homan said, will occur"])])
        #expect(result(#"who said "hinder the arrest""#).column("match") == [.list(["hinder the arrest"])])
    }

    @Test func quotesByAndAbout() {
        #expect(ids("what did Homan say") == Self.homan)
        #expect(ids("quotes by Homan") == Self.homan)
        #expect(ids("quotes by the border czar") == Self.homan)
        #expect(ids("quotes by Walz") == ["s8", "s9"])
        #expect(ids("quotes by Gov. Walz") == ["s8", "s9"])
        #expect(ids("quotes by Frey") == ["s8"])
        #expect(ids("quotes by DHS") == ["s4"])
        #expect(ids("quotes by Trump") == ["s6", "s7"])
        #expect(ids("quotes about Trump") == ["s25"])
        #expect(ids(#"quotes mentioning "officer*""#) == ["s1", "s2", "s3", "s8", "s10", "s14", "s15", "s24"])
        #expect(result("quotes").rows.count == 31)
    }

    @Test func whoIs() {
        let frey = result("who is Frey")
        let facts = Dictionary(uniqueKeysWithValues: zip(frey.column("field").map(\.displayText), frey.column("value").map(\.displayText)))
        #expect(facts["name"] == "Jacob Frey")
        #expect(facts["kind"] == "person")
        #expect(facts["roles"] == "Mayor, Minneapolis")
        #expect(facts["party"] == "Democratic")
        #expect(facts["mentions"] == "1 (1 name)")
        #expect(facts["first mention"]?.hasPrefix("¶8 “Jacob Frey”") == true)
        #expect(facts["statements"] == "1: s8")
        // A fact the article does not state is null, as in every table.
        #expect(frey.rows[11] == ["events", nil])
        #expect(frey.rows.last == ["articles", "1: metro-surge-2026-02-04 (1 statement, 1 mention)"])
        #expect(frey.column("field").map(\.displayText) == Profile.fields)
    }

    @Test func wholeTables() {
        #expect(result("actors").rows.count == 37)
        #expect(result("people").rows.count == 10)
        #expect(result("organizations").rows.count == 11)
        #expect(result("groups").rows.count == 12)
        #expect(result("places").column("name") == ["Minneapolis", "Minnesota", "United States", "St. Paul"])
        #expect(result("events").rows.count == 21)
    }

    @Test func events() {
        #expect(ids("events involving Homan") == ["e-drawdown", "e-takeover", "e-news-conference", "e-no-timeline", "e-no-jurisdictions"])
        // Windows match only events dated on both sides: "since then" (e-protests) and "after
        // this week's drawdown" (e-remain) are open-ended, the shootings dated only "by 01-31".
        let onWednesday = result("events on 2026-02-04")
        #expect(onWednesday.column("id") == ["e-news-conference", "e-lawsuit", "e-agreement", "e-drawdown"])
        #expect(onWednesday.column("match") == ["exact", "exact", "possible", "possible"])
        #expect(ids("events in January") == ["e-surge", "e-takeover", "e-agreement"])
        #expect(ids("events in Minneapolis") == ["e-shooting-good", "e-shooting-pretti"])
        // Before and after use the bound the article states on that side.
        #expect(ids("events before 2026-02-01") == ["e-surge", "e-takeover", "e-shooting-good", "e-shooting-pretti", "e-protests", "e-agreement"])
        #expect(ids("events after 2026-02-04") == ["e-drawdown"])
        #expect(ids("events on 1900-01-01").isEmpty)
        #expect(ids("events in January 2025").isEmpty)
        #expect(ids("events in May").isEmpty)
    }

    @Test func mentionsAndSources() {
        let homan = result("mentions of Homan")
        #expect(homan.rows.count == 19)
        #expect(homan.column("text").prefix(3) == ["border czar", "Tom Homan", "Homan"])
        #expect(homan.column("form").filter { $0 == "pronoun" }.count == 7)
        let source = result("source of s5")
        #expect(source.column("paragraph") == [6])
        #expect(source.column("text") == ["⟦A widespread pullout⟧, Homan said, ⟦will occur only after there’s more cooperation and protesters stop interfering with federal agents carrying out arrests⟧."])
        #expect(result("source of e-takeover").column("paragraph") == [12])
        #expect(result("source of m1").column("text").first?.displayText.hasPrefix("⟦MINNEAPOLIS⟧ (AP)") == true)
    }

    @Test func composition() {
        #expect(result("quotes by Homan | where kind = direct | count").column("count") == [5])
        // Sorting is stable: s26 and s27 share paragraph 24 and keep their order.
        #expect(ids("quotes by Homan where kind = direct sort by paragraph desc limit 2") == ["s26", "s27"])
        #expect(ids("quotes | where speaker = Homan and paragraph > 21 | sort by paragraph") == ["s22", "s23", "s24", "s25", "s26", "s27"])
        #expect(ids("quotes | where (kind = direct or kind = partial) and not speaker = Homan") == ["s4", "s7", "s9", "s11", "s30", "s31"])
        #expect(ids(#"quotes | where text has "children" or venue = "NBC News""#) == ["s6", "s7", "s31"])
        #expect(ids("quotes | where venue != \"lawsuit\" and kind = partial") == ["s4", "s7", "s15"])
        let byKind = result("quotes by Homan | count by kind")
        #expect(byKind.column("kind") == ["reported", "direct", "partial"])
        #expect(byKind.column("count") == [10, 5, 1])
        let shown = result("actors | where kind = place | show name, mentions | sort by mentions desc")
        #expect(shown.columns.map(\.name) == ["name", "mentions"])
        #expect(shown.column("name") == ["Minnesota", "Minneapolis", "United States", "St. Paul"])
    }

    @Test func letBindingsLiveForTheSession() throws {
        let bound = try shell.run("let h = quotes by Homan")
        #expect(bound.message == "h: 16 rows")
        #expect(try shell.run("h | where kind = direct | count").column("count") == [5])
        #expect(try shell.run("h").rows.count == 16)
    }

    @Test func explainPrintsTheDesugaredForm() throws {
        #expect(try shell.run(#"explain who said "surrender""#).message == #"quotes mentioning "surrender" | sort by verbatim, kind, paragraph"#)
        #expect(try shell.run("explain what did Walz say | count").message == #"quotes | where speakers = "tim-walz" | count"#)
        #expect(try shell.run("explain events on Wednesday").message == "events on 2026-02-04")
        #expect(try shell.run("explain events in January").message == "events between 2026-01-01 and 2026-01-31")
        #expect(try shell.run("explain mentions of Homan").message == #"mentions | where actor_id = "tom-homan""#)
        #expect(try shell.run("explain who is Walz").message == #"who is "tim-walz""#)
    }

    @Test func nameErrors() {
        let unknown = error("quotes by Homen")
        #expect(unknown?.message == #"unknown actor "Homen" — did you mean Homan (Tom Homan)?"#)
        #expect(unknown?.range.start.column == 11)
        #expect(unknown?.fixIts.first?.replacement == "Homan")
        // The start of a name says more than a near spelling: "Hom" is not one edit from "Tom".
        let started = error("quotes by Wal")
        #expect(started?.message == #"unknown actor "Wal" — did you mean Walz (Tim Walz)?"#)
        #expect(started?.fixIts.first?.replacement == "Walz")
        #expect(error("quotes by Hom")?.message == #""Hom" could be Tom Homan (tom-homan), Department of Homeland Security (dhs), Tricia McLaughlin (tricia-mclaughlin) — say which"#)
        #expect(error("quotes by h")?.message == #"unknown actor "h" — try 'actors' to list them"#)
        #expect(error("quotes by officials")?.message == #""officials" could be Minnesota state and local officials (minnesota-officials), federal authorities (federal-authorities) — say which"#)
        #expect(error("quotes | where kidn = direct")?.message == "unknown field 'kidn' — did you mean 'kind'?")
        #expect(error("quotes | where paragraph = \"ten\"")?.message == #"'paragraph' is a number; compare it with a number, not "ten""#)
        #expect(error("source of s99")?.message.hasPrefix("unknown id \"s99\"") == true)
        #expect(error("events in Homan")?.message == "Tom Homan is not a place; for events with Tom Homan taking part, write 'events involving Homan'")
        #expect(error("hh")?.message.hasPrefix("unknown name 'hh'") == true)
        #expect(error(#"who said "*""#)?.kind == .type)
    }

    @Test func aSurnameBeatsAnOrganisationThatContainsIt() {
        // "Trump" names Donald Trump, not the Trump administration.
        #expect(result("who is Trump").column("value").first == "Donald Trump")
        #expect(result("who is the administration").column("value").first == "Trump administration")
    }

    @Test func runTakesOneStatementRunAllSeveral() throws {
        #expect(throws: QueryError.self) { try shell.run("quotes; actors") }
        let results = try shell.runAll("quotes by Frey; people | count")
        #expect(results.count == 2)
        #expect(results[1].column("count") == [10])
    }

    @Test func invalidModelsAreRefused() {
        var model = ArticleModel.bundled
        model.statements[0].speaker = "nobody"
        #expect(throws: Interpreter.InvalidModel.self) { try Interpreter(model: model) }
    }
}

/// Found by fuzzing: `show` dropping the table's default search field left `has` looking for it.
@Suite("Fuzz findings")
struct FuzzFindingTests {
    @Test func hasAfterShowWithoutTheTextFieldIsADiagnostic() throws {
        let shell = try Interpreter(model: .bundled)
        #expect(throws: QueryError.self) { try shell.run(#"quotes | show id | where has "x""#) }
        do {
            _ = try shell.run(#"quotes | show id | where has "x""#)
        } catch {
            #expect(error.message == #"this table has no text to search; name a field: 'where FIELD has "…"'"#)
        }
        #expect(try shell.run(#"quotes | show id, text | where has "surrender""#).column("id") == ["s25"])
    }
}
