import NewsExtraction
import NewsModel
import Testing

@Suite("Events")
struct EventTests {
    @Test func speechOccasions() throws {
        let model = try #require(extracted("""
            Mayor Paula Reyes said during a news conference on Tuesday that the ferry would run again.

            Senator Mark Ellison said in an interview with the Harbor Gazette that he agreed.

            The Riverside Water Company said in a statement that rates would not change.
            """))
        let occasions = model.events.filter { [.newsConference, .interview, .statement].contains($0.kind) }
        #expect(occasions.map(\.kind) == [.newsConference, .interview, .statement])
        #expect(occasions[0].participants.map(\.role) == [.speaker])
        #expect(occasions[0].time.earliest == CalendarDate(year: 2026, month: 3, day: 10))
        #expect(occasions[1].participants.map(\.role) == [.speaker, .interviewer])
        #expect(model.statements.map(\.occasion) == occasions.map(\.id))
        #expect(model.statements.map(\.venue) == ["news conference", "interview", "statement"])
    }

    @Test func clausesWithATimeOrAQuantity() throws {
        let model = try #require(extracted("""
            About 700 officers were withdrawn on Monday. Two protesters were arrested in Boston on Tuesday.

            The weather was fine.
            """))
        let clauses = model.events.filter { $0.kind != .newsConference }
        #expect(clauses.map(\.kind) == [.withdrawal, .arrest])
        #expect(clauses[0].quantities.first?.value == 700)
        #expect(clauses[0].time.earliest == CalendarDate(year: 2026, month: 3, day: 9))
        #expect(model.actor(clauses[1].place ?? "")?.name == "Boston")
        #expect(clauses[1].participants.contains { $0.role == .location })
        // A sentence with neither a time nor a quantity is no event.
        #expect(!model.events.contains { $0.evidence.contains { $0.text.contains("weather") } })
    }

    @Test func aClaimIsTheSpeakers() throws {
        let model = try #require(extracted("Mayor Paula Reyes said that 40 boats were lost."))
        let event = try #require(model.events.first)
        #expect(model.actor(event.claimedBy ?? "")?.name == "Paula Reyes")
        #expect(event.evidence.map(\.text) == ["40 boats were lost"])
    }

    @Test func aKindNoWordShowsIsOther() throws {
        let model = try #require(extracted("The harbor opened 12 berths on Monday."))
        #expect(model.events.map(\.kind) == [.other])
        #expect(model.minimumFormat == 2)
    }
}
