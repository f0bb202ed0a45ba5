import BundledArticle
import NewsModel
import Testing
@testable import NewsQuery

/// No silent wrong answers: every query that once gave a confident, wrong answer (or none) now
/// gives the true rows or an error that says what to write — each with the exact rows or the
/// exact message and caret.
@Suite("No silent wrong answers")
struct SilentAnswerTests {
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

    /// The rendered error of `query` (message, source line, caret, fixes).
    func rendered(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        do {
            let rows = try shell.run(query)
            Issue.record("\(query) should fail; it gave \(rows.rows.count) rows", sourceLocation: sourceLocation)
            return ""
        } catch {
            return DiagnosticRenderer().render(error)
        }
    }

    // MARK: 1. Values that cannot match

    @Test func aValueOutsideAClosedSetIsAnError() {
        #expect(rendered("quotes | where kind = drect") == """
            <input>:1:23: error: unknown kind 'drect' — did you mean 'direct'? (kinds: direct, partial, reported)
            quotes | where kind = drect
                                  ^~~~~
              fix: replace 'drect' with 'direct'
              try: quotes | where kind = direct
            """)
        #expect(rendered("actors | where kind = people") == """
            <input>:1:23: error: unknown kind 'people' — did you mean 'person'? (kinds: person, organization, group, place)
            actors | where kind = people
                                  ^~~~~~
              fix: replace 'people' with 'person'
              try: actors | where kind = person
            """)
        #expect(rendered("mentions | where form = pronouns").hasPrefix(
            "<input>:1:25: error: unknown form 'pronouns' — did you mean 'pronoun'? (forms: name, description, pronoun)"))
        #expect(rendered("events on 2026-02-04 | where match = exakt").hasPrefix(
            "<input>:1:38: error: unknown match 'exakt' — did you mean 'exact'? (matches: exact, possible)"))
        #expect(rendered("events | where roles = victm").hasPrefix("<input>:1:24: error: unknown roles 'victm' — did you mean 'victim'?"))
        #expect(rendered("quotes | where kind = 3").hasPrefix("<input>:1:23: error: unknown kind '3' (kinds: direct, partial, reported)"))
        // Values of the set match whatever their case.
        #expect(result("quotes | where kind = DIRECT | count").column("count") == result("quotes | where kind = direct | count").column("count"))
        #expect(result("events | where kind = newsconference | count").column("count") == [1])
    }

    @Test func onlyNumbersAndDatesAreOrdered() {
        #expect(rendered("quotes | where kind < drect") == """
            <input>:1:16: error: 'kind' is not ordered — <, <=, >, >= compare numbers and dates; ordered fields here: date, paragraph, sentence, confidence, published
            quotes | where kind < drect
                           ^~~~
            """)
        #expect(rendered("quotes | where speaker >= M").hasPrefix("<input>:1:16: error: 'speaker' is not ordered"))
        #expect(rendered(#"quotes | where paragraph = "x""#) == """
            <input>:1:28: error: 'paragraph' is a number; compare it with a number, not "x"
            quotes | where paragraph = "x"
                                       ^~~
            """)
        #expect(result(#"quotes | where paragraph = "23" | show id"#).column("id") == ["s24", "s25"])
        #expect(ids("quotes | where paragraph >= 27 and date >= 2026-02-04") == ["s30"])
    }

    // MARK: 2. Missing values

    @Test func missingValuesCanBeAskedAbout() {
        #expect(result("quotes | where venue is not null | count").column("count") == [9])
        #expect(result("quotes | where venue != null | count").column("count") == [9])
        #expect(result("quotes | where venue is null | count").column("count") == [22])
        #expect(result("quotes | where venue = null | count").column("count") == [22])
        // The string "null" is text, not the missing value.
        #expect(result(#"quotes | where venue = "null" | count"#).column("count") == [0])
        // An empty list is missing too.
        #expect(ids("quotes | where co_speakers is not null") == ["s8", "s28", "s29", "s30"])
        #expect(rendered("quotes | where venue < null").hasPrefix(
            "<input>:1:24: error: null has no order: use 'venue is null' or 'venue is not null'"))
    }

    @Test func missingValuesHaveOneName() {
        // Profiles print null like every table; lists within a value are joined with "; ".
        let frey = result("who is Frey")
        #expect(frey.rows.first { $0[0] == "quoted about" }?[1] == .null)
        #expect(frey.rows.first { $0[0] == "events" }?[1] == .null)
        #expect(frey.rows.first { $0[0] == "aliases" }?[1] == "Frey; Mayor Frey; Mayor Jacob Frey; Minneapolis Mayor Jacob Frey")
        #expect(result("who is Homan").rows.first { $0[0] == "party" }?[1] == .null)
        // A time the article does not state is null, not the words "not stated".
        #expect(result("events | where id = e-no-timeline | show when").rows == [[nil]])
        #expect(result("quotes | where time is null | count").column("count") == [result("quotes | where time = null | count").column("count")[0]])
        #expect(result("quotes | where id = s4 | show time").rows == [[nil]])
        let table = ResultRenderer(format: .table).render(result("quotes | where id = s1 | show id, venue"))
        let plain = ResultRenderer(format: .plain).render(result("quotes | where id = s1 | show id, venue"))
        let csv = ResultRenderer(format: .csv).render(result("quotes | where id = s1 | show id, venue"))
        #expect(table == " id | venue\n----+------\n s1 | null\n(1 row)\n")
        #expect(plain == "s1\tnull\n")
        #expect(csv == "id,venue\r\ns1,\r\n")
    }

    // MARK: 3. Time filters

    @Test func timeFiltersNeverReturnWhatTheArticleDoesNotDate() {
        #expect(ids("events on 1900-01-01").isEmpty)
        #expect(ids("events in January 2025").isEmpty)
        #expect(ids("events in May").isEmpty)
        #expect(ids("events between 1999-01-01 and 2025-12-31").isEmpty)
        // Before uses the bound the article states: the shootings came before the takeover.
        #expect(ids("events before 2026-02-01 | where kind = shooting") == ["e-shooting-good", "e-shooting-pretti"])
        #expect(result("events before 2026-02-01 | where kind = shooting | show match").rows == [["exact"], ["exact"]])
        #expect(ids("events before 1900-01-01").isEmpty)
    }

    @Test func naturalDatesResolveAsTheModelsOwnTimesDo() {
        let wednesday = ["e-news-conference", "e-lawsuit", "e-agreement", "e-drawdown"]
        #expect(ids("events on Wednesday") == wednesday)
        #expect(ids("events on February 4") == wednesday)
        #expect(ids("events on Feb 4 2026") == wednesday)
        #expect(ids("events on Feb. 4, 2026") == wednesday)
        #expect(ids("events on 4 February 2026") == wednesday)
        #expect(ids("events on today") == wednesday)
        #expect(ids("events in 2026") == ["e-surge", "e-takeover", "e-agreement", "e-drawdown", "e-news-conference", "e-lawsuit"])
        #expect(ids("events in early January") == ["e-surge"])
        #expect(ids("events in late January") == ["e-takeover", "e-agreement"])
        #expect(result("events in late January").column("match") == ["exact", "possible"])
        #expect(ids("events in this week") == ["e-drawdown", "e-news-conference", "e-lawsuit", "e-agreement"])
        #expect(rendered("events on Tuesdy") == """
            <input>:1:11: error: 'Tuesdy' is not a day newsq can read; write one of: 2026-02-04, Wednesday, today, yesterday, February 4, Feb 4 2026, 4 February 2026
            events on Tuesdy
                      ^~~~~~
            """)
        #expect(rendered("events between 2026-02-04 and 2026-01-01").hasPrefix(
            "<input>:1:16: error: the window ends (2026-01-01) before it starts (2026-02-04); put the earlier day first"))
    }

    // MARK: 5. Saved results

    @Test func aBoundResultKeepsWhatItsSourceCouldDo() throws {
        _ = try shell.run("let h = quotes by Homan")
        #expect(ids(#"h | where has "ICE""#) == ["s14", "s21", "s26"])
        #expect(rendered("h | where kind = drect").hasPrefix("<input>:1:18: error: unknown kind 'drect'"))
        #expect(ids(#"h | where speaker = "the border czar""#) == ids("quotes by Homan"))
        _ = try shell.run("let e = events")
        #expect(ids(#"e | where has "Metro Surge""#) == ["e-surge"])
        _ = try shell.run("let a = actors")
        #expect(ids(#"a | where has "Homan""#) == ["tom-homan"])
    }

    // MARK: 6. Joint statements

    @Test func jointStatementsBelongToEachSpeaker() {
        #expect(ids("quotes | where speaker = Frey") == ["s8"])
        #expect(ids("quotes | where speaker = Walz") == ["s8", "s9"])
        #expect(ids("quotes | where speaker != Walz").count == 29)
        let counts = result("quotes | count by speaker")
        #expect(counts.column("speaker").prefix(6) == ["Tom Homan", "teachers union", "two Minnesota school districts",
                                                       "Donald Trump", "JD Vance", "Tim Walz"])
        #expect(counts.column("count").prefix(6) == [16, 3, 3, 2, 2, 2])
        #expect(!counts.column("speaker").contains("Tim Walz and Jacob Frey"))
        #expect(ids("quotes by Homan or Vance").count == 18)
        #expect(ids("quotes by Homan, Vance") == ids("quotes by Homan or Vance"))
        #expect(ids("quotes by Walz or Frey") == ["s8", "s9"])
    }

    // MARK: 7. Whose words matched

    @Test func verbatimSaysWhoseWordsMatched() {
        let seven = result(#"who said "700""#)
        #expect(seven.column("id") == ["s15", "s2", "s8"])
        #expect(seven.column("verbatim") == ["no", "no", "no"])
        // Trump's partial statement quotes "a softer touch", not "lesson" (AP's word).
        let lesson = result(#"who said "lesson""#)
        #expect(lesson.column("id") == ["s7"])
        #expect(lesson.column("verbatim") == ["no"])
        #expect(result(#"who said "softer touch""#).column("verbatim") == ["yes"])
        // Verbatim matches come first, whatever the kind.
        let operation = result(#"who said "Operation Metro Surge""#)
        #expect(operation.column("verbatim").allSatisfy { $0 == "no" })
        let surrender = result(#"who said "surrender""#)
        #expect(surrender.columns.map(\.name).contains("verbatim"))
        #expect(surrender.displayColumns?.contains("verbatim") == true)
        let mentioning = result(#"quotes mentioning "officer*""#)
        #expect(mentioning.column("verbatim").count == mentioning.rows.count)
        let order = result(#"who said "officers" | show verbatim"#).column("verbatim").map(\.displayText)
        #expect(order == order.sorted { $0 == "yes" && $1 == "no" })
    }

    // MARK: 9. Completeness

    @Test func modelCompletenessSlips() {
        #expect(ids("events involving ICE") == ["e-surge", "e-agreement", "e-protests", "e-jail-handovers"])
        #expect(ids("events | where claimed_by = \"teachers union\"") == ["e-policy-shift"])
        #expect(ids(#"events | where claimed_by = "school districts""#) == ["e-policy-shift"])
        let dateline = result("mentions of Minneapolis | where id = m1 | show text, context")
        #expect(dateline.rows.first?[0] == "MINNEAPOLIS")
        #expect(dateline.rows.first?[1].displayText.hasPrefix("MINNEAPOLIS (AP) — The Trump administration") == true)
        #expect(result("who is schools").rows.first?[1] == "two Minnesota school districts")
        #expect(result("quotes about schools").rows.isEmpty)
        #expect(rendered("who is Operation Metro Surge") == """
            <input>:1:8: error: "Operation Metro Surge" is an event (e-surge), not an actor — ask: source of e-surge, or events | where has "Operation Metro Surge"
            who is Operation Metro Surge
                   ^~~~~~~~~~~~~~~~~~~~~
            """)
    }

    // MARK: 10. Newcomers' phrasings

    @Test func newcomersPhrasingsRun() {
        #expect(ids(#"who said "surrender"?"#) == ["s25"])
        #expect(result("who is Homan?").rows.first?[1] == "Tom Homan")
        #expect(ids("what did Homan say about ICE") == ["s13", "s14", "s21", "s26"])
        #expect(ids("quotes by Homan about ICE") == ["s13", "s14", "s21", "s26"])
        #expect(ids("quotes from Homan") == ids("quotes by Homan"))
        #expect(ids("what does Homan say") == ids("quotes by Homan"))
        #expect(ids("what did Homan said") == ids("quotes by Homan"))
        #expect(result("who was Homan") == result("who is Homan"))
        #expect(ids("events about Homan") == ids("events involving Homan"))
        #expect(ids("who mentioned Trump") == ["s25"])
        #expect(ids("when did Homan take over") == ["e-takeover"])
        #expect(result("when did Homan take over").displayColumns == ["id", "kind", "when", "summary"])
        #expect(ids("how many officers") == ["e-drawdown", "e-remain"])
        #expect(result("mentions | where form = pronoun | count").column("count") == [27])
        #expect(result("mentions").rows.count == result("mentions | count").column("count").first.flatMap {
            if case .integer(let count) = $0 { count } else { nil }
        })
        #expect(ids(#"events | where has "Metro Surge""#) == ["e-surge"])
    }

    @Test func newcomersPhrasingsThatAreErrorsPointToWhatRuns() {
        #expect(rendered("who said surrender") == """
            <input>:1:10: error: expected a string in quotes after 'who said', found 'surrender'
            who said surrender
                     ^~~~~~~~~
              fix: replace 'surrender' with '"surrender"'
              try: who said "surrender"
            """)
        #expect(rendered("list actors") == """
            <input>:1:1: error: unknown command 'list' — the query starts at 'actors'
            list actors
            ^~~~
              fix: remove 'list '
              try: actors
            """)
        #expect(rendered(#"events in "May""#) == """
            <input>:1:11: error: no place is called "May"; for the time, write it without quotes: events in May
            events in "May"
                      ^~~~~
              fix: replace '"May"' with 'May'
              try: events in May
            """)
        #expect(rendered(#"who said "surender""#) == """
            <input>:1:10: error: no statement has the word "surender" — did you mean "surrendering"?
            who said "surender"
                     ^~~~~~~~~~
              fix: replace '"surender"' with '"surrendering"'
              try: who said "surrendering"
            """)
        #expect(rendered("when did Homan sing").hasPrefix(
            #"<input>:1:16: error: no event with Tom Homan taking part has the words "sing" — list them: events involving Tom Homan"#))
        #expect(rendered("how many tanks").hasPrefix(
            #"<input>:1:10: error: no quantity the article states has the words "tanks" — search the statements: quotes mentioning "tanks""#))
        #expect(rendered("help").hasPrefix("<input>:1:1: error: for help, type :help (or :help queries for the query forms)"))
        #expect(rendered("quit").hasPrefix("<input>:1:1: error: to leave, type :quit (or press ^D)"))
        #expect(rendered("exit").hasPrefix("<input>:1:1: error: to leave, type :quit (or press ^D)"))
        // A word that is not in a searched field is an error; words that are but not together
        // are a true empty answer.
        #expect(rendered(#"events | where has "surender""#).hasPrefix(#"<input>:1:20: error: no event has the word "surender""#))
        #expect(ids(#"who said "surrender ICE""#).isEmpty)
        #expect(ids(#"quotes | where not has "surender""#).count == 31)
    }
}
