import Testing
import NewsModel
@testable import BundledArticle

/// The events the article reports, each with stated times only, stated orderings and evidence.
@Suite("Events: complete, dated only as stated")
struct EventCompletenessTests {
    let model = ArticleModel.bundled

    func event(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) -> Event? {
        let found = model.event(id)
        #expect(found != nil, "missing event \(id)", sourceLocation: sourceLocation)
        return found
    }

    @Test func theArticlesEventsAreAllThere() {
        let required: [(String, Event.Kind)] = [
            ("e-drawdown", .withdrawal), ("e-remain", .deployment), ("e-surge", .operation),
            ("e-shooting-good", .shooting), ("e-shooting-pretti", .shooting), ("e-takeover", .takeover),
            ("e-agreement", .agreement), ("e-news-conference", .newsConference), ("e-nbc-interview", .interview),
            ("e-vance-interview", .interview), ("e-walz-post", .post), ("e-leavitt-statement", .statement),
            ("e-lawsuit", .lawsuit), ("e-protests", .protest), ("e-policy-shift", .policyChange),
            ("e-ramsey-no-response", .noResponse),
        ]
        for (id, kind) in required {
            #expect(event(id)?.kind == kind, "\(id)")
        }
    }

    @Test func quantitiesKeepTheirHedges() {
        let drawdown = event("e-drawdown")
        #expect(drawdown?.quantities.map(\.value) == [700, 0.25])
        #expect(drawdown?.quantities.allSatisfy(\.approximate) == true)
        #expect(drawdown?.quantities.first?.span.text == "About 700 federal officers")
        #expect(event("e-remain")?.quantities.first?.value == 2000)
        #expect(event("e-remain")?.quantities.first?.span.text == "About 2,000 officers")
    }

    @Test func timesAreOnlyWhatTheArticleStates() {
        let january = { (day: Int) in CalendarDate(year: 2026, month: 1, day: day)! }
        #expect(event("e-surge")?.time.text == "early January")
        #expect(event("e-surge")?.time.earliest == january(1))
        #expect(event("e-surge")?.time.latest == january(10))
        #expect(event("e-takeover")?.time.text == "late January")
        #expect(event("e-takeover")?.time.latest == january(31))
        #expect(event("e-agreement")?.time.text == "over the past week")
        #expect(event("e-agreement")?.time.earliest == january(28))
        #expect(event("e-lawsuit")?.time.precision == .day)
        #expect(event("e-lawsuit")?.time.earliest == CalendarDate(year: 2026, month: 2, day: 4))
        // The shootings' dates are not in the article: no invented day, only the implied bound.
        for id in ["e-shooting-good", "e-shooting-pretti"] {
            #expect(event(id)?.time.text == nil)
            #expect(event(id)?.time.earliest == nil)
            #expect(event(id)?.time.latest == january(31))
        }
        #expect(event("e-nbc-interview")?.time == .unknown)
    }

    @Test func statedOrderings() {
        let takeover = event("e-takeover")
        let after = takeover?.relations.filter { $0.kind == .after }.map(\.event).sorted()
        #expect(after == ["e-shooting-good", "e-shooting-pretti"])
        #expect(takeover?.relations.first?.span.text == "after the second fatal shooting by federal officers")
        #expect(event("e-drawdown")?.relations.map(\.event) == ["e-agreement"])
        #expect(event("e-remain")?.relations.map(\.kind) == [.after])
    }

    @Test func participantsAndClaims() {
        let lawsuit = event("e-lawsuit")
        #expect(lawsuit?.participants.filter { $0.role == .plaintiff }.map(\.actor) == ["school-districts", "teachers-union"])
        #expect(event("e-order")?.claimedBy == "donald-trump")
        #expect(event("e-policy-shift")?.claimedBy == "school-districts")
        #expect(event("e-shooting-good")?.participants.contains(Participant(actor: "renee-good", role: .victim)) == true)
        #expect(event("e-shooting-pretti")?.participants.contains(Participant(actor: "alex-pretti", role: .victim)) == true)
    }

    @Test func everyEventHasEvidenceInTheText() {
        for event in model.events {
            #expect(!event.evidence.isEmpty, "\(event.id)")
        }
    }
}
