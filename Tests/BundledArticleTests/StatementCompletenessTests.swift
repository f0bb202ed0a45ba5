import Testing
import NewsModel
@testable import BundledArticle

/// Every attribution of speech in the article is a statement with the right speaker, and every
/// quotation-marked passage belongs to exactly one statement or is a modelled title.
@Suite("Statements: complete and correctly attributed")
struct StatementCompletenessTests {
    let model = ArticleModel.bundled

    /// (id, paragraph, speaker, co-speakers, kind, cue) for every statement, in text order.
    static let expected: [(String, Int, String, [String], Statement.Kind, String)] = [
        ("s1", 1, "tom-homan", [], .reported, "said"),
        ("s2", 2, "tom-homan", [], .reported, "said"),
        ("s3", 4, "tom-homan", [], .reported, "said"),
        ("s4", 4, "dhs", [], .partial, "called"),
        ("s5", 6, "tom-homan", [], .reported, "said"),
        ("s6", 7, "donald-trump", [], .reported, "told"),
        ("s7", 7, "donald-trump", [], .partial, "added"),
        ("s8", 8, "tim-walz", ["jacob-frey"], .reported, "said"),
        ("s9", 9, "tim-walz", [], .direct, "posted"),
        ("s10", 10, "jd-vance", [], .reported, "said"),
        ("s11", 10, "jd-vance", [], .direct, "said"),
        ("s12", 13, "tom-homan", [], .reported, "said"),
        ("s13", 13, "tom-homan", [], .reported, "pushed for"),
        ("s14", 13, "tom-homan", [], .reported, "saying"),
        ("s15", 14, "tom-homan", [], .partial, "said"),
        ("s16", 15, "karoline-leavitt", [], .reported, "said"),
        ("s17", 16, "trump-administration", [], .reported, "complained"),
        ("s18", 17, "minnesota-officials", [], .reported, "say"),
        ("s19", 19, "hennepin-sheriff", [], .reported, "said"),
        ("s20", 20, "tom-homan", [], .reported, "calls"),
        ("s21", 21, "tom-homan", [], .reported, "said"),
        ("s22", 22, "tom-homan", [], .direct, "said"),
        ("s23", 22, "tom-homan", [], .direct, "said"),
        ("s24", 23, "tom-homan", [], .reported, "made clear"),
        ("s25", 23, "tom-homan", [], .direct, "said"),
        ("s26", 24, "tom-homan", [], .direct, "said"),
        ("s27", 24, "tom-homan", [], .direct, "said"),
        ("s28", 25, "school-districts", ["teachers-union"], .reported, "ask"),
        ("s29", 26, "school-districts", ["teachers-union"], .reported, "saying"),
        ("s30", 27, "school-districts", ["teachers-union"], .partial, "argues"),
        ("s31", 28, "tricia-mclaughlin", [], .direct, "said"),
    ]

    @Test func everyStatementHasTheRightSpeakerKindAndCue() {
        #expect(model.statements.count == Self.expected.count)
        for (statement, expected) in zip(model.statements, Self.expected) {
            let (id, paragraph, speaker, coSpeakers, kind, cue) = expected
            #expect(statement.id == id)
            #expect(statement.contentSpans.first?.paragraph == paragraph, "\(id)")
            #expect(statement.speaker == speaker, "\(id)")
            #expect(statement.coSpeakers == coSpeakers, "\(id)")
            #expect(statement.kind == kind, "\(id)")
            #expect(statement.cue == cue, "\(id)")
        }
    }

    /// Every speech verb in the text is the cue of a statement, except the ones that report
    /// that something was NOT said, which are omission events.
    @Test func everySpeechVerbIsACueOrARecordedOmission() {
        let text = ScalarText(model.article.text)
        let cues = Set(model.statements.compactMap { $0.cueSpan?.start })
        let omissions = model.events.filter { $0.kind == .omission || $0.kind == .noResponse }.flatMap(\.evidence)
        // "pushed for" is left out: in the ¶11 heading it names a policy push, not speech; s13's
        // "pushed for" is a cue and is checked by everyStatementHasTheRightSpeakerKindAndCue.
        let verbs = ["said", "say", "says", "saying", "told", "posted", "added", "argues", "complained", "called",
                     "calls", "ask", "asked", "made clear", "respond", "provide", "posted"]
        var unaccounted: [String] = []
        for verb in verbs {
            for start in text.occurrences(of: verb, in: 0..<text.count) {
                let inOmission = omissions.contains { $0.start <= start && start < $0.end }
                if !cues.contains(start) && !inOmission {
                    let paragraph = model.article.paragraph(containing: start)?.number ?? 0
                    unaccounted.append("¶\(paragraph) \"\(verb)\" at \(start)")
                }
            }
        }
        #expect(unaccounted == [])
    }

    /// Each “…” passage is covered by exactly one direct statement's content or partial
    /// statement's quoted fragment, or is a title modelled as an actor mention.
    @Test func everyQuotationBelongsToExactlyOneStatement() {
        let text = ScalarText(model.article.text)
        let openings = text.occurrences(of: "“", in: 0..<text.count, wholeWords: false)
        let closings = text.occurrences(of: "”", in: 0..<text.count, wholeWords: false)
        #expect(openings.count == 13)
        #expect(openings.count == closings.count)
        let titles = model.actors.filter { $0.kind == .organization }.flatMap(\.mentions)
            .filter { $0.form == .name }.map(\.span)
        for (open, close) in zip(openings, closings) {
            let inner = open + 1..<close
            let owners = model.statements.filter { statement in
                let spans = statement.kind == .direct ? statement.contentSpans : statement.quotes
                return spans.contains { inner.contains($0.start) && $0.end <= inner.upperBound }
            }
            // A title fills the passage, but for the sentence's closing punctuation.
            let isTitle = titles.contains { $0.start == open + 1 && $0.end <= close && $0.end >= close - 1 }
            let passage = text.text(from: open, to: close + 1)
            #expect(owners.count + (isTitle ? 1 : 0) == 1, "\(passage) belongs to \(owners.map(\.id))")
        }
    }

    @Test func directQuotationsAreTheWordsBetweenTheMarks() {
        let homan = model.statements.first { $0.content.hasPrefix("We are not surrendering") }
        #expect(homan?.speaker == "tom-homan")
        #expect(homan?.kind == .direct)
        #expect(homan?.content == "We are not surrendering the president’s mission on a mass deportation operation")
        #expect(model.statement("s9")?.content.hasSuffix("an end to this campaign of retribution") == true)
        #expect(model.statement("s15")?.quotes.map(\.text) == ["increase in unprecedented collaboration"])
        #expect(model.statement("s4")?.quotes.map(\.text) == ["largest immigration enforcement operation ever."])
    }

    @Test func interruptedParaphraseIsOneStatementWithTwoSpans() {
        let pullout = model.statement("s5")
        #expect(pullout?.contentSpans.count == 2)
        #expect(pullout?.content == "A widespread pullout will occur only after there’s more cooperation and protesters stop interfering with federal agents carrying out arrests")
        // The AP's gloss between the dashes is not the administration's complaint.
        #expect(model.statement("s17")?.content == "places known as sanctuary jurisdictions hinder the arrest of criminal immigrants")
    }

    @Test func groupsAndOrganisationsSpeak() {
        #expect(model.statements.contains { $0.speaker == "minnesota-officials" && $0.cue == "say" })
        #expect(model.statements.contains { $0.speaker == "hennepin-sheriff" && $0.content == "its policies have not changed" })
        #expect(model.statements.contains { $0.cue == "argues" && $0.venue == "lawsuit" })
        #expect(model.statements.contains { $0.speaker == "dhs" && $0.cue == "called" })
    }

    @Test func aNonResponseIsNotAStatement() {
        #expect(!model.statements.contains { $0.speakers.contains("ramsey-sheriff") })
        let silence = model.events.filter { $0.kind == .noResponse }
        #expect(silence.count == 1)
        #expect(silence.first?.participants == [Participant(actor: "ramsey-sheriff", role: .respondent)])
    }

    @Test func venuesAddresseesAndTimes() {
        let wednesday = CalendarDate(year: 2026, month: 2, day: 4)
        #expect(model.statement("s1")?.time.earliest == wednesday)
        #expect(model.statement("s1")?.time.text == "Wednesday")
        #expect(model.statement("s6")?.venue == "NBC News")
        #expect(model.statement("s6")?.addressee == "nbc-news")
        #expect(model.statement("s9")?.venue == "social media")
        #expect(model.statement("s11")?.venue == "The Megyn Kelly Show")
        #expect(model.statement("s15")?.venue == "news conference")
        #expect(model.statement("s15")?.occasion == "e-news-conference")
        #expect(model.statement("s16")?.venue == "statement")
        #expect(model.statement("s26")?.addressee == "protesters")
        // Times the article does not state stay unknown.
        #expect(model.statement("s6")?.time == .unknown)
        #expect(model.statement("s31")?.time == .unknown)
    }

    @Test func sentenceSpansCoverTheAttribution() {
        #expect(model.statement("s23")?.sentenceSpan.text ==
                "“I think it’s very effective as far as public safety goes,” he said Wednesday. “Was it a perfect operation? No.”")
        for statement in model.statements {
            for span in statement.contentSpans + [statement.cueSpan, statement.speakerSpan].compactMap({ $0 }) {
                #expect(statement.sentenceSpan.contains(span), "\(statement.id)")
            }
        }
    }
}
