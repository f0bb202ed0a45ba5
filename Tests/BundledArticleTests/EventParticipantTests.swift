import Testing
import NewsModel
@testable import BundledArticle

/// Every actor the sentences of an event's evidence name either takes part in the event (a
/// participant, its place, or a claimant) or is listed here with the reason it does not — so a
/// new mention or event cannot leave an actor out unnoticed (`events involving ICE` once
/// returned nothing although the article calls the operation "the ICE operation").
@Suite("Events: every actor their sentences name is accounted for")
struct EventParticipantTests {
    let model = ArticleModel.bundled

    /// Actors named in an event's evidence sentences that do not take part in it, and why.
    static let notTakingPart: [String: [String: String]] = [
        "e-drawdown": [
            "minneapolis": "the dateline and Frey's title", "minnesota-officials": "their agreement is e-agreement",
            "immigrants": "turned over under e-agreement", "nbc-news": "where Trump spoke (e-nbc-interview)",
            "tim-walz": "comments on it (s8)", "jacob-frey": "comments on it (s8)",
        ],
        "e-order": [
            "trump-administration": "the “we” and “you” of Trump's lesson", "minnesota": "the turmoil's place, in the quote",
            "nbc-news": "where Trump spoke (e-nbc-interview)",
        ],
        "e-remain": ["tom-homan": "the source (“Homan said”)"],
        "e-surge": ["minneapolis": "the dateline", "tom-homan": "the source of ¶1 and ¶21; his part is e-takeover"],
        "e-shooting-good": [
            "trump-administration": "the operation's end, in the same sentence", "minnesota": "the “We” of Walz's post",
            "tom-homan": "the “he” who gives no timeline", "donald-trump": "his deportation efforts, not the shooting",
            "united-states": "in “U.S. citizens”", "alex-pretti": "the other shooting (e-shooting-pretti)",
            "tim-walz": "asks for an investigation (s9)",
        ],
        "e-shooting-pretti": [
            "trump-administration": "the operation's end, in the same sentence", "minnesota": "the “We” of Walz's post",
            "tom-homan": "the “he” who gives no timeline", "donald-trump": "his deportation efforts, not the shooting",
            "united-states": "in “U.S. citizens”", "renee-good": "the other shooting (e-shooting-good)",
            "tim-walz": "asks for an investigation (s9)",
        ],
        "e-takeover": ["federal-officers": "the shooting before it", "donald-trump": "in Homan's title, “Trump's border czar”"],
        "e-agreement": [
            "federal-officers": "withdrawn because of it (e-drawdown)", "tom-homan": "the source (“Homan said”)",
            "united-states": "in “the country”", "county-jails": "Homan's push for jails to alert ICE (¶13), not a party the article names",
        ],
        "e-news-conference": ["federal-officers": "what Homan spoke about", "minnesota": "what Homan spoke about"],
        "e-nbc-interview": ["trump-administration": "the “we” and “you” of Trump's lesson", "minnesota": "the turmoil's place, in the quote"],
        "e-vance-interview": ["trump-administration": "the “We” of Vance's quote"],
        "e-walz-post": [
            "federal-officers": "the “forces” Walz wants drawn down", "minnesota": "the “We” of the post",
            "renee-good": "whose killing Walz wants investigated", "alex-pretti": "whose killing Walz wants investigated",
        ],
        "e-leavitt-statement": [
            "trump-administration": "what the statement says it will do", "minnesota-officials": "whom the statement says will be monitored",
        ],
        "e-lawsuit": ["minnesota": "in the plaintiffs' description", "students": "whom the plaintiffs say the enforcement endangers"],
        "e-protests": ["tom-homan": "the source (“Homan said”)"],
        "e-no-timeline": [
            "minneapolis": "the shootings' place", "trump-administration": "who might end the operation",
            "donald-trump": "his deportation efforts", "united-states": "in “U.S. citizens”",
            "renee-good": "the shootings", "alex-pretti": "the shootings",
        ],
        "e-no-jurisdictions": ["dhs": "whom the unnamed jurisdictions cooperate with"],
        "e-ramsey-no-response": ["st-paul": "where the sheriff's office is"],
        "e-jail-handovers": ["minneapolis": "served by the jails", "st-paul": "served by the jails"],
    ]

    /// The actors each event's evidence sentences mention, by id.
    func named(in event: Event) -> Set<String> {
        let sentences = Set(event.evidence.map(\.sentence))
        return Set(model.actors.filter { actor in actor.mentions.contains { sentences.contains($0.span.sentence) } }.map(\.id))
    }

    func involved(in event: Event) -> Set<String> {
        Set(event.participants.map(\.actor) + [event.place].compactMap { $0 } + event.claimants)
    }

    @Test func everyNamedActorTakesPartOrIsExplained() {
        for event in model.events {
            let exempt = Self.notTakingPart[event.id] ?? [:]
            for actor in named(in: event).subtracting(involved(in: event)).sorted() {
                #expect(exempt[actor] != nil, "\(event.id): \(actor) is named in its evidence sentences but neither takes part nor is explained")
            }
        }
    }

    @Test func everyExplanationIsStillNeeded() {
        for (id, exempt) in Self.notTakingPart {
            guard let event = model.event(id) else {
                Issue.record("no event \(id)")
                continue
            }
            for actor in exempt.keys.sorted() {
                #expect(named(in: event).contains(actor), "\(id): \(actor) is not named in its evidence sentences any more")
                #expect(!involved(in: event).contains(actor), "\(id): \(actor) takes part now; drop its explanation")
            }
        }
    }

    @Test func iceTakesPartWhereTheArticleSaysSo() {
        let ice = model.events.filter { involved(in: $0).contains("ice") }.map(\.id)
        #expect(ice == ["e-surge", "e-agreement", "e-protests", "e-jail-handovers"])
        #expect(model.event("e-policy-shift")?.claimants == ["school-districts", "teachers-union"])
    }
}
