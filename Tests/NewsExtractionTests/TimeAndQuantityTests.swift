import NewsExtraction
import NewsModel
import Testing

@Suite("Times and quantities")
struct TimeAndQuantityTests {
    /// Every event's time as "words: earliest…latest".
    func times(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        guard let model = extracted(text, sourceLocation: sourceLocation) else { return [] }
        return model.events.map { event in
            let time = event.time
            return "\(time.text ?? "-"): \(time.earliest?.iso ?? "?")…\(time.latest?.iso ?? "?") \(time.precision.rawValue)"
        }
    }

    @Test func relativeTimesResolveAgainstTheArticleDate() {
        // The fixtures are dated Wednesday 2026-03-11.
        #expect(times("The ferry sank on Tuesday.") == ["Tuesday: 2026-03-10…2026-03-10 day"])
        #expect(times("The ferry sank on Wednesday.") == ["Wednesday: 2026-03-11…2026-03-11 day"])
        #expect(times("The ferry sank last week.") == ["last week: 2026-03-02…2026-03-08 range"])
        #expect(times("Talks went on over the past week.") == ["over the past week: 2026-03-04…2026-03-11 range"])
        #expect(times("The surge began in early January.") == ["early January: 2026-01-01…2026-01-10 partOfMonth"])
        #expect(times("The plan dates from December.") == ["December: 2025-12-01…2025-12-31 month"])
        #expect(times("The ferry sank yesterday.") == ["yesterday: 2026-03-10…2026-03-10 day"])
    }

    @Test func explicitDates() {
        #expect(times("The vote is on Jan. 5.") == ["Jan. 5: 2026-01-05…2026-01-05 day"])
        #expect(times("The vote was on November 3, 2020.") == ["November 3, 2020: 2020-11-03…2020-11-03 day"])
        #expect(times("The vote was on 5 January 2005.") == ["5 January 2005: 2005-01-05…2005-01-05 day"])
        #expect(times("The vote was in 2016.") == ["2016: 2016-01-01…2016-12-31 range"])
    }

    @Test func nothingIsInvented() {
        // A day that does not exist is not a time; words without a date stay unknown.
        #expect(times("The vote is on February 30.") == [])
        #expect(times("The ferry will sail next Monday.") == ["next Monday: ?…? unknown"])
        #expect(times("The ferry sank long ago.") == [])
    }

    @Test func hedgedQuantities() throws {
        let model = try #require(extracted("""
            About 700 federal officers will leave, roughly a quarter of the total. More than 2,000 remain. The city spent £1,400 and 3.5 million dollars.
            """))
        let quantities = model.events.flatMap(\.quantities).map { "\($0.span.text)=\($0.value) \($0.unit)\($0.approximate ? " ~" : "")" }
        #expect(quantities == [
            "About 700=700.0 federal officers ~", "roughly a quarter=0.25 of the total ~", "More than 2,000=2000.0 remain ~",
            "£1,400=1400.0 £", "3.5 million=3500000.0 dollars",
        ])
    }

    @Test func aStatementTakesTheTimeNextToItsCue() throws {
        let model = try #require(extracted("The mayor said Tuesday that the ferry would run again."))
        #expect(model.statements.first?.time.earliest == CalendarDate(year: 2026, month: 3, day: 10))
        #expect(model.statements.first?.time.text == "Tuesday")
    }
}
